/**
 * The only file that touches Kysely for the pipeline's tables: spool, raw events (partitioned by
 * day), alerts with their events, and dead letters. Rules and indicators are in content.store.ts.
 * Every read of organisation-owned rows takes an OrgScope.
 */
import { sql } from 'kysely';
import type { Db, Executor } from '../../db/database.ts';
import { scopeCondition, type OrgScope } from '../../lib/scope.ts';
import type { PipelineEvent } from '../../events/types.ts';
import type { AlertStatus } from './detect.tables.ts';

const DAY = 86_400_000;
const CHUNK = 1000;

function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

// ---- spool (the embedded bus's durable queue) ----

export async function spoolSave(db: Executor, batch: string): Promise<number> {
  const row = await db.insertInto('detect_spool').values({ events: batch }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function spoolRemove(db: Executor, ids: number[]): Promise<void> {
  if (ids.length) await db.deleteFrom('detect_spool').where('id', 'in', ids).execute();
}

export async function spoolPending(db: Executor, after: number, upTo: number, limit: number): Promise<{ id: number; batch: string }[]> {
  const rows = await db.selectFrom('detect_spool').select(['id', 'events']).where('id', '>', after).where('id', '<=', upTo).orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: Number(r.id), batch: r.events }));
}

export async function spoolMaxId(db: Executor): Promise<number> {
  const row = await db.selectFrom('detect_spool').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
  return Number(row?.max ?? 0);
}

// ---- raw events ----

