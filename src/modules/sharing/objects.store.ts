/**
 * The only code that touches the object tables: object versions (never updated), their place
 * in collections, and the TAXII reads. Every read of a collection's objects takes the reader's
 * entitlement, so no query can return an object above the reader's TLP.
 */
import { sql, type Expression, type ExpressionBuilder, type Insertable, type SqlBool } from 'kysely';
import type { SharingObjectTable } from './sharing.tables.ts';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/database.ts';
import type { Entitlement } from './tlp.ts';

export type NewVersion = Omit<Insertable<SharingObjectTable>, 'created_at'>;

type CollectionObjects = ExpressionBuilder<Database, 'sharing_collection_objects'>;

/** The TLP rule in SQL (see tlp.ts `entitled`). */
function entitledTo(e: Entitlement) {
  return (eb: CollectionObjects): Expression<SqlBool> => {
    const shared = eb('sharing_collection_objects.tlp', '<=', e.sharedUpTo);
    return e.ownOrganisations.length ? eb.or([shared, eb('sharing_collection_objects.organisation_id', 'in', e.ownOrganisations)]) : shared;
  };
}

/** Every version each id has in the collection (whatever its marking: used for the version rules). */
export async function storedVersions(db: Executor, collectionId: string, ids: readonly string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (ids.length === 0) return found;
  const rows = await db.selectFrom('sharing_collection_objects').select(['stix_id', 'version'])
    .where('collection_id', '=', collectionId).where('stix_id', 'in', ids).execute();
  for (const r of rows) found.set(r.stix_id, [...(found.get(r.stix_id) ?? []), r.version]);
  return found;
}

function microIso(micros: number): string {
  return new Date(Math.floor(micros / 1000)).toISOString().replace('Z', `${String(micros % 1000).padStart(3, '0')}Z`);
}

/**
 * The first free date_added (in microseconds) of a collection. Dates are strictly increasing per
 * collection — the collection row is locked while adding — so a client resuming with
 * added_after = the last date it saw never skips an object that shared that instant.
 */
