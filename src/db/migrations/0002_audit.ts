import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

// Updates and deletes are refused by a trigger; `qalxan audit verify` still catches anyone who
// disables it, because every row carries the hash of the one before.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    create table audit_log (
      seq bigserial primary key,
      at timestamptz not null,
      actor_user_id uuid,
      actor_label text not null,
      organisation_id uuid,
      action text not null,
      target_type text,
      target_id text,
      before_digest text,
      after_digest text,
      address text,
      details jsonb not null default '{}'::jsonb,
      prev_hash text not null,
      hash text not null
    )
    `,
    `
    create index audit_log_org_seq on audit_log (organisation_id, seq)
    `,
    `
    create index audit_log_action on audit_log (action)
    `,
    `
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$
    `,
    `
    create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()
    `,
  ]);
}
