/**
 * Recovery plans (strategy 8.4.2): one per CII object, with RTO and RPO, steps, owners and
 * contacts, what it depends on, exercises, and two flags: an RTO that cannot be met because a
 * supplier's plan promises a longer one, and a plan past its review date.
 */
import type { Executor } from '../../db/database.ts';
import { newId } from '../../lib/crypto.ts';
import { AppError, fail } from '../../lib/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor } from '../identity/actor.ts';
import type { Actor } from '../identity/identity.policy.ts';
import { assertKeepsCii, ciiScope } from './cii.policy.ts';
import type { ExerciseBody, PlanBody } from './cii.schema.ts';
import { getObject } from './cii.service.ts';
import * as store from './cii.store.ts';
import type { ExerciseRow, PlanRow } from './cii.store.ts';
import type { Contact, ExerciseResult, RecoveryStep } from './cii.tables.ts';

export interface Exercise {
  id: string;
  heldOn: string;
  result: ExerciseResult;
  findings: string;
}

/** A dependency whose own plan's RTO is longer than this plan's: this RTO cannot be met. */
export interface RtoConflict {
  supplierId: string;
  supplierRtoHours: number;
}

export interface RecoveryPlan {
  id: string;
  objectId: string;
  organisationId: string;
  rtoHours: number;
  rpoHours: number;
  steps: RecoveryStep[];
  contacts: Contact[];
  dependsOn: string[];
  reviewDate: string | null;
  reviewOverdue: boolean;
  rtoConflicts: RtoConflict[];
  exercises: Exercise[];
  version: number;
}

function presentExercise(row: ExerciseRow): Exercise {
  return { id: row.id, heldOn: row.held_on, result: row.result, findings: row.findings };
}

/** Suppliers are the plan's named dependencies plus the object's medium and high dependencies. */
async function present(db: Executor, rows: PlanRow[]): Promise<RecoveryPlan[]> {
  const day = new Date().toISOString().slice(0, 10);
  const rtos = await store.allRtos(db);
  const edges = await store.allDependencies(db);
  const exercises = await store.listExercises(db, rows.map((r) => r.id));
  return rows.map((row) => {
    const suppliers = new Set([...row.depends_on, ...edges.filter((e) => e.dependent_id === row.object_id && e.strength !== 'low').map((e) => e.supplier_id)]);
    const rtoHours = Number(row.rto_hours);
    const rtoConflicts = [...suppliers].flatMap((supplierId) => {
      const supplierRto = rtos.get(supplierId);
      return supplierRto !== undefined && supplierRto > rtoHours ? [{ supplierId, supplierRtoHours: supplierRto }] : [];
    });
    return {
      id: row.id, objectId: row.object_id, organisationId: row.organisation_id, rtoHours, rpoHours: Number(row.rpo_hours), steps: row.steps,
      contacts: row.contacts, dependsOn: row.depends_on, reviewDate: row.review_date, reviewOverdue: row.review_date !== null && row.review_date < day,
      rtoConflicts, exercises: exercises.filter((e) => e.plan_id === row.id).map(presentExercise), version: row.version,
    };
  });
}

export async function listPlans(db: Executor, actor: Actor): Promise<RecoveryPlan[]> {
  return present(db, await store.listPlans(db, ciiScope(actor)));
}

export async function getPlan(db: Executor, actor: Actor, id: string): Promise<RecoveryPlan> {
  const row = await store.getPlan(db, ciiScope(actor), id);
  if (!row) throw fail.notFound('Recovery plan');
  return (await present(db, [row]))[0];
}

/** Creates or replaces the plan of an object (a new version each time). */
export async function savePlan(tx: Executor, actor: Actor, objectId: string, input: PlanBody): Promise<RecoveryPlan> {
  const object = await getObject(tx, actor, objectId);
  assertKeepsCii(actor, object.organisationId);
  if ((input.dependsOn ?? []).includes(objectId)) throw new AppError('unprocessable', 'A plan cannot depend on its own object');
  for (const id of input.dependsOn ?? []) {
    if (!(await store.getObject(tx, { all: true }, id))) throw new AppError('unprocessable', `Not a registered CII object: ${id}`);
  }
  const existing = await store.planOfObject(tx, objectId);
  const fields = {
    rto_hours: input.rtoHours, rpo_hours: input.rpoHours, steps: JSON.stringify(input.steps), contacts: JSON.stringify(input.contacts ?? []),
    depends_on: JSON.stringify(input.dependsOn ?? []), review_date: input.reviewDate,
  };
  const id = existing?.id ?? newId();
  if (existing) await store.updatePlan(tx, id, { ...fields, version: existing.version + 1 });
  else await store.insertPlan(tx, { id, object_id: objectId, organisation_id: object.organisationId, ...fields, version: 1 });
  const before = existing ? (await present(tx, [existing]))[0] : undefined;
  const after = (await present(tx, [(await store.planOfObject(tx, objectId))!]))[0];
  await audit.record(tx, { actor: auditActor(actor), action: existing ? 'recovery_plan.update' : 'recovery_plan.create', organisationId: object.organisationId, targetType: 'recovery_plan', targetId: id, before, after });
  return after;
}

export async function addExercise(tx: Executor, actor: Actor, planId: string, input: ExerciseBody): Promise<Exercise> {
  const plan = await store.getPlan(tx, ciiScope(actor), planId);
  if (!plan) throw fail.notFound('Recovery plan');
  assertKeepsCii(actor, plan.organisation_id);
  const row = { id: newId(), plan_id: planId, organisation_id: plan.organisation_id, held_on: input.heldOn, result: input.result, findings: input.findings ?? '' };
  await store.insertExercise(tx, row);
  const created = presentExercise({ ...row, created_at: new Date() });
  await audit.record(tx, { actor: auditActor(actor), action: 'recovery_plan.exercise', organisationId: plan.organisation_id, targetType: 'recovery_plan', targetId: planId, after: created });
  return created;
}
