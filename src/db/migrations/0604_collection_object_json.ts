import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

// TAXII pages read each object's JSON from its collection row (issue 8): joining 1,000 rows per
// page to sharing_objects by primary key was half of PostgreSQL's time for a page. The copy is
// taken from the stored version when the object enters the collection, and versions never change.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table sharing_collection_objects add column object_json text`,
    `update sharing_collection_objects co set object_json = o.object_json from sharing_objects o where o.stix_id = co.stix_id and o.version = co.version`,
    `alter table sharing_collection_objects alter column object_json set not null`,
  ]);
}
