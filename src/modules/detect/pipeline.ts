/**
 * The running event pipeline of one process, as ROLE asks: ingestion (HTTP, syslog listeners)
 * publishing to the bus, and/or the detection worker consuming from it, with hot reload of
 * rules and indicators and the daily maintenance of raw-event partitions and retention.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { JetStreamBus } from '../../events/jetstream-bus.ts';
import { MemoryBus } from '../../events/memory-bus.ts';
import type { EventBus, PipelineEvent } from '../../events/types.ts';
import { AppError } from '../../lib/errors.ts';
import type { Logger } from '../../lib/logger.ts';
import * as organisations from '../identity/organisations.store.ts';
import { everything } from '../../lib/scope.ts';
import { contentVersion } from './content.store.ts';
import { createDetector } from './detector.ts';
import * as store from './detect.store.ts';
import type { ParsedBody } from './lines.ts';
import { metrics, setLagSource, startSampling } from './metrics.ts';
import { KEY_RETENTION_MS } from './ingest-once.service.ts';
import * as keys from './ingest-keys.store.ts';
import { normalise } from './normalise.ts';
import { Ruleset } from './ruleset.ts';
import { startListener, type RunningListener } from './syslog-listener.ts';
import type { AnyRule } from '@qalxan/detect-engine';

export interface PipelineOptions {
  db: Db;
  config: Config;
  logger: Logger;
  /** Accept events (HTTP, syslog): ROLE all and api. */
  ingest: boolean;
  /** Run the detection worker: ROLE all and worker. */
  work: boolean;
}

export interface IngestOutcome {
  accepted: number;
  rejected: number;
}

/** A started pipeline; see the file comment. */
export interface Pipeline {
  readonly bus: EventBus;
  readonly listeners: RunningListener[];
  /** Resolves once the worker (if this process runs one) has loaded its rules and consumes. */
  readonly workerReady: Promise<void>;
  ingest(organisationId: string, source: string, parsed: ParsedBody): Promise<IngestOutcome>;
  /** Rebuilds the ruleset now if the content changed (also runs on a timer). */
  reload(): Promise<void>;
  ruleset(): Ruleset | null;
  stop(): Promise<void>;
}

async function resolveOrganisation(db: Db, ref: string): Promise<string> {
  const byId = /^[0-9a-f-]{36}$/i.test(ref) ? await organisations.get(db, everything, ref) : undefined;
  const org = byId ?? (await organisations.findByAcronym(db, ref));
  if (!org) throw new AppError('validation', `QALXAN_SYSLOG_LISTENERS names an unknown organisation "${ref}"`);
  return org.id;
}

/** Builds the bus the configuration asks for. */
export async function createBus(db: Db, config: Config, logger: Logger): Promise<EventBus> {
  const d = config.detect;
  const onError = (error: unknown) => logger.error({ err: error }, 'event bus: will retry');
  if (config.natsUrl) {
    return JetStreamBus.connect({
      url: config.natsUrl, prefix: d.natsPrefix, partitions: d.busPartitions, maxBatch: d.batchSize, maxAttempts: 5, ackWaitMs: d.natsAckWaitSeconds * 1000,
      leaseTtlMs: d.natsLeaseTtlSeconds * 1000, maxStreamBytes: d.natsStreamMaxBytes, onError,
    });
  }
  return new MemoryBus({
    save: (events) => store.spoolSave(db, events), remove: (ids) => store.spoolRemove(db, ids),
    pending: (after, upTo, limit) => store.spoolPending(db, after, upTo, limit), maxId: () => store.spoolMaxId(db),
  }, { capacity: d.busCapacity, maxBatch: d.batchSize, maxAttempts: 5, retryDelayMs: 200, onError });
}

let fileRulesCache: { key: string; rules: AnyRule[] } | null = null;