async function nextDateAdded(tx: Executor, collectionId: string): Promise<number> {
  await sql`select id from sharing_collections where id = ${collectionId} for update`.execute(tx);
  const row = await tx.selectFrom('sharing_collection_objects').where('collection_id', '=', collectionId)
    .select(sql<string | null>`to_char(max(date_added) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('last')).executeTakeFirst();
  const last = row?.last ? Date.parse(row.last) * 1000 + Number(row.last.slice(23, 26)) : 0;
  return Math.max(Date.now() * 1000, last + 1);
}

/** Adds versions to a collection; the newest of each id becomes `latest`. */
export async function addVersions(tx: Executor, collectionId: string, versions: readonly NewVersion[]): Promise<void> {
  if (versions.length === 0) return;
  let micros = await nextDateAdded(tx, collectionId);
  for (let i = 0; i < versions.length; i += 1000) {
    const chunk = versions.slice(i, i + 1000);
    await tx.insertInto('sharing_objects').values(chunk).onConflict((oc) => oc.columns(['stix_id', 'version']).doNothing()).execute();
    const newest = new Map<string, string>();
    for (const v of chunk) if ((newest.get(v.stix_id) ?? '') < v.version) newest.set(v.stix_id, v.version);
    await tx.updateTable('sharing_collection_objects').set({ latest: false })
      .where('collection_id', '=', collectionId).where('latest', '=', true).where('stix_id', 'in', [...newest.keys()]).execute();
    await tx.insertInto('sharing_collection_objects').values(chunk.map((v) => ({
      collection_id: collectionId, stix_id: v.stix_id, version: v.version, type: v.type, spec_version: v.spec_version,
      tlp: v.tlp, organisation_id: v.organisation_id, latest: newest.get(v.stix_id) === v.version, date_added: microIso(micros++),
    }))).execute();
  }
}

export interface ObjectQuery {
  collectionId: string;
  entitlement: Entitlement;
  /** An RFC 3339 timestamp; compared in SQL at microsecond precision. */
  addedAfter?: string;
  /** Continue after this `seq` (the opaque `next` of the previous page). */
  afterSeq?: number;
  limit: number;
  ids?: string[];
  types?: string[];
  /** 'last' (default), 'first', 'all', or normalised version strings. */
  versions: { kind: 'last' | 'first' | 'all' } | { kind: 'exact'; values: string[] };
  specVersions?: string[];
}

export interface ObjectPageRow {
  seq: number;
  stix_id: string;
  version: string;
  type: string;
  /** date_added with microseconds, so a client's next added_after does not repeat the last object. */
  added: string;
  object_json?: string;
}

const addedText = sql<string>`to_char(sharing_collection_objects.date_added at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One page of a collection's entitled objects in `seq` order; `limit + 1` rows tell "more". */
export async function page(db: Executor, q: ObjectQuery, withObjects: boolean): Promise<ObjectPageRow[]> {
  let query = db.selectFrom('sharing_collection_objects')
    .select(['sharing_collection_objects.seq', 'sharing_collection_objects.stix_id', 'sharing_collection_objects.version', 'sharing_collection_objects.type', addedText.as('added')])
    .where('sharing_collection_objects.collection_id', '=', q.collectionId)
    .where(entitledTo(q.entitlement));
  if (q.versions.kind === 'last') query = query.where('sharing_collection_objects.latest', '=', true);
  if (q.versions.kind === 'exact') query = query.where('sharing_collection_objects.version', 'in', q.versions.values);
  if (q.versions.kind === 'first') {
    query = query.where(({ not, exists, selectFrom }) => not(exists(selectFrom('sharing_collection_objects as older').select(sql`1`.as('one'))
      .whereRef('older.collection_id', '=', 'sharing_collection_objects.collection_id').whereRef('older.stix_id', '=', 'sharing_collection_objects.stix_id')
      .whereRef('older.version', '<', 'sharing_collection_objects.version'))));
  }
  if (q.addedAfter) query = query.where('sharing_collection_objects.date_added', '>', sql<Date>`cast(${q.addedAfter} as timestamptz)`);
  if (q.afterSeq !== undefined) query = query.where('sharing_collection_objects.seq', '>', q.afterSeq);
  if (q.ids?.length) query = query.where('sharing_collection_objects.stix_id', 'in', q.ids);
  if (q.types?.length) query = query.where('sharing_collection_objects.type', 'in', q.types);
  if (q.specVersions?.length) query = query.where('sharing_collection_objects.spec_version', 'in', q.specVersions);
  const keys = query.orderBy('sharing_collection_objects.seq').limit(q.limit + 1);
  if (!withObjects) return (await keys.execute()).map((r) => ({ ...r, seq: Number(r.seq) }));
  // The page's keys first (materialised), then their JSON by primary key, in one statement: a
  // plain join lets the planner scan every object.
  const rows = await db.with((cte) => cte('page').materialized(), () => keys)
    .selectFrom('page')
    .innerJoin('sharing_objects', (j) => j.onRef('sharing_objects.stix_id', '=', 'page.stix_id').onRef('sharing_objects.version', '=', 'page.version'))
    .select(['page.seq', 'page.stix_id', 'page.version', 'page.type', 'page.added', 'sharing_objects.object_json'])
    .orderBy('page.seq').execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** Objects of any collection the reader may see (for bundle export), newest versions only. */
export async function latestEntitled(db: Executor, collectionIds: readonly string[], entitlement: Entitlement, filter: { ids?: string[]; types?: string[] }, limit: number): Promise<string[]> {
  if (collectionIds.length === 0) return [];
  let query = db.selectFrom('sharing_collection_objects')
    .innerJoin('sharing_objects', (j) => j.onRef('sharing_objects.stix_id', '=', 'sharing_collection_objects.stix_id').onRef('sharing_objects.version', '=', 'sharing_collection_objects.version'))
    .select(['sharing_objects.object_json', 'sharing_objects.stix_id'])
    .where('sharing_collection_objects.collection_id', 'in', collectionIds).where('sharing_collection_objects.latest', '=', true)
    .where(entitledTo(entitlement));
  if (filter.ids?.length) query = query.where('sharing_collection_objects.stix_id', 'in', filter.ids);
  if (filter.types?.length) query = query.where('sharing_collection_objects.type', 'in', filter.types);
  const rows = await query.orderBy('sharing_collection_objects.seq').limit(limit).execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.stix_id) && seen.add(r.stix_id)).map((r) => r.object_json);
}

/** Counts per collection, for the collections page. */
export async function counts(db: Executor, collectionIds: readonly string[]): Promise<Map<string, number>> {
  if (collectionIds.length === 0) return new Map();
  const rows = await db.selectFrom('sharing_collection_objects').select(['collection_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('collection_id', 'in', collectionIds).where('latest', '=', true).groupBy('collection_id').execute();
  return new Map(rows.map((r) => [r.collection_id, Number(r.n)]));
}
