/**
 * An in-process app over a fresh test database, with factories for organisations and users
 * and a client that signs in (passing MFA where the role needs it) and keeps cookie and CSRF.
 */
import * as OTPAuth from 'otpauth';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../config.ts';
import { buildApp } from '../http/app.ts';
import { newId } from '../lib/crypto.ts';
import { createLogger } from '../lib/logger.ts';
import { hashPassword } from '../modules/identity/password.ts';
import * as organisationStore from '../modules/identity/organisations.store.ts';
import * as userStore from '../modules/identity/users.store.ts';
import type { OrganisationKind, RoleName } from '../modules/identity/identity.tables.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export interface TestContext extends TestDatabase {
  app: TestApp;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = loadConfig({ QALXAN_DATA_DIR: '/nonexistent', QALXAN_WEB_DIST: '/nonexistent', ...env });
  const app = await buildApp({ config, db: database.db, logger: createLogger('silent') });
  await app.ready();
  return { ...database, app, config, async close() { await app.close(); await database.drop(); } };
}

let counter = 0;
function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

export async function makeOrganisation(ctx: TestContext, kind: OrganisationKind = 'cii_operator', parentId: string | null = null): Promise<string> {
  const id = newId();
  const acronym = unique('ORG');
  await organisationStore.insert(ctx.db, { id, acronym, name_az: `${acronym} az`, name_en: `${acronym} en`, kind, sector: 'energy', parent_id: parentId, is_national_cert: false });
  return id;
}

export async function nationalCertId(ctx: TestContext): Promise<string> {
  return (await organisationStore.nationalCertIds(ctx.db))[0];
}

export const testPassword = 'Correct-Horse-Battery-9';
// Hashing is deliberately slow; tests reuse one hash.
const passwordHash = hashPassword(testPassword);

export interface TestUser { id: string; username: string; totpSecret?: string }

/** A user ready to work: password already changed; privileged roles get MFA enrolled. */
export async function makeUser(ctx: TestContext, memberships: { organisationId: string; role: RoleName }[], options: { fresh?: boolean } = {}): Promise<TestUser> {
  const id = newId();
  const username = unique('user');
  const needsMfa = !options.fresh && memberships.some((m) => ['admin', 'coordinator', 'investigator'].includes(m.role));
  const totpSecret = needsMfa ? new OTPAuth.Secret({ size: 20 }).base32 : undefined;
  await userStore.insert(ctx.db, {
    id, username, display_name: username, email: null, password_hash: await passwordHash, must_change_password: options.fresh === true,
    disabled: false, mfa_secret: totpSecret ?? null, mfa_enabled: needsMfa, mfa_last_step: null,
  });
  await userStore.replaceMemberships(ctx.db, id, memberships.map((m) => ({ user_id: id, organisation_id: m.organisationId, role: m.role })));
  return { id, username, totpSecret };
}

export function totpAt(secret: string, timestamp: number): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });
}

export function totpNow(secret: string, offsetSteps = 0): string {
  return totpAt(secret, Date.now() + offsetSteps * 30_000);
}

export interface Client {
  csrf: string;
  cookie: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export function clientFor(ctx: TestContext, cookie = '', csrf = ''): Client {
  const client: Client = {
    cookie, csrf,
    request: (method, url, body, headers = {}) => ctx.app.inject({
      method: method as 'GET', url, payload: body as object | undefined,
      headers: { ...(client.cookie ? { cookie: client.cookie } : {}), ...(client.csrf ? { 'x-csrf-token': client.csrf } : {}), ...headers },
    }),
  };
  return client;
}

// Codes are single-use per 30-second step and accepted one step either side of now. Each
// sign-in of a user takes the next unused step from the current one on, waiting for time to
// catch up when the next step is not yet acceptable: never a step about to expire.
const stepsUsed = new Map<string, number>();

async function nextTotpStep(userId: string): Promise<number> {
  const current = Math.floor(Date.now() / 30_000);
  const step = Math.max(current, (stepsUsed.get(userId) ?? -Infinity) + 1);
  if (step > current + 1) await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 50));
  stepsUsed.set(userId, step);
  return step;
}

/** Signs in through the API (and passes MFA when enrolled). */
export async function signIn(ctx: TestContext, user: TestUser, password = testPassword): Promise<Client> {
  const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const setCookie = [response.headers['set-cookie']].flat()[0] as string;
  const client = clientFor(ctx, setCookie.split(';')[0], response.json().csrfToken);
  if (response.json().pending === 'mfa') {
    const step = await nextTotpStep(user.id);
    const mfa = await client.request('POST', '/api/auth/mfa', { code: totpAt(user.totpSecret!, step * 30_000) });
    if (mfa.statusCode !== 200) throw new Error(`mfa failed: ${mfa.body}`);
  }
  return client;
}
