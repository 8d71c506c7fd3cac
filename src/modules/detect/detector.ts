/**
 * The detection worker's batch handler: runs the ruleset over each event, then stores the raw
 * events and the alert hits in one transaction (shared with other batches ready at the same time,
 * group-commit.ts). The bus acknowledges only after it returns, and
 * both writes are idempotent (event ids, alert keys), so a redelivered batch changes nothing.
 */
import { createHash } from 'node:crypto';
import { eventTime } from '@qalxan/detect-engine';
import type { Db } from '../../db/database.ts';
import type { BatchHandler, PipelineEvent } from '../../events/types.ts';
import { GroupCommit } from './group-commit.ts';
import { metrics } from './metrics.ts';
import type { Ruleset } from './ruleset.ts';
import * as store from './detect.store.ts';

/** Most events written in one transaction by the group commit. */
const GROUP_MAX_EVENTS = 5000;

interface Matched {
  rows: store.EventRow[];
  hits: store.AlertHitRow[];
}

export interface DetectorOptions {
  dedupWindowMs: number;
  /** The ruleset in force now (swapped by hot reload). */
  ruleset(): Ruleset;
}

/**
 * The deduplication key: the same rule on the same host of one organisation within one window
 * is one alert whose count grows.
 */
export function alertKey(organisationId: string, ruleKind: string, ruleId: string, host: string, timeMs: number, windowMs: number): string {
  const bucket = Math.floor(timeMs / windowMs);
  return createHash('sha256').update(`${organisationId}|${ruleKind}|${ruleId}|${host}|${bucket}`).digest('hex').slice(0, 32);
}

/** The event parsed from its text, or null when the text is not a JSON object. */
function parseEvent(e: PipelineEvent): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(e.eventJson);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

interface MatchedBatch extends Matched {
  /** Events whose text could not be read, for the dead letters. */
  unreadable: PipelineEvent[];
}

/**
 * Matches each event, parsed here and dropped once matched: nothing of it but the hits outlives
 * the loop, so the garbage collector finds it still young.
 */
function matchBatch(events: PipelineEvent[], ruleset: Ruleset, dedupWindowMs: number): MatchedBatch {
  const out: MatchedBatch = { rows: [], hits: [], unreadable: [] };
  for (const e of events) {
    const event = parseEvent(e);
    if (event === null) {
      out.unreadable.push(e);
      continue;
    }
    const time = eventTime(event, e.receivedAt);
    const t = Number.isFinite(time) ? time : e.receivedAt;
    out.rows.push({ event: e, eventTime: t });
    for (const m of ruleset.match(e.organisationId, event, t)) {
      out.hits.push({
        alertId: alertKey(e.organisationId, m.kind, m.id, e.host, t, dedupWindowMs), organisationId: e.organisationId,
        ruleKind: m.kind, ruleId: m.id, ruleTitle: m.title, severity: m.severity, techniques: m.techniques, host: e.host,
        eventId: e.id, receivedAt: e.receivedAt, eventTime: t, eventJson: e.eventJson,
      });
    }
  }
  return out;
}

/** Builds the handler the bus calls; see the file comment. */
export function createDetector(db: Db, options: DetectorOptions): BatchHandler {
  const partitionsReady = new Set<number>();
  const group = new GroupCommit<Matched>({
    size: (m) => m.rows.length,
    maxSize: GROUP_MAX_EVENTS,
    write: (items) => db.transaction().execute(async (tx) => {
      await store.insertEvents(tx, items.flatMap((m) => m.rows));
      const hits = items.flatMap((m) => m.hits);
      if (hits.length) await store.recordHits(tx, hits);
    }),
  });
  const handler: BatchHandler = {
    async process(events: PipelineEvent[]) {
      const { rows, hits, unreadable } = matchBatch(events, options.ruleset(), options.dedupWindowMs);
      if (unreadable.length) await handler.deadLetter(unreadable, 'the event is not a JSON object');
      const days = [...new Set(events.map((e) => store.dayOf(e.receivedAt)))].filter((d) => !partitionsReady.has(d));
      if (days.length) {
        await store.ensurePartitions(db, days);
        for (const d of days) partitionsReady.add(d);
      }
      await group.commit({ rows, hits });
      const now = Date.now();
      metrics.processed.inc(rows.length);
      for (const h of hits) {
        metrics.alerts.inc({ severity: h.severity });
        metrics.latency.observe((now - h.receivedAt) / 1000);
      }
    },
    async deadLetter(events, reason, raw) {
      const rows = events.length
        ? events.map((e) => ({ organisationId: e.organisationId, source: e.source, reason, raw: e.eventJson.slice(0, 4096), rawBytes: e.eventJson.length }))
        : [{ organisationId: null, source: 'bus', reason, raw: raw ?? '', rawBytes: raw?.length ?? 0 }];
      await store.insertDeadLetters(db, rows);
      metrics.invalid.inc({ source: 'worker' }, rows.length);
    },
  };
  return handler;
}
