import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

// recorded_at is when an alert hit was written, so event-to-alert latency can be read from the
// table whichever process wrote it (workers have no HTTP for metrics). detect_ingest_keys remembers
// each Idempotency-Key an organisation sent with POST /api/events, the body it came with and the
// answer given, so a retried batch is answered again instead of being ingested twice.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table detect_alert_events add column recorded_at timestamptz not null default clock_timestamp()`,
    `
    create table detect_ingest_keys (
      organisation_id uuid not null references organisations(id),
      key text not null,
      body_sha256 text not null,
      outcome jsonb,
      created_at timestamptz not null default now(),
      primary key (organisation_id, key)
    )
    `,
    `create index detect_ingest_keys_created on detect_ingest_keys (created_at)`,
  ]);
}
