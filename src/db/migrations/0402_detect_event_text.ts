import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

// The pipeline serialises each event once, at ingestion, and stores that text (see
// src/events/codec.ts). Raw events and alert samples become json: jsonb converted every event to
// its binary form on insert, a large share of the database's work per event, yet these are
// written once, read rarely and never searched inside. The spool holds the bus's batch text for the
// second or so until its events are committed; stored external, PostgreSQL does not compress
// those large rows only to delete them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table detect_spool alter column events type text using events::text`,
    `alter table detect_spool alter column events set storage external`,
    `alter table detect_events alter column event type json using event::json`,
    `alter table detect_alerts alter column sample_event type json using sample_event::json`,
  ]);
}
