import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

// TAXII POST with a pending status (issue 8): a large envelope is answered at once with a
// "pending" status resource and imported by the sharing worker. The job keeps the envelope's
// objects and the caller as authenticated (a token's role, not the user's every membership).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table sharing_statuses add column status text not null default 'complete' check (status in ('pending', 'complete'))`,
    `alter table sharing_statuses add column pending_count integer not null default 0`,
    `alter table sharing_statuses add column pendings jsonb not null default '[]'::jsonb`,
    `create table sharing_status_jobs (
      status_id uuid primary key references sharing_statuses(id) on delete cascade,
      actor jsonb not null, objects jsonb not null, attempts integer not null default 0, last_error text,
      run_after timestamptz not null default now(), created_at timestamptz not null default now())`,
  ]);
}
