/**
 * The risk register (strategy 4.1.1, 8.1.1.2): risks scored as likelihood × impact on each
 * register's scales, inherent and residual, with treatment plans and review dates. Every change
 * keeps a numbered snapshot and an audit entry in the same transaction.
 */
import type { Executor } from '../../db/database.ts';
import { newId } from '../../lib/crypto.ts';
import { AppError, fail } from '../../lib/errors.ts';
import { onlyOrganisations, scopeIncludes } from '../../lib/scope.ts';
import * as audit from '../audit/audit.service.ts';
import * as cii from '../cii/cii.service.ts';
import { auditActor } from '../identity/actor.ts';
import type { Actor } from '../identity/identity.policy.ts';
import * as organisations from '../identity/organisations.service.ts';
import { assertSectors } from '../identity/sectors.service.ts';
import { assertCoordinator, assertKeeps, coordinatorOrganisation, riskScope } from './risk.policy.ts';
import type { RiskBody, RiskListQuery, RiskPatchBody } from './risk.schema.ts';
import * as store from './risk.store.ts';
import type { RiskRow } from './risk.store.ts';
import type { Agreement, ProcedureStatus, RiskAction, RiskLevel, RiskStatus, Treatment } from './risk.tables.ts';
import { requireClass } from './taxonomy.service.ts';
import { reopenExpired } from './risk.workflow.ts';

/** A risk as the API shows it. */
export interface Risk {
  id: string;
  level: RiskLevel;
  organisationId: string;
  title: string;
  description: string;
  asset: string | null;
  ciiObjectId: string | null;
  sector: string | null;
  threatClass: string;
  vulnerability: string;
  controls: string;
  likelihood: number;
  impact: { people: number; economy: number; stateFunctions: number; otherSectors: number };
  impactLevel: number;
  inherentScore: number;
  residualLikelihood: number | null;
  residualImpact: number | null;
  residualScore: number | null;
  owner: string;
  treatment: Treatment;
  actions: RiskAction[];
  progress: { done: number; total: number; cost: number };
  reviewDate: string | null;
  reviewOverdue: boolean;
  incidentIds: string[];
  status: RiskStatus;
  acceptance: { by: string; at: string; expiresOn: string; note: string | null } | null;
  /** coExecutors are organisation ids; coExecutorAcronyms the same agencies by acronym, in the same order. */
  procedure: { status: ProcedureStatus; coExecutors: string[]; coExecutorAcronyms: string[]; agreements: Agreement[] } | null;
  sourceRiskId: string | null;
  escalatedRiskId: string | null;
  version: number;
  updatedAt: string;
}

/** Today as an ISO date (UTC), the unit of review dates and acceptance expiry. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A risk row with its co-executors' acronyms, in the order they were named. */
export type RiskRecord = RiskRow & { co_executor_acronyms: string[] };

/** Resolves co-executor acronyms through the identity service (agency names are reference data, not scoped). */
export async function withAcronyms(db: Executor, rows: RiskRow[]): Promise<RiskRecord[]> {
  const ids = [...new Set(rows.flatMap((r) => r.co_executors))];
  const labels = ids.length > 0 ? await organisations.labelsOf(db, ids) : new Map<string, { acronym: string }>();
  return rows.map((r) => ({ ...r, co_executor_acronyms: r.co_executors.flatMap((id) => labels.get(id)?.acronym ?? []) }));
}

