/**
 * The worker's writes: alert hits deduplicated, counted once per event, their samples kept; an
 * event whose text cannot be read set aside alone.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PipelineEvent } from '../../events/types.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/database.ts';
import { createDetector } from './detector.ts';
import * as store from './detect.store.ts';
import { Ruleset } from './ruleset.ts';

let t: TestDatabase;
let org: string;

beforeAll(async () => {
  t = await createTestDatabase();
  org = (await sql<{ id: string }>`select id from organisations limit 1`.execute(t.db)).rows[0].id;
});
afterAll(async () => t.drop());

function hit(alertId: string, eventTime: number, event: Record<string, unknown>): store.AlertHitRow {
  return {
    alertId, organisationId: org, ruleKind: 'sigma', ruleId: 'r1', ruleTitle: 'Rule one', severity: 'high', techniques: ['T1059.001'], host: 'ws-1',
    eventId: randomUUID(), receivedAt: eventTime, eventTime, eventJson: JSON.stringify(event),
  };
}

const alerts = async () => (await t.db.selectFrom('detect_alerts').select(['id', 'count', 'first_seen', 'last_seen', 'sample_event', 'techniques']).orderBy('id').execute())
  .map((a) => ({ ...a, first_seen: new Date(a.first_seen).toISOString(), last_seen: new Date(a.last_seen).toISOString() }));

it('creates an alert with its first sample, then adds later hits and widens its time span; a redelivered hit changes nothing', async () => {
  const at = Date.parse('2026-11-25T10:00:00Z');
  const first = [hit('b', at + 5000, { n: 1 }), hit('a', at, { n: 2, text: 'tab\there' }), hit('b', at + 1000, { n: 3 })];
  expect(await t.db.transaction().execute((tx) => store.recordHits(tx, first))).toBe(2);
  const later = [hit('b', at - 1000, { n: 4 }), hit('b', at + 9000, { n: 5 })];
  await t.db.transaction().execute((tx) => store.recordHits(tx, later));
  expect(await t.db.transaction().execute((tx) => store.recordHits(tx, [...first, ...later]))).toBe(0);

  expect(await alerts()).toEqual([
    { id: 'a', count: 1, first_seen: new Date(at).toISOString(), last_seen: new Date(at).toISOString(), sample_event: { n: 2, text: 'tab\there' }, techniques: ['T1059.001'] },
    { id: 'b', count: 4, first_seen: new Date(at - 1000).toISOString(), last_seen: new Date(at + 9000).toISOString(), sample_event: { n: 1 }, techniques: ['T1059.001'] },
  ]);
});

it('stores the readable events of a batch and dead-letters the one whose text is not a JSON object', async () => {
  const ruleset = await Ruleset.load(t.db, []);
  const detector = createDetector(t.db, { dedupWindowMs: 60_000, ruleset: () => ruleset });
  const event = (eventJson: string): PipelineEvent => ({ id: randomUUID(), organisationId: org, host: 'h', kind: 'generic', source: 'test', receivedAt: Date.now(), eventJson });
  await detector.process([event('{"a":1}'), event('[1,2]'), event('{"b":2}')]);
  const { rows } = await sql<{ event: unknown }>`select event from detect_events order by event::text`.execute(t.db);
  expect(rows).toEqual([{ event: { a: 1 } }, { event: { b: 2 } }]);
  const dead = await t.db.selectFrom('detect_dead_letters').select(['reason', 'raw']).execute();
  expect(dead).toEqual([{ reason: 'the event is not a JSON object', raw: '[1,2]' }]);
});
