/** The only code that reads or writes the threat taxonomy tables (reference data, not org-owned). */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ThreatCategoryTable, ThreatClassTable } from './risk.tables.ts';

export type CategoryRow = Selectable<ThreatCategoryTable>;
export type ClassRow = Selectable<ThreatClassTable>;

export async function categories(db: Executor): Promise<CategoryRow[]> {
  return db.selectFrom('threat_categories').selectAll().orderBy('key').execute();
}

export async function classes(db: Executor): Promise<ClassRow[]> {
  return db.selectFrom('threat_classes').selectAll().orderBy('category_key').orderBy('key').execute();
}

export async function getClass(db: Executor, key: string): Promise<ClassRow | undefined> {
  return db.selectFrom('threat_classes').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function upsertCategory(db: Executor, row: Insertable<ThreatCategoryTable>): Promise<void> {
  await db.insertInto('threat_categories').values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ name_az: row.name_az, name_en: row.name_en, source: row.source })).execute();
}

export async function insertClass(db: Executor, row: Insertable<ThreatClassTable>): Promise<void> {
  await db.insertInto('threat_classes').values(row).execute();
}

export async function updateClass(db: Executor, key: string, change: Partial<Pick<Insertable<ThreatClassTable>, 'name_az' | 'name_en' | 'description' | 'attack_ids' | 'category_key' | 'version' | 'taxonomy_version'>>): Promise<void> {
  await db.updateTable('threat_classes').set({ ...change, updated_at: new Date() }).where('key', '=', key).execute();
}

export async function insertVersion(db: Executor, key: string, version: number, snapshot: unknown, changedBy: string): Promise<void> {
  await db.insertInto('threat_class_versions').values({ key, version, snapshot: JSON.stringify(snapshot), changed_by: changedBy }).execute();
}

export async function versions(db: Executor, key: string): Promise<{ version: number; snapshot: Record<string, unknown>; changed_by: string; at: Date }[]> {
  return db.selectFrom('threat_class_versions').select(['version', 'snapshot', 'changed_by', 'at']).where('key', '=', key).orderBy('version').execute();
}
