/**
 * Duties around an incident: the operator's staged reports to the National CERT (the early
 * warning also reports the incident to it), the National CERT's directives with acknowledgement,
 * completion and escalation, and the sweep that records SLA breaches and escalations.
 */
import type { Db, Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { newId } from '../../lib/crypto.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor } from '../identity/actor.ts';
import { visibleScope, type Actor } from '../identity/identity.policy.ts';
import { breached } from './clocks.ts';
import * as store from './duties.store.ts';
import { forChange, readRow } from './incidents.service.ts';
import * as incidents from './incidents.store.ts';
import { assertMayAnswer, assertMayDirect, readerOf } from './incidents.policy.ts';
import type { ReportStage } from './incidents.tables.ts';
import { journal } from './journal.ts';

/** The structured form of each reporting stage: required texts and yes/no flags. */
export const stageForms: Record<ReportStage, { texts: readonly string[]; flags: readonly string[] }> = {
  early_warning: { texts: ['summary'], flags: ['suspectedMalicious', 'crossBorder'] },
  notification: { texts: ['summary', 'impact', 'indicators'], flags: ['crossBorder'] },
  final: { texts: ['summary', 'rootCause', 'mitigation'], flags: ['crossBorder'] },
};

/** Checks a stage's form against its structure (400 naming each problem). */
export function checkStageForm(stage: ReportStage, form: Record<string, unknown>): void {
  const { texts, flags } = stageForms[stage];
  const problems = [
    ...texts.filter((k) => typeof form[k] !== 'string' || (form[k] as string).trim() === '').map((k) => `${k} is required text`),
    ...flags.filter((k) => k in form && typeof form[k] !== 'boolean').map((k) => `${k} is true or false`),
    ...Object.keys(form).filter((k) => !texts.includes(k) && !flags.includes(k)).map((k) => `${k} is not a field of the ${stage} form`),
  ];
  if (problems.length) throw fail.validation(`The ${stage} form is incomplete: ${problems.join('; ')}`, { problems });
}

/** Directives unacknowledged this long after issue are escalated. */
export const escalateAfterMs = 24 * 3600_000;

/** Submits one stage's structured form; the early warning marks the incident reported to the National CERT. */
export async function submitStage(tx: Executor, actor: Actor, id: string, stage: ReportStage, form: Record<string, unknown>) {
  const row = await forChange(tx, actor, id);
  checkStageForm(stage, form);
  const order: ReportStage[] = ['early_warning', 'notification', 'final'];
  const done = new Set((await store.stageReports(tx, id)).map((r) => r.stage));
  const missing = order.slice(0, order.indexOf(stage)).filter((s) => !done.has(s));
  if (missing.length) throw fail.conflict(`Submit ${missing.join(', ')} first`, { missing });
  if (!(await store.insertStageReport(tx, { incident_id: id, stage, form: JSON.stringify(form), submitted_by: actor.userId }))) throw fail.conflict(`The ${stage} report was already submitted`);
  if (stage === 'early_warning' && !row.reported_at) await incidents.update(tx, id, row.version, { reported_at: new Date() });
  await journal(tx, auditActor(actor), { action: 'incident.stage_report', incident: row, details: { stage } });
  return { stage, submittedAt: new Date().toISOString() };
}

/** Issues a directive to operators; each target sees it on the incident and is notified. */
export async function issueDirective(tx: Executor, actor: Actor, id: string, input: { title: string; action: string; dueAt: string; organisations: string[] }) {
  const row = await readRow(tx, readerOf(actor), id);
  assertMayDirect(actor, { organisationId: row.organisation_id, reported: row.reported_at !== null, affected: row.affected });
  const directiveId = newId();
  const targets = [...new Set(input.organisations)];
  await store.insertDirective(tx, { id: directiveId, incident_id: id, title: input.title, action: input.action, due_at: new Date(input.dueAt), issued_by: actor.userId }, targets);
  await journal(tx, auditActor(actor), { action: 'incident.directive', incident: row, details: { directiveId, title: input.title, organisations: targets }, alsoNotify: targets });
  return { id: directiveId };
}

/** A target organisation acknowledges, or reports completion of, a directive. */
export async function answerDirective(tx: Executor, actor: Actor, directiveId: string, organisationId: string, answer: { kind: 'acknowledge' | 'complete'; note?: string }) {
  assertMayAnswer(actor, organisationId);
  const directive = await store.directive(tx, directiveId);
  if (!directive) throw fail.notFound('Directive');
  const now = new Date();
  const change = answer.kind === 'acknowledge' ? { acknowledged_at: now } : { acknowledged_at: now, completed_at: now, completion_note: answer.note ?? null };
  const target = await store.answerDirective(tx, directiveId, organisationId, change);
  if (!target) throw fail.notFound('Directive');
  await audit.record(tx, { actor: auditActor(actor), action: `incident.directive.${answer.kind}`, organisationId, targetType: 'incident_directive', targetId: directiveId, details: { incidentId: directive.incident_id } });
  return { directiveId, organisationId, acknowledgedAt: target.acknowledged_at, completedAt: target.completed_at };
}

/** Directives addressed to the actor's organisations (the directive, not the incident's content). */
export async function myDirectives(db: Executor, actor: Actor) {
  const rows = await store.directivesFor(db, visibleScope(actor));
  return rows.map((r) => ({
    id: r.id, incidentId: r.incident_id, title: r.title, action: r.action, dueAt: r.due_at, organisationId: r.organisation_id,
    acknowledgedAt: r.acknowledged_at, completedAt: r.completed_at, escalatedAt: r.escalated_at,
  }));
}

/**
 * Records new SLA breaches and escalates unacknowledged directives, once each, journalled and
 * notified. Idempotent: run it as often as wanted (the server runs it every minute).
 */
export async function sweep(db: Db, now = new Date()): Promise<{ breaches: number; escalations: number }> {
  let breaches = 0;
  let escalations = 0;
  for (const incident of await incidents.openIncidents(db)) {
    for (const measure of breached(incident, now)) {
      await db.transaction().execute(async (tx) => {
        if (!(await store.recordBreach(tx, incident.id, measure))) return;
        breaches += 1;
        await journal(tx, audit.systemActor, { action: 'incident.sla_breach', incident, details: { measure } });
      });
    }
  }
  for (const t of await store.unacknowledgedSince(db, new Date(now.getTime() - escalateAfterMs))) {
    await db.transaction().execute(async (tx) => {
      await store.markEscalated(tx, t.directive_id, t.organisation_id);
      escalations += 1;
      await journal(tx, audit.systemActor, { action: 'incident.directive.escalate', incident: { id: t.incident_id, organisation_id: t.owner, status: t.status, severity: t.severity }, details: { directiveId: t.directive_id, organisationId: t.organisation_id, title: t.title }, alsoNotify: [t.organisation_id] });
    });
  }
  return { breaches, escalations };
}
