/**
 * The only code that reads or writes progress reports and their evidence. Reports belong to the
 * reporting organisation, so every read takes an OrgScope; aggregate figures read accepted
 * reports with `everything` (only numbers and dates leave the module that way).
 */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { scopeCondition, type OrgScope } from '../../lib/scope.ts';
import type { IndicatorStatus, PlanEvidenceTable, PlanReportTable, ReportStatus, Stage } from './plan.tables.ts';

export type ReportRow = Selectable<PlanReportTable>;
export type EvidenceMeta = Omit<Selectable<PlanEvidenceTable>, 'content'>;

export interface ReportFilter {
  itemId?: string;
  organisationId?: string;
  status?: ReportStatus;
  limit: number;
}

/** What figures need of an accepted report: which measure, by whom, how far, for when. */
export interface AcceptedFact {
  item_id: string;
  organisation_id: string;
  stage: Stage;
  stage_status: Exclude<IndicatorStatus, 'not_started'>;
  percent: number;
  report_date: string;
  decided_at: Date;
}


export async function insertReport(db: Executor, row: Insertable<PlanReportTable>): Promise<void> {
  await db.insertInto('plan_reports').values(row).execute();
}

export async function getReport(db: Executor, scope: OrgScope, id: string): Promise<ReportRow | undefined> {
  return db.selectFrom('plan_reports').selectAll().where('id', '=', id)
    .where(scopeCondition(scope, 'organisation_id')).executeTakeFirst();
}

export async function listReports(db: Executor, scope: OrgScope, filter: ReportFilter): Promise<ReportRow[]> {
  let query = db.selectFrom('plan_reports').selectAll().where(scopeCondition(scope, 'organisation_id'));
  if (filter.itemId) query = query.where('item_id', '=', filter.itemId);
  if (filter.organisationId) query = query.where('organisation_id', '=', filter.organisationId);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.orderBy('submitted_at', 'desc').orderBy('id').limit(filter.limit).execute();
}

/** Changes a report only while it awaits a decision; false when it no longer does. */
export async function updateSubmitted(db: Executor, id: string, change: { text_az?: string; text_en?: string; percent?: number; report_date?: string; stage?: Stage; stage_status?: 'in_progress' | 'achieved' }): Promise<boolean> {
  const rows = await db.updateTable('plan_reports').set({ ...change, updated_at: new Date() })
    .where('id', '=', id).where('status', '=', 'submitted').returning('id').execute();
  return rows.length === 1;
}

/** Records the one decision a report gets; false when it was already decided (a race or a repeat). */
export async function decide(db: Executor, id: string, status: 'accepted' | 'returned', comment: string | null, by: string): Promise<boolean> {
  const now = new Date();
  const rows = await db.updateTable('plan_reports').set({ status, coordinator_comment: comment, decided_by: by, decided_at: now, updated_at: now })
    .where('id', '=', id).where('status', '=', 'submitted').returning('id').execute();
  return rows.length === 1;
}

export async function acceptedFacts(db: Executor, scope: OrgScope): Promise<AcceptedFact[]> {
  return db.selectFrom('plan_reports').select(['item_id', 'organisation_id', 'stage', 'stage_status', 'percent', 'decided_at', 'report_date'])
    .where('status', '=', 'accepted').where(scopeCondition(scope, 'organisation_id'))
    .orderBy('decided_at').execute() as Promise<AcceptedFact[]>;
}

export async function countByStatus(db: Executor, scope: OrgScope, status: ReportStatus): Promise<number> {
  const row = await db.selectFrom('plan_reports').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', status).where(scopeCondition(scope, 'organisation_id')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertEvidence(db: Executor, row: Insertable<PlanEvidenceTable>): Promise<void> {
  await db.insertInto('plan_evidence').values(row).execute();
}

export async function evidenceOf(db: Executor, reportIds: readonly string[]): Promise<EvidenceMeta[]> {
  if (reportIds.length === 0) return [];
  return db.selectFrom('plan_evidence')
    .select(['id', 'report_id', 'position', 'file_name', 'media_type', 'size_bytes', 'sha256', 'created_at'])
    .where('report_id', 'in', reportIds).orderBy('report_id').orderBy('position').execute();
}

/** One evidence file with its content, if its report is in scope. */
export async function evidenceContent(db: Executor, scope: OrgScope, reportId: string, evidenceId: string): Promise<Selectable<PlanEvidenceTable> | undefined> {
  return db.selectFrom('plan_evidence').innerJoin('plan_reports', 'plan_reports.id', 'plan_evidence.report_id')
    .selectAll('plan_evidence').where('plan_evidence.id', '=', evidenceId).where('plan_evidence.report_id', '=', reportId)
    .where(scopeCondition(scope, 'plan_reports.organisation_id')).executeTakeFirst();
}
