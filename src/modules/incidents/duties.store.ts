/** The only code that reads or writes reporting-stage forms, directives and recorded SLA breaches. */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { scopeCondition, type OrgScope } from '../../lib/scope.ts';
import { referencing } from './incidents.store.ts';
import type { IncidentDirectiveTable, IncidentStageReportTable, ReportStage, SlaMeasure } from './incidents.tables.ts';

export type StageReportRow = Selectable<IncidentStageReportTable>;

export async function stageReports(db: Executor, incidentId: string): Promise<StageReportRow[]> {
  return db.selectFrom('incident_stage_reports').selectAll().where('incident_id', '=', incidentId).execute();
}

/** Stores a stage's form; false when the stage was already submitted. */
export async function insertStageReport(tx: Executor, row: Insertable<IncidentStageReportTable>): Promise<boolean> {
  const result = await tx.insertInto('incident_stage_reports').values(row).onConflict((oc) => oc.columns(['incident_id', 'stage']).doNothing()).returning('stage').execute();
  return result.length === 1;
}

export async function insertDirective(tx: Executor, row: Insertable<IncidentDirectiveTable>, targets: readonly string[]): Promise<void> {
  await tx.insertInto('incident_directives').values(row).execute();
  await referencing(tx.insertInto('incident_directive_targets').values(targets.map((organisation_id) => ({ directive_id: row.id, organisation_id }))).execute());
}

/** Directives of an incident with one row per target organisation. */
export async function directives(db: Executor, incidentId: string) {
  return db.selectFrom('incident_directives as d').innerJoin('incident_directive_targets as t', 't.directive_id', 'd.id')
    .select(['d.id', 'd.incident_id', 'd.title', 'd.action', 'd.due_at', 'd.issued_at', 't.organisation_id', 't.acknowledged_at', 't.completed_at', 't.completion_note', 't.escalated_at'])
    .where('d.incident_id', '=', incidentId).orderBy('d.issued_at').orderBy('t.organisation_id').execute();
}

/** Directive rows addressed to organisations in the scope. */
export async function directivesFor(db: Executor, scope: OrgScope) {
  return db.selectFrom('incident_directives as d').innerJoin('incident_directive_targets as t', 't.directive_id', 'd.id')
    .select(['d.id', 'd.incident_id', 'd.title', 'd.action', 'd.due_at', 't.organisation_id', 't.acknowledged_at', 't.completed_at', 't.escalated_at'])
    .where(scopeCondition(scope, 't.organisation_id')).orderBy('d.issued_at', 'desc').limit(500).execute();
}

export async function directive(db: Executor, id: string) {
  return db.selectFrom('incident_directives').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function answerDirective(tx: Executor, id: string, organisationId: string, change: { acknowledged_at?: Date; completed_at?: Date; completion_note?: string | null }) {
  return tx.updateTable('incident_directive_targets').set(change).where('directive_id', '=', id).where('organisation_id', '=', organisationId).returningAll().executeTakeFirst();
}

/** Targets not acknowledged by `before` and not yet escalated. */
export async function unacknowledgedSince(db: Executor, before: Date) {
  return db.selectFrom('incident_directive_targets as t').innerJoin('incident_directives as d', 'd.id', 't.directive_id')
    .innerJoin('incidents as i', 'i.id', 'd.incident_id')
    .select(['t.directive_id', 't.organisation_id', 'd.incident_id', 'd.title', 'i.organisation_id as owner', 'i.status', 'i.severity'])
    .where('t.acknowledged_at', 'is', null).where('t.escalated_at', 'is', null).where('d.issued_at', '<', before).execute();
}

export async function markEscalated(tx: Executor, directiveId: string, organisationId: string): Promise<void> {
  await tx.updateTable('incident_directive_targets').set({ escalated_at: new Date() }).where('directive_id', '=', directiveId).where('organisation_id', '=', organisationId).execute();
}

export async function breaches(db: Executor, incidentId: string) {
  return db.selectFrom('incident_sla_breaches').selectAll().where('incident_id', '=', incidentId).execute();
}

/** Records a breach once; true when it is new. */
export async function recordBreach(tx: Executor, incidentId: string, measure: SlaMeasure): Promise<boolean> {
  const rows = await tx.insertInto('incident_sla_breaches').values({ incident_id: incidentId, measure }).onConflict((oc) => oc.columns(['incident_id', 'measure']).doNothing()).returning('measure').execute();
  return rows.length === 1;
}

export type { ReportStage };
