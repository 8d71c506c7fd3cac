import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

// Early warnings caused by imported STIX indicators (issue 8). They share the advisory warnings'
// table so that one in-app list, one read-receipt table and one delivery record serve both: a
// warning is about an advisory or about an indicator, never both. The indicator is kept as it
// was when the warning went out, since the subscriber may have no right to the collection.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table sharing_warnings alter column advisory_id drop not null`,
    `alter table sharing_warnings add column stix_id text`,
    `alter table sharing_warnings add column tlp smallint check (tlp between 0 and 4)`,
    `alter table sharing_warnings add column indicator jsonb`,
    `alter table sharing_warnings add column sender_id uuid references organisations(id)`,
    `alter table sharing_warnings add constraint sharing_warnings_subject check ((advisory_id is null) <> (stix_id is null))`,
    `alter table sharing_warnings add constraint sharing_warnings_indicator_once unique (stix_id, organisation_id)`,
    `create index sharing_warnings_sender on sharing_warnings (sender_id, created_at desc) where stix_id is not null`,
  ]);
}
