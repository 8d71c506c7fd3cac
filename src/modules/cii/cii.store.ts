/** The only code that reads or writes CII objects, dependencies, recovery plans and exercises. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { scopeCondition, type OrgScope } from '../../lib/scope.ts';
import type { CiiDependencyTable, CiiExerciseTable, CiiObjectTable, CiiRecoveryPlanTable } from './cii.tables.ts';

export type ObjectRow = Selectable<CiiObjectTable>;
export type DependencyRow = Selectable<CiiDependencyTable>;
export type PlanRow = Selectable<CiiRecoveryPlanTable>;
export type ExerciseRow = Selectable<CiiExerciseTable>;

export async function listObjects(db: Executor, scope: OrgScope, filter: { organisationId?: string; sector?: string } = {}): Promise<ObjectRow[]> {
  let q = db.selectFrom('cii_objects').selectAll().where(scopeCondition(scope, 'organisation_id'));
  if (filter.organisationId) q = q.where('organisation_id', '=', filter.organisationId);
  if (filter.sector) q = q.where('sector', '=', filter.sector);
  return q.orderBy('sector').orderBy('name').execute();
}

export async function getObject(db: Executor, scope: OrgScope, id: string): Promise<ObjectRow | undefined> {
  return db.selectFrom('cii_objects').selectAll().where('id', '=', id).where(scopeCondition(scope, 'organisation_id')).executeTakeFirst();
}

/** Every object's public face (name, sector, operator), for the directory and the graph. */
export async function directory(db: Executor): Promise<{ id: string; name: string; sector: string; criticality: string; organisation_id: string; tolerance_hours: number }[]> {
  return db.selectFrom('cii_objects')
    .select(['id', 'name', 'sector', 'criticality', 'organisation_id', 'tolerance_hours'])
    .orderBy('sector').orderBy('name').execute();
}

export async function insertObject(db: Executor, row: Insertable<CiiObjectTable>): Promise<void> {
  await db.insertInto('cii_objects').values(row).execute();
}

export async function updateObject(db: Executor, id: string, change: Updateable<CiiObjectTable>): Promise<void> {
  await db.updateTable('cii_objects').set({ ...change, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Dependencies declared by the scope's organisations. */
export async function listDependencies(db: Executor, scope: OrgScope): Promise<DependencyRow[]> {
  return db.selectFrom('cii_dependencies').selectAll().where(scopeCondition(scope, 'organisation_id')).orderBy('created_at').execute();
}

/** The whole graph's edges, for the analysis (which shows other operators' objects by directory face only). */
export async function allDependencies(db: Executor): Promise<Pick<DependencyRow, 'dependent_id' | 'supplier_id' | 'strength' | 'kind'>[]> {
  return db.selectFrom('cii_dependencies').select(['dependent_id', 'supplier_id', 'strength', 'kind']).execute();
}

export async function getDependency(db: Executor, scope: OrgScope, id: string): Promise<DependencyRow | undefined> {
  return db.selectFrom('cii_dependencies').selectAll().where('id', '=', id).where(scopeCondition(scope, 'organisation_id')).executeTakeFirst();
}

export async function findDependency(db: Executor, dependentId: string, supplierId: string, kind: string): Promise<DependencyRow | undefined> {
  return db.selectFrom('cii_dependencies').selectAll().where('dependent_id', '=', dependentId).where('supplier_id', '=', supplierId).where('kind', '=', kind as DependencyRow['kind']).executeTakeFirst();
}

export async function insertDependency(db: Executor, row: Insertable<CiiDependencyTable>): Promise<void> {
  await db.insertInto('cii_dependencies').values(row).execute();
}

export async function deleteDependency(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('cii_dependencies').where('id', '=', id).execute();
}

export async function listPlans(db: Executor, scope: OrgScope): Promise<PlanRow[]> {
  return db.selectFrom('cii_recovery_plans').selectAll().where(scopeCondition(scope, 'organisation_id')).orderBy('updated_at', 'desc').execute();
}

export async function getPlan(db: Executor, scope: OrgScope, id: string): Promise<PlanRow | undefined> {
  return db.selectFrom('cii_recovery_plans').selectAll().where('id', '=', id).where(scopeCondition(scope, 'organisation_id')).executeTakeFirst();
}

export async function planOfObject(db: Executor, objectId: string): Promise<PlanRow | undefined> {
  return db.selectFrom('cii_recovery_plans').selectAll().where('object_id', '=', objectId).executeTakeFirst();
}

/** RTO of every plan, by object: the consistency check compares against suppliers' plans. */
export async function allRtos(db: Executor): Promise<Map<string, number>> {
  const rows = await db.selectFrom('cii_recovery_plans').select(['object_id', 'rto_hours']).execute();
  return new Map(rows.map((r) => [r.object_id, Number(r.rto_hours)]));
}

export async function insertPlan(db: Executor, row: Insertable<CiiRecoveryPlanTable>): Promise<void> {
  await db.insertInto('cii_recovery_plans').values(row).execute();
}

export async function updatePlan(db: Executor, id: string, change: Updateable<CiiRecoveryPlanTable>): Promise<void> {
  await db.updateTable('cii_recovery_plans').set({ ...change, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function listExercises(db: Executor, planIds: readonly string[]): Promise<ExerciseRow[]> {
  if (planIds.length === 0) return [];
  return db.selectFrom('cii_exercises').selectAll().where('plan_id', 'in', planIds).orderBy('held_on', 'desc').execute();
}

export async function insertExercise(db: Executor, row: Insertable<CiiExerciseTable>): Promise<void> {
  await db.insertInto('cii_exercises').values(row).execute();
}
