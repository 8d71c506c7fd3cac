/** The only code that reads or writes risks, their versions and the registers' scales. */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { newId } from '../../lib/crypto.ts';
import { scopeCondition, type OrgScope } from '../../lib/scope.ts';
import type { RiskScope } from './risk.policy.ts';
import type { ProcedureStatus, RiskLevel, RiskRegisterTable, RiskStatus, RiskTable } from './risk.tables.ts';

/** A stored risk, with its co-executors' acronyms resolved (they are stored as organisation ids). */
export type RiskRow = Selectable<RiskTable>;
export type NewRiskRow = Insertable<RiskTable>;
export type RiskChange = Updateable<RiskTable>;
export type RegisterRow = Selectable<RiskRegisterTable>;

export interface RiskFilter {
  level?: RiskLevel;
  organisationId?: string;
  status?: RiskStatus;
  procedure?: ProcedureStatus;
  threatClass?: string;
  sector?: string;
  cii?: boolean;
  /** Review date before this day. */
  reviewBefore?: string;
  likelihood?: number;
  impact?: number;
  ciiObjectIds?: readonly string[];
  sort?: 'score' | 'review' | 'updated';
  limit?: number;
}

const impactExpr = sql<number>`greatest(impact_people, impact_economy, impact_state, impact_sectors)`;

function scoped(scope: RiskScope) {
  const coExecutor = scope.coExecutorOf.length === 0 ? sql<boolean>`false`
    : sql<boolean>`exists (select 1 from jsonb_array_elements_text(co_executors) as c(id) where c.id in (${sql.join(scope.coExecutorOf)}))`;
  return sql<boolean>`((level = 'organisation' and ${scopeCondition(scope.organisation, 'organisation_id')}) or (level = 'national' and (${scopeCondition(scope.national, 'organisation_id')} or ${coExecutor})))`;
}

export async function list(db: Executor, scope: RiskScope, f: RiskFilter): Promise<RiskRow[]> {
  let q = db.selectFrom('risks').selectAll().where(scoped(scope));
  if (f.level) q = q.where('level', '=', f.level);
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.procedure) q = q.where('procedure_status', '=', f.procedure);
  if (f.threatClass) q = q.where('threat_class_key', '=', f.threatClass);
  if (f.sector) q = q.where('sector', '=', f.sector);
  if (f.cii !== undefined) q = q.where('cii_object_id', f.cii ? 'is not' : 'is', null);
  if (f.ciiObjectIds) q = f.ciiObjectIds.length ? q.where('cii_object_id', 'in', f.ciiObjectIds) : q.where(sql<boolean>`false`);
  if (f.reviewBefore) q = q.where('review_date', '<', f.reviewBefore);
  if (f.likelihood) q = q.where('likelihood', '=', f.likelihood);
  if (f.impact) q = q.where(impactExpr, '=', f.impact);
  q = f.sort === 'review' ? q.orderBy('review_date', 'asc') : f.sort === 'updated' ? q.orderBy('updated_at', 'desc') : q.orderBy('inherent_score', 'desc');
  return q.orderBy('id').limit(f.limit ?? 500).execute();
}

export async function get(db: Executor, scope: RiskScope, id: string): Promise<RiskRow | undefined> {
  return db.selectFrom('risks').selectAll().where('id', '=', id).where(scoped(scope)).executeTakeFirst();
}

/** A row by id for the service's own follow-up reads inside a change it already authorised. */
export async function getAny(db: Executor, id: string): Promise<RiskRow | undefined> {
  return db.selectFrom('risks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insert(db: Executor, row: NewRiskRow): Promise<void> {
  await db.insertInto('risks').values(row).execute();
}

export async function update(db: Executor, id: string, change: RiskChange): Promise<void> {
  await db.updateTable('risks').set({ ...change, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Accepted risks whose acceptance expired before `today`, across all organisations (a sweep). */
export async function expiredAcceptances(db: Executor, today: string): Promise<RiskRow[]> {
  return db.selectFrom('risks').selectAll().where('status', '=', 'accepted').where('acceptance_expires_on', '<', today).execute();
}

export async function insertVersion(db: Executor, riskId: string, version: number, action: string, snapshot: unknown, actorLabel: string): Promise<void> {
  await db.insertInto('risk_versions').values({ risk_id: riskId, version, action, snapshot: JSON.stringify(snapshot), actor_label: actorLabel }).execute();
}

export async function versions(db: Executor, riskId: string): Promise<{ version: number; action: string; actor_label: string; at: Date; snapshot: Record<string, unknown> }[]> {
  return db.selectFrom('risk_versions').select(['version', 'action', 'actor_label', 'at', 'snapshot']).where('risk_id', '=', riskId).orderBy('version').execute();
}

/** The register of one organisation, or the national one (null); undefined when never set. */
export async function register(db: Executor, organisationId: string | null): Promise<RegisterRow | undefined> {
  const q = db.selectFrom('risk_registers').selectAll();
  return (organisationId === null ? q.where('organisation_id', 'is', null) : q.where('organisation_id', '=', organisationId)).executeTakeFirst();
}

export async function saveRegister(db: Executor, organisationId: string | null, likelihood: number, impact: number): Promise<void> {
  const existing = await register(db, organisationId);
  if (existing) {
    await db.updateTable('risk_registers').set({ likelihood_levels: likelihood, impact_levels: impact, updated_at: new Date() }).where('id', '=', existing.id).execute();
  } else {
    await db.insertInto('risk_registers').values({ id: newId(), organisation_id: organisationId, likelihood_levels: likelihood, impact_levels: impact }).execute();
  }
}

/** The highest likelihood and impact level used in a register, to refuse shrinking below them. */
export async function highestLevels(db: Executor, level: RiskLevel, organisationScope: OrgScope): Promise<{ likelihood: number; impact: number }> {
  const row = await db.selectFrom('risks')
    .select([
      sql<number>`coalesce(max(greatest(likelihood, coalesce(residual_likelihood, 0))), 0)`.as('likelihood'),
      sql<number>`coalesce(max(greatest(impact_people, impact_economy, impact_state, impact_sectors, coalesce(residual_impact, 0))), 0)`.as('impact'),
    ])
    .where('level', '=', level).where(scopeCondition(organisationScope, 'organisation_id')).executeTakeFirstOrThrow();
  return { likelihood: Number(row.likelihood), impact: Number(row.impact) };
}
