/**
 * Configuration is read from the environment once, at start, into a frozen object.
 * An invalid value stops the process with a message naming the variable.
 */
import path from 'node:path';

export type Role = 'all' | 'api' | 'worker';

export interface Config {
  readonly role: Role;
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly natsUrl: string | undefined;
  readonly adminPassword: string | undefined;
  readonly logLevel: string;
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  readonly sessionTtlHours: number;
  readonly bodyLimitBytes: number;
  readonly loginAttemptsPerAccount: number;
  readonly loginAttemptsPerAddress: number;
  readonly loginWindowMinutes: number;
  readonly webDistDir: string;
  readonly detect: DetectConfig;
  readonly incidents: IncidentsConfig;
}

/** Incident handling (incidents module): reporting deadlines and the public form's abuse guard. */
export interface IncidentsConfig {
  /** Hours from detection to each reporting stage's deadline. */
  readonly reportDeadlineHours: { readonly early_warning: number; readonly notification: number; readonly final: number };
  readonly publicReportsPerHour: number;
  /** Leading zero bits the public form's proof of work must find. */
  readonly powBits: number;
  /** SMTP relay for e-mail notifications (smtp://host:port); none: e-mail subscriptions are not delivered. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
}

/** A syslog listener and the organisation its events belong to (by id or acronym). */
export interface SyslogListener {
  readonly protocol: 'udp' | 'tcp';
  readonly port: number;
  readonly organisation: string;
}

/** The event pipeline's settings (detect module, src/events). */
export interface DetectConfig {
  readonly syslogHost: string;
  readonly syslogListeners: readonly SyslogListener[];
  readonly busCapacity: number;
  readonly busPartitions: number;
  readonly batchSize: number;
  readonly rulesDirs: readonly string[];
  readonly retentionDays: number;
  readonly dedupMinutes: number;
  readonly maxEventBytes: number;
  readonly eventsBodyLimitBytes: number;
  readonly reloadSeconds: number;
  readonly natsAckWaitSeconds: number;
  readonly natsLeaseTtlSeconds: number;
  readonly natsStreamMaxBytes: number;
  readonly natsPrefix: string;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}`);
  }
  return raw;
}

function listeners(env: Env): SyslogListener[] {
  const raw = env.QALXAN_SYSLOG_LISTENERS;
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((item) => {
    const m = /^(udp|tcp):(\d{1,5})=([^,=\s]+)$/u.exec(item.trim());
    if (!m || Number(m[2]) > 65535) throw new ConfigError(`QALXAN_SYSLOG_LISTENERS must look like udp:5514=ORG,tcp:5514=ORG (ORG an acronym or id), got "${item}"`);
    return Object.freeze({ protocol: m[1] as 'udp' | 'tcp', port: Number(m[2]), organisation: m[3] });
  });
}

function natsPrefix(env: Env): string {
  const raw = env.QALXAN_NATS_PREFIX || 'qalxan';
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(raw)) throw new ConfigError(`QALXAN_NATS_PREFIX must be lower-case letters, digits or _ (at most 31), got "${raw}"`);
  return raw;
}

function detectConfig(env: Env): DetectConfig {
  return Object.freeze({
    syslogHost: env.QALXAN_SYSLOG_HOST || env.QALXAN_HOST || '127.0.0.1',
    syslogListeners: Object.freeze(listeners(env)),
    busCapacity: int(env, 'QALXAN_BUS_CAPACITY', 200_000, 1000, 100_000_000),
    busPartitions: int(env, 'QALXAN_BUS_PARTITIONS', 8, 1, 256),
    batchSize: int(env, 'QALXAN_DETECT_BATCH', 1000, 1, 10_000),
    rulesDirs: Object.freeze((env.QALXAN_DETECT_RULES_DIR ?? '').split(path.delimiter).filter(Boolean).map((d) => path.resolve(d))),
    retentionDays: int(env, 'QALXAN_EVENT_RETENTION_DAYS', 30, 1, 3650),
    dedupMinutes: int(env, 'QALXAN_ALERT_DEDUP_MINUTES', 60, 1, 10_080),
    maxEventBytes: int(env, 'QALXAN_EVENT_MAX_BYTES', 262_144, 1024, 16_777_216),
    eventsBodyLimitBytes: int(env, 'QALXAN_EVENTS_BODY_LIMIT_BYTES', 67_108_864, 1024, 1_073_741_824),
    reloadSeconds: int(env, 'QALXAN_DETECT_RELOAD_SECONDS', 5, 1, 3600),
    natsAckWaitSeconds: int(env, 'QALXAN_NATS_ACK_WAIT_SECONDS', 30, 1, 3600),
    natsLeaseTtlSeconds: int(env, 'QALXAN_NATS_LEASE_TTL_SECONDS', 6, 2, 600),
    natsStreamMaxBytes: int(env, 'QALXAN_NATS_STREAM_MAX_BYTES', 1_073_741_824, 1_048_576, 1_099_511_627_776),
    natsPrefix: natsPrefix(env),
  });
}

function incidentsConfig(env: Env): IncidentsConfig {
  return Object.freeze({
    reportDeadlineHours: Object.freeze({
      early_warning: int(env, 'QALXAN_INCIDENT_EARLY_WARNING_HOURS', 24, 1, 8760),
      notification: int(env, 'QALXAN_INCIDENT_NOTIFICATION_HOURS', 72, 1, 8760),
      final: int(env, 'QALXAN_INCIDENT_FINAL_REPORT_DAYS', 30, 1, 365) * 24,
    }),
    publicReportsPerHour: int(env, 'QALXAN_PUBLIC_REPORTS_PER_HOUR', 5, 1, 10_000),
    powBits: int(env, 'QALXAN_PUBLIC_REPORT_POW_BITS', 18, 0, 28),
    smtpUrl: url(env, 'QALXAN_SMTP_URL', ['smtp:']),
    mailFrom: env.QALXAN_MAIL_FROM || 'qalxan@localhost',
  });
}

/** Parses the environment; throws ConfigError naming the offending variable. */
export function loadConfig(env: Env = process.env): Config {
  const adminPassword = env.QALXAN_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 12) {
    throw new ConfigError('QALXAN_ADMIN_PASSWORD must be at least 12 characters');
  }
  return Object.freeze({
    role: oneOf(env, 'ROLE', ['all', 'api', 'worker'] as const, 'all'),
    host: env.QALXAN_HOST || '127.0.0.1',
    port: int(env, 'QALXAN_PORT', 8080, 0, 65535),
    dataDir: path.resolve(env.QALXAN_DATA_DIR || './data'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    natsUrl: url(env, 'NATS_URL', ['nats:', 'tls:']),
    adminPassword,
    logLevel: oneOf(env, 'QALXAN_LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    secureCookies: bool(env, 'QALXAN_SECURE_COOKIES', false),
    trustProxy: bool(env, 'QALXAN_TRUST_PROXY', false),
    sessionTtlHours: int(env, 'QALXAN_SESSION_TTL_HOURS', 12, 1, 24 * 30),
    bodyLimitBytes: int(env, 'QALXAN_BODY_LIMIT_BYTES', 1_048_576, 1024, 512 * 1_048_576),
    loginAttemptsPerAccount: int(env, 'QALXAN_LOGIN_ATTEMPTS_PER_ACCOUNT', 5, 1, 1000),
    loginAttemptsPerAddress: int(env, 'QALXAN_LOGIN_ATTEMPTS_PER_ADDRESS', 20, 1, 100000),
    loginWindowMinutes: int(env, 'QALXAN_LOGIN_WINDOW_MINUTES', 15, 1, 1440),
    webDistDir: path.resolve(env.QALXAN_WEB_DIST || './dist/web'),
    detect: detectConfig(env),
    incidents: incidentsConfig(env),
  });
}
