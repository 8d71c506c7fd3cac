/** The only code that reads or writes the stored copy of the incident taxonomy (reference data, unscoped). */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { IncidentTaxonomyClassTable, IncidentTaxonomyTypeTable } from './incidents.tables.ts';

export type ClassRow = Selectable<IncidentTaxonomyClassTable>;
export type TypeRow = Selectable<IncidentTaxonomyTypeTable>;

/** Serialises two processes loading the file at once. */
export async function lock(tx: Executor): Promise<void> {
  await sql`lock table incident_taxonomy_classes in exclusive mode`.execute(tx);
}

export async function storedVersion(db: Executor): Promise<number | null> {
  const row = await db.selectFrom('incident_taxonomy_classes').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  return row?.v == null ? null : Number(row.v);
}

export async function upsertClass(tx: Executor, row: Insertable<IncidentTaxonomyClassTable>): Promise<void> {
  const { key: _key, ...change } = row;
  await tx.insertInto('incident_taxonomy_classes').values(row).onConflict((oc) => oc.column('key').doUpdateSet(change)).execute();
}

export async function upsertType(tx: Executor, row: Insertable<IncidentTaxonomyTypeTable>): Promise<void> {
  const { class_key: _c, key: _k, ...change } = row;
  await tx.insertInto('incident_taxonomy_types').values(row).onConflict((oc) => oc.columns(['class_key', 'key']).doUpdateSet(change)).execute();
}

export async function classes(db: Executor): Promise<ClassRow[]> {
  return db.selectFrom('incident_taxonomy_classes').selectAll().orderBy('position').execute();
}

export async function types(db: Executor): Promise<TypeRow[]> {
  return db.selectFrom('incident_taxonomy_types').selectAll().orderBy('class_key').orderBy('position').execute();
}
