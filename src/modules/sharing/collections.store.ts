/** The only code that touches collections and their per-organisation rights. */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { SharingCollectionAccessTable, SharingCollectionTable } from './sharing.tables.ts';

export type CollectionRow = Selectable<SharingCollectionTable>;
export type AccessRow = Selectable<SharingCollectionAccessTable>;

export async function insert(tx: Executor, row: Insertable<SharingCollectionTable>): Promise<void> {
  await tx.insertInto('sharing_collections').values(row).execute();
}

export async function get(db: Executor, id: string): Promise<CollectionRow | undefined> {
  return db.selectFrom('sharing_collections').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Collections owned by one of `organisationIds` or granted to one of them. */
export async function forOrganisations(db: Executor, organisationIds: readonly string[]): Promise<CollectionRow[]> {
  if (organisationIds.length === 0) return [];
  return db.selectFrom('sharing_collections').selectAll()
    .where((eb) => eb.or([
      eb('organisation_id', 'in', organisationIds),
      eb('id', 'in', eb.selectFrom('sharing_collection_access').select('collection_id').where('organisation_id', 'in', organisationIds).where((x) => x.or([x('can_read', '=', true), x('can_write', '=', true)]))),
    ]))
    .orderBy('created_at').execute();
}

/** The grants one collection gives to `organisationIds` (all of its grants when omitted). */
export async function access(db: Executor, collectionId: string, organisationIds?: readonly string[]): Promise<AccessRow[]> {
  let query = db.selectFrom('sharing_collection_access').selectAll().where('collection_id', '=', collectionId);
  if (organisationIds) {
    if (organisationIds.length === 0) return [];
    query = query.where('organisation_id', 'in', organisationIds);
  }
  return query.execute();
}

export async function upsertAccess(tx: Executor, row: AccessRow): Promise<void> {
  const { collection_id: _c, organisation_id: _o, ...change } = row;
  await tx.insertInto('sharing_collection_access').values(row)
    .onConflict((oc) => oc.columns(['collection_id', 'organisation_id']).doUpdateSet(change)).execute();
}

export async function removeAccess(tx: Executor, collectionId: string, organisationId: string): Promise<boolean> {
  const result = await tx.deleteFrom('sharing_collection_access').where('collection_id', '=', collectionId).where('organisation_id', '=', organisationId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