export function present(row: RiskRecord, day = today()): Risk {
  const impactLevel = Math.max(row.impact_people, row.impact_economy, row.impact_state, row.impact_sectors);
  return {
    id: row.id, level: row.level, organisationId: row.organisation_id, title: row.title, description: row.description, asset: row.asset,
    ciiObjectId: row.cii_object_id, sector: row.sector, threatClass: row.threat_class_key, vulnerability: row.vulnerability, controls: row.controls,
    likelihood: row.likelihood,
    impact: { people: row.impact_people, economy: row.impact_economy, stateFunctions: row.impact_state, otherSectors: row.impact_sectors },
    impactLevel, inherentScore: row.inherent_score, residualLikelihood: row.residual_likelihood, residualImpact: row.residual_impact, residualScore: row.residual_score,
    owner: row.owner, treatment: row.treatment, actions: row.actions,
    progress: { done: row.actions.filter((a) => a.done).length, total: row.actions.length, cost: row.actions.reduce((sum, a) => sum + (a.cost ?? 0), 0) },
    reviewDate: row.review_date, reviewOverdue: row.review_date !== null && row.review_date < day, incidentIds: row.incident_ids, status: row.status,
    acceptance: row.status === 'accepted' && row.accepted_by && row.acceptance_expires_on
      ? { by: row.accepted_by, at: new Date(row.accepted_at!).toISOString(), expiresOn: row.acceptance_expires_on, note: row.acceptance_note } : null,
    procedure: row.procedure_status ? { status: row.procedure_status, coExecutors: row.co_executors, coExecutorAcronyms: row.co_executor_acronyms, agreements: row.agreements } : null,
    sourceRiskId: row.source_risk_id, escalatedRiskId: row.escalated_risk_id, version: row.version, updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** A register's scales; 5 × 5 until someone sets them. */
export async function scales(db: Executor, level: RiskLevel, organisationId: string | null): Promise<{ likelihoodLevels: number; impactLevels: number }> {
  const row = await store.register(db, level === 'national' ? null : organisationId);
  return { likelihoodLevels: row?.likelihood_levels ?? 5, impactLevels: row?.impact_levels ?? 5 };
}

type Scored = Pick<Risk, 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact'>;

/** Refuses levels beyond the register's scales (422: valid JSON, wrong for this register). */
export async function checkScales(db: Executor, level: RiskLevel, organisationId: string, r: Scored): Promise<void> {
  const { likelihoodLevels, impactLevels } = await scales(db, level, organisationId);
  const bad: string[] = [];
  if (r.likelihood > likelihoodLevels) bad.push(`likelihood ${r.likelihood} > ${likelihoodLevels}`);
  if (r.residualLikelihood && r.residualLikelihood > likelihoodLevels) bad.push(`residualLikelihood ${r.residualLikelihood} > ${likelihoodLevels}`);
  for (const [name, value] of Object.entries({ ...r.impact, residualImpact: r.residualImpact ?? 0 })) {
    if (value > impactLevels) bad.push(`${name} ${value} > ${impactLevels}`);
  }
  if (bad.length > 0) throw new AppError('unprocessable', `Out of the register's scale (${likelihoodLevels} × ${impactLevels}): ${bad.join(', ')}`, { likelihoodLevels, impactLevels });
}

/** The scored columns of a risk from its levels. */
export function scoreColumns(r: Scored) {
  const impact = Math.max(r.impact.people, r.impact.economy, r.impact.stateFunctions, r.impact.otherSectors);
  const residual = r.residualLikelihood && r.residualImpact ? r.residualLikelihood * r.residualImpact : null;
  return {
    likelihood: r.likelihood, impact_people: r.impact.people, impact_economy: r.impact.economy, impact_state: r.impact.stateFunctions,
    impact_sectors: r.impact.otherSectors, inherent_score: r.likelihood * impact,
    residual_likelihood: r.residualLikelihood ?? null, residual_impact: r.residualImpact ?? null, residual_score: residual,
  };
}

export async function get(db: Executor, actor: Actor, id: string): Promise<Risk> {
  return present(await getRow(db, actor, id));
}

/** The row, or 404 when the actor may not see it. */
export async function getRow(db: Executor, actor: Actor, id: string): Promise<RiskRecord> {
  const row = await store.get(db, riskScope(actor), id);
  if (!row) throw fail.notFound('Risk');
  return (await withAcronyms(db, [row]))[0];
}

/** Lists risks after reopening expired acceptances, so no list shows a lapsed one as accepted. */
export async function list(tx: Executor, actor: Actor, query: RiskListQuery & { ciiObjectIds?: string[] }): Promise<Risk[]> {
  const day = today();
  await reopenExpired(tx, day);
  const rows = await store.list(tx, riskScope(actor), { ...query, reviewBefore: query.overdue ? day : undefined });
  return (await withAcronyms(tx, rows)).map((r) => present(r, day));
}

/** Writes the snapshot of a risk's new version and its audit entry. */
export async function recordVersion(tx: Executor, actor: Actor | null, id: string, action: string, before?: Risk): Promise<Risk> {
  const [row] = await withAcronyms(tx, [(await store.getAny(tx, id))!]);
  const after = present(row);
  const who = actor ? auditActor(actor) : audit.systemActor;
  await store.insertVersion(tx, id, row.version, action, after, who.label);
  await audit.record(tx, { actor: who, action, organisationId: row.organisation_id, targetType: 'risk', targetId: id, before, after, details: { version: row.version, level: row.level } });
  return after;
}

async function checkSubject(tx: Executor, actor: Actor, input: Pick<RiskBody, 'ciiObjectId' | 'sector'>, storedSector: string | null = null): Promise<void> {
  assertSectors('/sector', [input.sector], [storedSector]);
  if (input.ciiObjectId) await cii.requireVisibleObject(tx, actor, input.ciiObjectId);
}

/** A new risk in an organisation's register, or a coordinator's national risk (as a draft). */
export async function create(tx: Executor, actor: Actor, input: RiskBody): Promise<Risk> {
  const level = input.level ?? 'organisation';
  const organisationId = level === 'national' ? coordinatorOrganisation(actor, input.organisationId) : input.organisationId;
  if (level === 'organisation') assertKeeps(actor, organisationId);
  await requireClass(tx, input.threatClass);
  await checkSubject(tx, actor, input);
  await checkScales(tx, level, organisationId, { ...input, residualLikelihood: input.residualLikelihood ?? null, residualImpact: input.residualImpact ?? null });
  const id = newId();
  await store.insert(tx, {
    id, level, organisation_id: organisationId, title: input.title, description: input.description ?? '', asset: input.asset ?? null,
    cii_object_id: input.ciiObjectId ?? null, sector: input.sector ?? null, threat_class_key: input.threatClass,
    vulnerability: input.vulnerability ?? '', controls: input.controls ?? '', ...scoreColumns({ ...input, residualLikelihood: input.residualLikelihood ?? null, residualImpact: input.residualImpact ?? null }),
    owner: input.owner ?? '', treatment: input.treatment, actions: JSON.stringify(input.actions ?? []), review_date: input.reviewDate ?? null,
    incident_ids: JSON.stringify(input.incidentIds ?? []), status: 'open', procedure_status: level === 'national' ? 'draft' : null,
    co_executors: '[]', agreements: '[]', version: 1, created_by: actor.userId,
  });
  return recordVersion(tx, actor, id, 'risk.create');
}

/** Changes a risk; a change to a national entry sends it back to draft for a new agreement. */
export async function update(tx: Executor, actor: Actor, id: string, patch: RiskPatchBody): Promise<Risk> {
  const row = await getRow(tx, actor, id);
  if (row.level === 'national') assertCoordinator(actor);
  else assertKeeps(actor, row.organisation_id);
  const before = present(row);
  if (patch.threatClass) await requireClass(tx, patch.threatClass);
  await checkSubject(tx, actor, patch, row.sector);
  const merged: Scored = {
    likelihood: patch.likelihood ?? before.likelihood, impact: patch.impact ?? before.impact,
    residualLikelihood: patch.residualLikelihood !== undefined ? patch.residualLikelihood : before.residualLikelihood,
    residualImpact: patch.residualImpact !== undefined ? patch.residualImpact : before.residualImpact,
  };
  await checkScales(tx, row.level, row.organisation_id, merged);
  await store.update(tx, id, {
    title: patch.title, description: patch.description, asset: patch.asset, cii_object_id: patch.ciiObjectId, sector: patch.sector,
    threat_class_key: patch.threatClass, vulnerability: patch.vulnerability, controls: patch.controls, ...scoreColumns(merged),
    owner: patch.owner, treatment: patch.treatment, actions: patch.actions && JSON.stringify(patch.actions), review_date: patch.reviewDate,
    incident_ids: patch.incidentIds && JSON.stringify(patch.incidentIds), version: row.version + 1,
    ...(row.level === 'national' && row.procedure_status !== 'draft' ? { procedure_status: 'draft' as const, agreements: '[]' } : {}),
  });
  return recordVersion(tx, actor, id, 'risk.update', before);
}

export async function versions(db: Executor, actor: Actor, id: string) {
  await getRow(db, actor, id);
  return (await store.versions(db, id)).map((v) => ({ version: v.version, action: v.action, actor: v.actor_label, at: new Date(v.at).toISOString(), snapshot: v.snapshot }));
}

/** Reads a register's scales (any reader of that register). */
export async function registerSettings(db: Executor, actor: Actor, organisationId: string | undefined) {
  if (organisationId) await getVisibleOrganisation(actor, organisationId);
  return { organisationId: organisationId ?? null, ...(await scales(db, organisationId ? 'organisation' : 'national', organisationId ?? null)) };
}

async function getVisibleOrganisation(actor: Actor, organisationId: string): Promise<void> {
  if (!scopeIncludes(riskScope(actor).organisation, organisationId)) throw fail.notFound('Register');
}

/** Sets a register's scales; never below levels its risks already use. */
export async function saveRegisterSettings(tx: Executor, actor: Actor, input: { organisationId: string | null; likelihoodLevels: number; impactLevels: number }) {
  if (input.organisationId) assertKeeps(actor, input.organisationId);
  else assertCoordinator(actor);
  const level: RiskLevel = input.organisationId ? 'organisation' : 'national';
  const used = await store.highestLevels(tx, level, input.organisationId ? onlyOrganisations([input.organisationId]) : { all: true });
  if (used.likelihood > input.likelihoodLevels || used.impact > input.impactLevels) {
    throw fail.conflict(`Risks in this register use likelihood ${used.likelihood} and impact ${used.impact}; rescore them first`);
  }
  const before = await scales(tx, level, input.organisationId);
  await store.saveRegister(tx, input.organisationId, input.likelihoodLevels, input.impactLevels);
  await audit.record(tx, { actor: auditActor(actor), action: 'risk_register.scales', organisationId: input.organisationId, targetType: 'risk_register', targetId: input.organisationId ?? 'national', before, after: input });
  return { organisationId: input.organisationId, likelihoodLevels: input.likelihoodLevels, impactLevels: input.impactLevels };
}