/** The UTC day (midnight, epoch ms) a time falls in. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

function partitionName(day: number): string {
  return `detect_events_p${new Date(day).toISOString().slice(0, 10).replace(/-/g, '')}`;
}

/** Creates the daily partitions for the given days (under a lock, so workers do not race). */
export async function ensurePartitions(db: Db, days: number[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(400400)`.execute(tx);
    for (const day of days) {
      const from = new Date(day).toISOString();
      const to = new Date(day + DAY).toISOString();
      await sql.raw(`create table if not exists ${partitionName(day)} partition of detect_events for values from ('${from}') to ('${to}')`).execute(tx);
    }
  });
}

/** Drops partitions whose whole day lies before `before`; returns their names. */
export async function dropPartitionsBefore(db: Db, before: number): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
    where p.relname = 'detect_events' and c.relname like 'detect_events_p%'`.execute(db);
  const dropped: string[] = [];
  for (const { name } of rows) {
    const day = Date.parse(`${name.slice(15, 19)}-${name.slice(19, 21)}-${name.slice(21, 23)}T00:00:00Z`);
    if (day + DAY <= before) {
      await sql.raw(`drop table if exists ${name}`).execute(db);
      dropped.push(name);
    }
  }
  await db.deleteFrom('detect_events_default' as 'detect_events').where('received_at', '<', new Date(before)).execute();
  await db.deleteFrom('detect_alert_events').where('received_at', '<', new Date(before)).execute();
  return dropped;
}

export interface EventRow {
  event: PipelineEvent;
  eventTime: number;
}

/**
 * Stores raw events; an event already stored (a redelivery) is left as it is. Each event's JSON
 * text goes as it came from the bus, the texts joined by newlines (which JSON text never holds
 * raw) and zipped by the server with a small JSON document of the other columns: nothing is
 * serialised again, and the server parses each event once, to check it.
 */
export async function insertEvents(tx: Executor, rows: EventRow[]): Promise<void> {
  for (const part of chunks(rows, 5000)) {
    const columns = JSON.stringify(part.map(({ event: e, eventTime }) => ({
      r: new Date(e.receivedAt).toISOString(), i: e.id, o: e.organisationId, h: e.host, k: e.kind, s: e.source, t: new Date(eventTime).toISOString(),
    })));
    await sql`
      insert into detect_events (received_at, id, organisation_id, host, kind, source, event_time, event)
      select r, i, o, h, k, s, t, e::json
      from rows from (json_to_recordset(${columns}::json) as (r timestamptz, i uuid, o uuid, h text, k text, s text, t timestamptz),
        string_to_table(${part.map((p) => p.event.eventJson).join('\n')}, E'\n')) as x(r, i, o, h, k, s, t, e)
      on conflict do nothing`.execute(tx);
  }
}

export interface EventFilter {
  alertId?: string;
  host?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

export async function listEvents(db: Executor, scope: OrgScope, filter: EventFilter) {
  let q = db.selectFrom('detect_events').select(['id', 'organisation_id', 'host', 'kind', 'source', 'received_at', 'event_time', 'event'])
    .where(scopeCondition(scope, 'detect_events.organisation_id'));
  if (filter.alertId) {
    const alertId = filter.alertId;
    q = q.where('id', 'in', (eb) => eb.selectFrom('detect_alert_events').select('event_id').where('alert_id', '=', alertId));
  }
  if (filter.host) q = q.where('host', '=', filter.host);
  if (filter.from) q = q.where('received_at', '>=', filter.from);
  if (filter.to) q = q.where('received_at', '<', filter.to);
  return q.orderBy('received_at', 'desc').limit(filter.limit).execute();
}

// ---- alerts ----

export interface AlertHitRow {
  alertId: string;
  organisationId: string;
  ruleKind: string;
  ruleId: string;
  ruleTitle: string;
  severity: string;
  techniques: string[];
  host: string;
  eventId: string;
  receivedAt: number;
  eventTime: number;
  /** The event's JSON text, kept as the sample of a new alert. */
  eventJson: string;
}

interface AlertTally {
  hit: AlertHitRow;
  count: number;
  first: number;
  last: number;
}

/**
 * Creates alerts or adds to their counts, in the order given. The columns travel as one JSON
 * document and the samples as newline-joined event texts, zipped by the server (as raw events
 * are, insertEvents): a sample is sent as it is, and only a new alert keeps it.
 */
async function upsertAlerts(tx: Executor, part: AlertTally[]): Promise<void> {
  const columns = JSON.stringify(part.map(({ hit: h, count, first, last }) => ({
    id: h.alertId, o: h.organisationId, k: h.ruleKind, r: h.ruleId, t: h.ruleTitle, s: h.severity, q: h.techniques, h: h.host,
    f: new Date(first).toISOString(), l: new Date(last).toISOString(), n: count, e: h.eventId,
  })));
  await sql`
    insert into detect_alerts (id, organisation_id, rule_kind, rule_id, rule_title, severity, techniques, host, first_seen, last_seen, count, sample_event_id, sample_event)
    select id, o, k, r, t, s, q, h, f, l, n, e, sample::json
    from rows from (json_to_recordset(${columns}::json) as (id text, o uuid, k text, r text, t text, s text, q jsonb, h text, f timestamptz, l timestamptz, n integer, e uuid),
      string_to_table(${part.map(({ hit }) => hit.eventJson).join('\n')}, E'\n')) as x(id, o, k, r, t, s, q, h, f, l, n, e, sample)
    on conflict (id) do update set count = detect_alerts.count + excluded.count,
      first_seen = least(detect_alerts.first_seen, excluded.first_seen), last_seen = greatest(detect_alerts.last_seen, excluded.last_seen)`.execute(tx);
}

/**
 * Records alert hits idempotently: a hit counts only if its (alert, event) pair is new, so
 * a redelivered event neither adds an alert nor raises a count.
 */
export async function recordHits(tx: Executor, hits: AlertHitRow[]): Promise<number> {
  const fresh = new Set<string>();
  for (const part of chunks(hits, 10_000)) {
    const payload = JSON.stringify(part.map((h) => ({ a: h.alertId, e: h.eventId, r: new Date(h.receivedAt).toISOString() })));
    const { rows } = await sql<{ alert_id: string; event_id: string }>`
      insert into detect_alert_events (alert_id, event_id, received_at)
      select a, e, r from json_to_recordset(${payload}::json) as x(a text, e uuid, r timestamptz)
      on conflict do nothing returning alert_id, event_id`.execute(tx);
    for (const r of rows) fresh.add(`${r.alert_id}/${r.event_id}`);
  }
  const byAlert = new Map<string, AlertTally>();
  for (const h of hits) {
    if (!fresh.has(`${h.alertId}/${h.eventId}`)) continue;
    fresh.delete(`${h.alertId}/${h.eventId}`);
    const a = byAlert.get(h.alertId);
    if (!a) byAlert.set(h.alertId, { hit: h, count: 1, first: h.eventTime, last: h.eventTime });
    else {
      a.count += 1;
      a.first = Math.min(a.first, h.eventTime);
      a.last = Math.max(a.last, h.eventTime);
    }
  }
  // In key order, so concurrent batches lock alert rows in one order and cannot deadlock.
  const ordered = [...byAlert.values()].sort((x, y) => (x.hit.alertId < y.hit.alertId ? -1 : 1));
  for (const part of chunks(ordered, 1000)) await upsertAlerts(tx, part);
  return byAlert.size;
}

export interface AlertFilter {
  status?: AlertStatus;
  severity?: string[];
  ruleId?: string;
  host?: string;
  organisationId?: string;
  q?: string;
  before?: string;
  limit: number;
}

const alertColumns = ['id', 'organisation_id', 'rule_kind', 'rule_id', 'rule_title', 'severity', 'techniques', 'host', 'first_seen', 'last_seen',
  'count', 'status', 'acknowledged_by', 'acknowledged_at', 'sample_event_id', 'sample_event'] as const;

export async function listAlerts(db: Executor, scope: OrgScope, f: AlertFilter) {
  let q = db.selectFrom('detect_alerts').select([...alertColumns]).where(scopeCondition(scope, 'detect_alerts.organisation_id'));
  if (f.status) q = q.where('status', '=', f.status);
  if (f.severity?.length) q = q.where('severity', 'in', f.severity);
  if (f.ruleId) q = q.where('rule_id', '=', f.ruleId);
  if (f.host) q = q.where('host', '=', f.host);
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.q) q = q.where('rule_title', 'ilike', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.before) {
    const [at, id] = f.before.split('|');
    q = q.where((eb) => eb.or([eb('last_seen', '<', new Date(at)), eb.and([eb('last_seen', '=', new Date(at)), eb('id', '<', id ?? '')])]));
  }
  return q.orderBy('last_seen', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export async function getAlert(db: Executor, scope: OrgScope, id: string) {
  return db.selectFrom('detect_alerts').select([...alertColumns]).where('id', '=', id).where(scopeCondition(scope, 'detect_alerts.organisation_id')).executeTakeFirst();
}

/** Open alerts per severity, for the live count. */
export async function countOpen(db: Executor, scope: OrgScope): Promise<Record<string, number>> {
  const rows = await db.selectFrom('detect_alerts').select(['severity', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'open').where(scopeCondition(scope, 'detect_alerts.organisation_id')).groupBy('severity').execute();
  return Object.fromEntries(rows.map((r) => [r.severity, Number(r.n)]));
}

/** Acknowledges the open alerts among `ids` inside the scope; returns those changed. */
export async function acknowledge(tx: Executor, scope: OrgScope, ids: string[], userId: string) {
  if (ids.length === 0) return [];
  return tx.updateTable('detect_alerts').set({ status: 'acknowledged', acknowledged_by: userId, acknowledged_at: new Date() })
    .where('id', 'in', ids).where('status', '=', 'open').where(scopeCondition(scope, 'detect_alerts.organisation_id'))
    .returning(['id', 'organisation_id']).execute();
}

/** Alerts raised per minute over the last hour, for the monitoring page. */
export async function alertsPerMinute(db: Executor, scope: OrgScope, since: Date) {
  const { rows } = await sql<{ minute: string; n: number }>`
    select to_char(date_trunc('minute', created_at), 'YYYY-MM-DD"T"HH24:MI') as minute, count(*)::int as n
    from detect_alerts where created_at >= ${since} and ${scopeCondition(scope, 'organisation_id')}
    group by 1 order by 1`.execute(db);
  return rows;
}

// ---- dead letters ----

export interface DeadLetterRow {
  organisationId: string | null;
  source: string;
  reason: string;
  raw: string;
  rawBytes: number;
}

export async function insertDeadLetters(db: Executor, rows: DeadLetterRow[]): Promise<void> {
  for (const part of chunks(rows, 500)) {
    await db.insertInto('detect_dead_letters').values(part.map((r) => ({
      organisation_id: r.organisationId, source: r.source, reason: r.reason, raw: r.raw, raw_bytes: r.rawBytes,
    }))).execute();
  }
}

export async function listDeadLetters(db: Executor, scope: OrgScope, limit: number, before?: number) {
  let q = db.selectFrom('detect_dead_letters').selectAll().where(scopeCondition(scope, 'detect_dead_letters.organisation_id'));
  if (before) q = q.where('id', '<', before);
  return q.orderBy('id', 'desc').limit(limit).execute();
}
