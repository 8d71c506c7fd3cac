/**
 * Progress reports: an executing agency submits one per indicator stage of a measure (text in
 * az/en, percentage, date, evidence files), may edit it until a coordinator decides, and the
 * coordinator accepts or returns it once, with a comment. Acceptance moves the indicator status.
 */
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { newId } from '../../lib/crypto.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor } from '../identity/actor.ts';
import type { Actor } from '../identity/identity.policy.ts';
import type { Bilingual } from './plan.data.ts';
import { advance, notStarted } from './indicators.ts';
import { decodeEvidence, type EvidenceInput } from './plan.evidence.ts';
import { assertCoordinator, assertMayEditReport, reportingOrganisation, reportScope } from './plan.policy.ts';
import { halfYearOf } from './plan.schedule.ts';
import * as plan from './plan.service.ts';
import * as planStore from './plan.store.ts';
import { stages, type ReportStatus, type Stage } from './plan.tables.ts';
import * as store from './reports.store.ts';
import type { EvidenceMeta, ReportRow } from './reports.store.ts';

export interface Evidence {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface Report {
  id: string;
  measureId: string;
  organisationId: string;
  acronym: string;
  stage: Stage;
  stageStatus: 'in_progress' | 'achieved';
  text: Bilingual;
  percent: number;
  date: string;
  /** The reporting half-year the date falls in, e.g. "2026-H2". */
  period: string;
  status: ReportStatus;
  submittedBy: string;
  submittedAt: string;
  coordinatorComment: string | null;
  decidedAt: string | null;
  evidence: Evidence[];
}

export interface ReportInput {
  organisationId?: string;
  stage: Stage;
  stageStatus: 'in_progress' | 'achieved';
  text: Bilingual;
  percent: number;
  date: string;
  evidence?: EvidenceInput[];
}

export type ReportPatch = Partial<Omit<ReportInput, 'organisationId' | 'evidence'>>;

export interface Decision {
  decision: 'accept' | 'return';
  comment?: string;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

async function present(db: Executor, list: ReportRow[]): Promise<Report[]> {
  const evidence = await store.evidenceOf(db, list.map((r) => r.id));
  const acronyms = new Map((await planStore.listExecutors(db)).map((e) => [e.organisation_id, e.acronym]));
  const toEvidence = (e: EvidenceMeta): Evidence => ({ id: e.id, name: e.file_name, mediaType: e.media_type, size: e.size_bytes, sha256: e.sha256 });
  return list.map((r) => ({
    id: r.id, measureId: r.item_id, organisationId: r.organisation_id, acronym: acronyms.get(r.organisation_id) ?? '',
    stage: r.stage, stageStatus: r.stage_status, text: { az: r.text_az, en: r.text_en }, percent: r.percent,
    date: r.report_date, period: halfYearOf(r.report_date).label, status: r.status, submittedBy: r.submitted_by,
    submittedAt: iso(r.submitted_at)!, coordinatorComment: r.coordinator_comment, decidedAt: iso(r.decided_at),
    evidence: evidence.filter((e) => e.report_id === r.id).map(toEvidence),
  }));
}

export async function get(db: Executor, actor: Actor, id: string): Promise<Report> {
  const row = await store.getReport(db, reportScope(actor), id);
  if (!row) throw fail.notFound('Report');
  return (await present(db, [row]))[0];
}

/** Reports the caller may read: their agencies' own, or all for coordinators. */
export async function list(db: Executor, actor: Actor, filter: Omit<store.ReportFilter, 'limit'> & { limit?: number }): Promise<Report[]> {
  return present(db, await store.listReports(db, reportScope(actor), { ...filter, limit: filter.limit ?? 200 }));
}

/** Submits a report with its evidence; nothing is stored when any file is refused. */
export async function submit(tx: Executor, actor: Actor, measureId: string, input: ReportInput): Promise<Report> {
  const measure = await plan.measure(tx, actor, measureId);
  const organisationId = reportingOrganisation(actor, measure.executors.map((e) => e.organisationId), input.organisationId);
  const files = decodeEvidence(input.evidence ?? []);
  const id = newId();
  await store.insertReport(tx, {
    id, item_id: measureId, organisation_id: organisationId, stage: input.stage, stage_status: input.stageStatus,
    text_az: input.text.az, text_en: input.text.en, percent: input.percent, report_date: input.date, status: 'submitted', submitted_by: actor.userId,
  });
  for (const [position, file] of files.entries()) {
    await store.insertEvidence(tx, { id: newId(), report_id: id, position, file_name: file.name, media_type: file.mediaType, size_bytes: file.content.length, sha256: file.sha256, content: file.content });
  }
  const report = await get(tx, actor, id);
  await audit.record(tx, { actor: auditActor(actor), action: 'plan.report.submit', organisationId, targetType: 'plan_report', targetId: id, after: report, details: { measureId, evidence: report.evidence.map((e) => e.sha256) } });
  return report;
}

/** Changes a report that still awaits a decision; only its own agency may. */
export async function update(tx: Executor, actor: Actor, id: string, patch: ReportPatch): Promise<Report> {
  const before = await get(tx, actor, id);
  assertMayEditReport(actor, before.organisationId);
  const changed = await store.updateSubmitted(tx, id, {
    text_az: patch.text?.az, text_en: patch.text?.en, percent: patch.percent, report_date: patch.date, stage: patch.stage, stage_status: patch.stageStatus,
  });
  if (!changed) throw fail.conflict(`The report was already ${before.status}; submit a new one`);
  const after = await get(tx, actor, id);
  await audit.record(tx, { actor: auditActor(actor), action: 'plan.report.update', organisationId: before.organisationId, targetType: 'plan_report', targetId: id, before, after });
  return after;
}

/** Accepts or returns a report, once; acceptance moves the measure's indicator status forward. */
export async function decide(tx: Executor, actor: Actor, id: string, decision: Decision): Promise<Report> {
  assertCoordinator(actor);
  const before = await get(tx, actor, id);
  if (decision.decision === 'return' && !decision.comment?.trim()) throw fail.validation('A returned report needs a comment saying why');
  const status = decision.decision === 'accept' ? 'accepted' : 'returned';
  if (!(await store.decide(tx, id, status, decision.comment?.trim() || null, actor.userId))) {
    throw fail.conflict(`The report was already ${before.status}`, { reportStatus: before.status });
  }
  const moved = status === 'accepted' ? await moveIndicators(tx, before) : [];
  const after = await get(tx, actor, id);
  await audit.record(tx, { actor: auditActor(actor), action: `plan.report.${status === 'accepted' ? 'accept' : 'return'}`, organisationId: before.organisationId, targetType: 'plan_report', targetId: id, before, after, details: { measureId: before.measureId, indicators: moved } });
  return after;
}

/** Moves the stored indicator statuses as an accepted report says (indicators.ts); returns the moves. */
async function moveIndicators(tx: Executor, report: Report): Promise<{ stage: Stage; from: string; to: string }[]> {
  const current = notStarted();
  for (const i of await planStore.listIndicators(tx, report.measureId)) current[i.stage] = i.status;
  const next = advance(current, report.stage, report.stageStatus);
  const moved = stages.filter((stage) => next[stage] !== current[stage]).map((stage) => ({ stage, from: current[stage], to: next[stage] }));
  for (const m of moved) await planStore.setIndicator(tx, report.measureId, m.stage, m.to);
  return moved;
}

/** One evidence file, for the reporting agency and coordinators. */
export async function evidenceFile(db: Executor, actor: Actor, reportId: string, evidenceId: string): Promise<{ name: string; mediaType: string; sha256: string; content: Buffer }> {
  const row = await store.evidenceContent(db, reportScope(actor), reportId, evidenceId);
  if (!row) throw fail.notFound('Evidence');
  return { name: row.file_name, mediaType: row.media_type, sha256: row.sha256, content: Buffer.from(row.content) };
}
