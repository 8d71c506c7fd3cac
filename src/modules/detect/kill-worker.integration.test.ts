/**
 * At-least-once through JetStream with worker processes: SIGKILL one of two workers in the middle
 * of a 100,000-event stream, start a new one, and every event is processed with exactly the
 * alerts an undisturbed run gives (the expected figures follow from the generated stream).
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../db/database.ts';
import { JetStreamBus } from '../../events/jetstream-bus.ts';
import type { PipelineEvent } from '../../events/types.ts';
import { newId } from '../../lib/crypto.ts';
import * as organisations from '../identity/organisations.store.ts';
import { bumpContentVersion, insertRule } from './content.store.ts';
import { normalise } from './normalise.ts';
import { dropStreams, natsServer } from '../../testing/nats.ts';
import { kill, serverDatabase, startProcess } from './reliability.support.ts';
import { imageRule, sysmon } from './testing.ts';

const TOTAL = 100_000;
const HOSTS = 500;
const prefix = `kill${randomUUID().slice(0, 8)}`;
let nats: Awaited<ReturnType<typeof natsServer>>;
let database: Awaited<ReturnType<typeof serverDatabase>>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  nats = await natsServer();
  database = await serverDatabase();
}, 60_000);
afterAll(async () => {
  for (const c of children) await kill(c);
  await database?.drop();
  if (nats) await dropStreams(nats.url, prefix);
  await nats?.stop();
});

async function count(db: Db, table: 'detect_events' | 'detect_alert_events'): Promise<number> {
  return Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)).rows[0].n);
}

it('loses no event and duplicates no alert when a worker is SIGKILLed mid-stream', async () => {
  const { db, url } = database;
  const org = newId();
  await organisations.insert(db, { id: org, acronym: `K${prefix}`, name_az: 'k', name_en: 'k', kind: 'soc', sector: 'energy', parent_id: null, is_national_cert: false });
  await insertRule(db, { id: newId(), organisation_id: null, sigma_id: '44444444-0000-4000-8000-000000000004', title: 'Kill test', level: 'high', yaml: imageRule('44444444-0000-4000-8000-000000000004', 'evil.exe'), version: 1, enabled: true, updated_by: null });
  await bumpContentVersion(db);
  const env = { ROLE: 'worker', NATS_URL: nats.url, DATABASE_URL: url, QALXAN_NATS_PREFIX: prefix, QALXAN_NATS_LEASE_TTL_SECONDS: '2', QALXAN_NATS_ACK_WAIT_SECONDS: '4', QALXAN_DETECT_BATCH: '500' };
  const ready = /joined the consumer group/;
  // One after the other: concurrent first starts would race on migrations and the first admin.
  const w1 = await startProcess(env, ready);
  const w2 = await startProcess(env, ready);
  children.push(w1, w2);

  const bus = await JetStreamBus.connect({ url: nats.url, prefix, partitions: 8, maxBatch: 500, maxAttempts: 5, ackWaitMs: 4000, leaseTtlMs: 2000, maxStreamBytes: 1 << 30, onError: (e) => { throw e; } });
  const at = Date.parse('2026-11-25T08:00:00Z');
  const publishing = (async () => {
    for (let start = 0; start < TOTAL; start += 5000) {
      const events: PipelineEvent[] = [];
      for (let i = start; i < start + 5000; i++) {
        const host = `h${i % HOSTS}`;
        const n = normalise(sysmon(host, i % 10 === 0 ? 'C:\\t\\evil.exe' : 'C:\\t\\ok.exe', { '@timestamp': new Date(at + i).toISOString(), seq: i }), at);
        events.push({ id: randomUUID(), organisationId: org, host: n.host, kind: n.kind, source: 'test', receivedAt: at + i, eventJson: JSON.stringify(n.event) });
      }
      await bus.publish(events);
    }
  })();

  // Kill a worker once it is in the middle of the stream.
  const until = Date.now() + 120_000;
  while ((await count(db, 'detect_events')) < 15_000) {
    if (Date.now() > until) throw new Error('workers made no progress');
    await new Promise((r) => setTimeout(r, 100));
  }
  await kill(w1);
  const processedAtKill = await count(db, 'detect_events');
  const w3 = await startProcess(env, ready);
  children.push(w3);
  await publishing;
  await bus.close();

  while ((await count(db, 'detect_events')) < TOTAL || (await count(db, 'detect_alert_events')) < TOTAL / 10) {
    if (Date.now() > until + 60_000) throw new Error(`stalled at ${await count(db, 'detect_events')} events`);
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(processedAtKill).toBeLessThan(TOTAL);
  const alerts = await db.selectFrom('detect_alerts').select(['host', 'count']).execute();
  // Undisturbed: every tenth event matches; hosts h0, h10, … h490 each get one alert of 200 hits.
  expect(alerts).toHaveLength(HOSTS / 10);
  expect(alerts.every((a) => a.count === TOTAL / HOSTS)).toBe(true);
  expect(await count(db, 'detect_events')).toBe(TOTAL);
  expect(await count(db, 'detect_alert_events')).toBe(TOTAL / 10);
  const deadLetters = await db.selectFrom('detect_dead_letters').select('reason').execute();
  expect(deadLetters).toEqual([]);
}, 240_000);
