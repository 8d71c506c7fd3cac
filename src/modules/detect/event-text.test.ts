/**
 * Migration 0402 (events stored as the text the bus carries): what a database held before it is
 * still read after it — a batch waiting in the spool, raw events, an alert's sample.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/database.ts';
import { FolderMigrationProvider, migrateToLatest } from '../../db/migrate.ts';
import { decodeBatch } from '../../events/codec.ts';
import { freshTarget } from '../../testing/database.ts';
import { seedOrganisations } from '../identity/bootstrap.ts';
import * as store from './detect.store.ts';

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  const fresh = await freshTarget();
  drop = fresh.drop;
  db = await openDatabase(fresh.target);
  await migrateToLatest(db, new FolderMigrationProvider(['0402_detect_event_text']));
  await seedOrganisations(db);
});
afterAll(async () => {
  await db.destroy();
  await drop();
});

it('reads a spool batch, raw events and alert samples stored as jsonb before the upgrade', async () => {
  const { rows: [org] } = await sql<{ id: string }>`select id from organisations limit 1`.execute(db);
  const event = { Image: 'C:\\t\\evil.exe', nested: { n: 1 } };
  const old = { id: randomUUID(), organisationId: org.id, host: 'ws-1', kind: 'windows', source: 'http', receivedAt: Date.parse('2026-11-25T10:00:00Z'), event };
  await sql`insert into detect_spool (events) values (${JSON.stringify([old])}::jsonb)`.execute(db);
  await sql`insert into detect_events (received_at, id, organisation_id, host, kind, source, event_time, event)
    values (now(), ${old.id}, ${org.id}, 'ws-1', 'windows', 'http', now(), ${JSON.stringify(event)}::jsonb)`.execute(db);
  await sql`insert into detect_alerts (id, organisation_id, rule_kind, rule_id, rule_title, severity, host, first_seen, last_seen, count, sample_event_id, sample_event)
    values ('a1', ${org.id}, 'sigma', 'r', 'R', 'high', 'ws-1', now(), now(), 1, ${old.id}, ${JSON.stringify(event)}::jsonb)`.execute(db);

  expect(await migrateToLatest(db)).toEqual({ applied: ['0402_detect_event_text'] });

  const [row] = await store.spoolPending(db, 0, await store.spoolMaxId(db), 10);
  const { event: _, ...envelope } = old;
  expect(decodeBatch(row.batch)).toEqual([{ ...envelope, eventJson: JSON.stringify(event) }]);
  const { rows: events } = await sql<{ event: unknown }>`select event from detect_events`.execute(db);
  expect(events).toEqual([{ event }]);
  const { rows: alerts } = await sql<{ sample_event: unknown }>`select sample_event from detect_alerts`.execute(db);
  expect(alerts).toEqual([{ sample_event: event }]);
});