/** Starts what the options ask for. */
export async function startPipeline({ db, config, logger, ingest, work }: PipelineOptions): Promise<Pipeline> {
  const log = logger.child({ module: 'detect' });
  const d = config.detect;
  const bus = await createBus(db, config, log);
  setLagSource(async () => (await bus.stats()).lag);
  startSampling();
  let ruleset: Ruleset | null = null;
  const timers: NodeJS.Timeout[] = [];

  const fileRules = (): AnyRule[] => {
    const key = d.rulesDirs.join('\u0000');
    if (fileRulesCache?.key !== key) fileRulesCache = { key, rules: Ruleset.parseFiles(d.rulesDirs) };
    return fileRulesCache.rules;
  };
  let reloading: Promise<void> | null = null;
  const reload = async () => {
    if (!work) return;
    reloading ??= (async () => {
      if (ruleset && (await contentVersion(db)) === ruleset.version) return;
      ruleset = await Ruleset.load(db, fileRules());
      log.info({ version: ruleset.version, rules: ruleset.ruleCount }, 'detection content loaded');
    })().finally(() => {
      reloading = null;
    });
    await reloading;
  };

  const maintain = async () => {
    await keys.dropBefore(db, new Date(Date.now() - KEY_RETENTION_MS));
    const today = store.dayOf(Date.now());
    await store.ensurePartitions(db, [today, today + 86_400_000, today + 2 * 86_400_000]);
    const dropped = await store.dropPartitionsBefore(db, today - d.retentionDays * 86_400_000);
    if (dropped.length) log.info({ dropped }, 'raw event partitions past retention dropped');
  };

  // The worker starts in the background: compiling a large ruleset takes seconds, and ingestion
  // should not wait for it (what arrives meanwhile waits on the bus). Whoever started the process
  // awaits workerReady and decides what a failure means (startServer rejects).
  const workerReady = !work ? Promise.resolve() : (async () => {
    await maintain();
    await reload();
    await bus.consume(createDetector(db, { dedupWindowMs: d.dedupMinutes * 60_000, ruleset: () => ruleset! }));
    const every = (ms: number, f: () => Promise<void>, what: string) => {
      const t = setInterval(() => void f().catch((error) => log.error({ err: error }, `${what} failed; will retry`)), ms);
      t.unref();
      timers.push(t);
    };
    every(d.reloadSeconds * 1000, reload, 'content reload');
    every(3_600_000, maintain, 'partition maintenance');
  })();
  workerReady.catch((error) => log.fatal({ err: error }, 'the detection worker could not start'));

  const pipeline: Pipeline = {
    bus,
    listeners: [],
    workerReady,
    async ingest(organisationId, source, parsed) {
      if (parsed.rejected.length) {
        await store.insertDeadLetters(db, parsed.rejected.map((r) => ({ organisationId, source, reason: r.reason, raw: r.raw, rawBytes: r.rawBytes })));
        metrics.invalid.inc({ source }, parsed.rejected.length);
      }
      const receivedAt = Date.now();
      const events: PipelineEvent[] = parsed.records.map(({ record, original }) => {
        const n = normalise(record, receivedAt, original);
        return { id: randomUUID(), organisationId, host: n.host, kind: n.kind, source, receivedAt, eventJson: JSON.stringify(n.event) };
      });
      try {
        await bus.publish(events);
      } catch (error) {
        metrics.dropped.inc({ reason: error instanceof AppError ? error.code : 'error' }, events.length);
        throw error;
      }
      metrics.received.inc({ source }, events.length);
      return { accepted: events.length, rejected: parsed.rejected.length };
    },
    reload,
    ruleset: () => ruleset,
    async stop() {
      await workerReady.catch(() => undefined); // a failed start was reported to whoever started it
      for (const t of timers) clearInterval(t);
      for (const l of pipeline.listeners) await l.close();
      await bus.close();
      setLagSource(null);
    },
  };

  try {
    if (ingest) await startListeners(db, d, pipeline, log);
  } catch (error) {
    // The bus is connected by now: a half-started pipeline must not keep the process alive.
    await pipeline.stop();
    throw error;
  }
  return pipeline;
}

async function startListeners(db: Db, d: Config['detect'], pipeline: Pipeline, log: Logger): Promise<void> {
  for (const spec of d.syslogListeners) {
    const organisationId = await resolveOrganisation(db, spec.organisation);
    const listener = await startListener({ protocol: spec.protocol, host: d.syslogHost, port: spec.port, organisationId }, d.maxEventBytes, pipeline.ingest, log);
    pipeline.listeners.push(listener);
    log.info({ protocol: spec.protocol, port: listener.port, organisationId }, 'syslog listener ready');
  }
}
