/**
 * The only code that reads or writes the plan's own tables: items, executors, indicator
 * statuses and loaded data versions. These rows are reference data every signed-in user may
 * read, so they take no organisation scope; reports (organisation-owned) are in reports.store.ts.
 */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { IndicatorStatus, PlanExecutorTable, PlanIndicatorTable, PlanItemTable, Stage } from './plan.tables.ts';

export type ItemRow = Selectable<PlanItemTable>;
export type ExecutorRow = Selectable<PlanExecutorTable>;
export type IndicatorRow = Selectable<PlanIndicatorTable>;

/** Serialises concurrent loads of the data file (two processes starting at once). */
export async function lockVersions(db: Executor): Promise<void> {
  await sql`lock table plan_data_versions in exclusive mode`.execute(db);
}

export async function latestVersion(db: Executor): Promise<number | null> {
  const row = await db.selectFrom('plan_data_versions').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  return row?.v == null ? null : Number(row.v);
}

export async function recordVersion(db: Executor, version: number, items: number): Promise<void> {
  await db.insertInto('plan_data_versions').values({ version, items }).execute();
}

/** Inserts an item or rewrites it in place (its id is the strategy's numbering). */
export async function upsertItem(db: Executor, row: Insertable<PlanItemTable>): Promise<void> {
  const { id: _id, ...change } = row;
  await db.insertInto('plan_items').values(row).onConflict((oc) => oc.column('id').doUpdateSet(change)).execute();
}

/** Marks items a newer data file no longer has; their reports stay. Returns their ids. */
export async function retireItemsExcept(db: Executor, keep: readonly string[]): Promise<string[]> {
  const rows = await db.updateTable('plan_items').set({ retired: true })
    .where('retired', '=', false).where('id', 'not in', keep.length ? keep : [''])
    .returning('id').execute();
  return rows.map((r) => r.id);
}

/** Keeps the named executors of an item (with their responsible persons) and removes the rest. */
export async function removeExecutorsExcept(db: Executor, itemId: string, keep: readonly string[]): Promise<void> {
  let query = db.deleteFrom('plan_executors').where('item_id', '=', itemId);
  if (keep.length) query = query.where('organisation_id', 'not in', keep);
  await query.execute();
}

export async function upsertExecutor(db: Executor, row: Omit<Insertable<PlanExecutorTable>, 'responsible_name' | 'responsible_contact'>): Promise<void> {
  await db.insertInto('plan_executors').values(row)
    .onConflict((oc) => oc.columns(['item_id', 'organisation_id']).doUpdateSet({ acronym: row.acronym, lead: row.lead, recommended: row.recommended, position: row.position }))
    .execute();
}

/** Gives a measure its three indicator rows, leaving existing statuses alone. */
export async function ensureIndicators(db: Executor, itemId: string, stages: readonly Stage[]): Promise<void> {
  await db.insertInto('plan_indicators').values(stages.map((stage) => ({ item_id: itemId, stage, status: 'not_started' as const })))
    .onConflict((oc) => oc.columns(['item_id', 'stage']).doNothing()).execute();
}

/** Items in the data file's order; retired ones only when asked. */
export async function listItems(db: Executor, includeRetired = false): Promise<ItemRow[]> {
  let query = db.selectFrom('plan_items').selectAll();
  if (!includeRetired) query = query.where('retired', '=', false);
  return query.orderBy('position').execute();
}

export async function getItem(db: Executor, id: string): Promise<ItemRow | undefined> {
  return db.selectFrom('plan_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listExecutors(db: Executor, itemId?: string): Promise<ExecutorRow[]> {
  let query = db.selectFrom('plan_executors').selectAll();
  if (itemId) query = query.where('item_id', '=', itemId);
  return query.orderBy('item_id').orderBy('position').execute();
}

export async function listIndicators(db: Executor, itemId?: string): Promise<IndicatorRow[]> {
  let query = db.selectFrom('plan_indicators').selectAll();
  if (itemId) query = query.where('item_id', '=', itemId);
  return query.execute();
}

export async function setIndicator(db: Executor, itemId: string, stage: Stage, status: IndicatorStatus): Promise<void> {
  await db.updateTable('plan_indicators').set({ status, updated_at: new Date() }).where('item_id', '=', itemId).where('stage', '=', stage).execute();
}

export async function setResponsible(db: Executor, itemId: string, organisationId: string, name: string | null, contact: string | null): Promise<void> {
  await db.updateTable('plan_executors').set({ responsible_name: name, responsible_contact: contact })
    .where('item_id', '=', itemId).where('organisation_id', '=', organisationId).execute();
}
