/**
 * The incident page: the detail view (observables with correlations, tasks, timeline,
 * attachments, alerts, SLA and reporting clocks, directives) and the work on it (tasks, attachments).
 */
import type { IncidentsConfig } from '../../config.ts';
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { newId, sha256Hex } from '../../lib/crypto.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor } from '../identity/actor.ts';
import type { Actor } from '../identity/identity.policy.ts';
import { reportingClocks, slaClocks } from './clocks.ts';
import * as duties from './duties.store.ts';
import { forChange, readRow } from './incidents.service.ts';
import { readerOf } from './incidents.policy.ts';
import type { ReportStage } from './incidents.tables.ts';
import { presentIncident } from './incidents.view.ts';
import { journal } from './journal.ts';
import { amberStrict, tlpLabel } from './markings.ts';
import { allowedMoves } from './lifecycle.ts';
import { alertCorrelations, observablesWithCorrelations } from './observables.service.ts';
import * as work from './work.store.ts';

/** Largest attachment accepted (bytes, before base64). */
export const attachmentLimit = 10 * 1_048_576;

/**
 * Everything the incident page shows, as far as the viewer may see it. Reading an AMBER+STRICT
 * or RED incident is itself audited, so pass a transaction.
 */
export async function detail(db: Executor, actor: Actor, id: string, config: IncidentsConfig, now = new Date()) {
  const reader = readerOf(actor);
  const row = await readRow(db, reader, id);
  if (row.tlp >= amberStrict) await audit.record(db, { actor: auditActor(actor), action: 'incident.read', organisationId: row.organisation_id, targetType: 'incident', targetId: id, details: { tlp: tlpLabel(row.tlp) } });
  const [observables, tasks, timeline, attachments, alertIds, stageRows, directives, breaches] = await Promise.all([
    observablesWithCorrelations(db, reader, id), work.tasks(db, id), work.timeline(db, id), work.attachments(db, id),
    work.linkedAlerts(db, id), duties.stageReports(db, id), duties.directives(db, id), duties.breaches(db, id),
  ]);
  const submitted = Object.fromEntries(stageRows.map((r) => [r.stage, r.submitted_at])) as Partial<Record<ReportStage, Date>>;
  return {
    ...presentIncident(row),
    allowedMoves: allowedMoves(row.status),
    observables,
    alertCorrelations: await alertCorrelations(db, actor, observables),
    alerts: alertIds,
    tasks: tasks.map((t) => ({ id: t.id, title: t.title, ownerUserId: t.owner_user_id, dueAt: t.due_at, doneAt: t.done_at, overdue: !t.done_at && !!t.due_at && new Date(t.due_at) < now })),
    timeline: timeline.map((e) => ({ at: e.at, actor: e.actor_label, action: e.action, details: e.details })),
    attachments: attachments.map((a) => ({ id: a.id, name: a.file_name, mediaType: a.media_type, size: a.size_bytes, sha256: a.sha256, createdAt: a.created_at })),
    sla: { clocks: slaClocks(row, now), breaches: breaches.map((b) => ({ measure: b.measure, at: b.breached_at })) },
    reporting: { clocks: reportingClocks(row.detected_at, submitted, config, now), forms: stageRows.map((r) => ({ stage: r.stage, form: r.form, submittedAt: r.submitted_at })) },
    directives: directives.map((d) => ({
      id: d.id, title: d.title, action: d.action, dueAt: d.due_at, issuedAt: d.issued_at, organisationId: d.organisation_id,
      acknowledgedAt: d.acknowledged_at, completedAt: d.completed_at, completionNote: d.completion_note, escalatedAt: d.escalated_at,
    })),
  };
}

export async function addTask(tx: Executor, actor: Actor, id: string, input: { title: string; ownerUserId?: string | null; dueAt?: string | null }) {
  const row = await forChange(tx, actor, id);
  const taskId = newId();
  await work.insertTask(tx, { id: taskId, incident_id: id, title: input.title, owner_user_id: input.ownerUserId ?? null, due_at: input.dueAt ? new Date(input.dueAt) : null, done_at: null });
  await journal(tx, auditActor(actor), { action: 'incident.task.add', incident: row, details: { taskId, title: input.title } });
  return { id: taskId };
}

export async function updateTask(tx: Executor, actor: Actor, id: string, taskId: string, input: { title?: string; ownerUserId?: string | null; dueAt?: string | null; done?: boolean }) {
  const row = await forChange(tx, actor, id);
  const task = await work.updateTask(tx, id, taskId, {
    title: input.title, owner_user_id: input.ownerUserId, due_at: input.dueAt === undefined ? undefined : input.dueAt ? new Date(input.dueAt) : null,
    done_at: input.done === undefined ? undefined : input.done ? new Date() : null,
  });
  if (!task) throw fail.notFound('Task');
  await journal(tx, auditActor(actor), { action: 'incident.task.update', incident: row, details: { taskId, done: task.done_at !== null } });
  return { id: task.id, title: task.title, doneAt: task.done_at };
}

export async function addAttachment(tx: Executor, actor: Actor, id: string, input: { name: string; mediaType: string; contentBase64: string }) {
  const row = await forChange(tx, actor, id);
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0) throw fail.validation('The attachment is empty');
  if (content.length > attachmentLimit) throw fail.validation(`An attachment is at most ${attachmentLimit} bytes`);
  const attachment = { id: newId(), incident_id: id, file_name: input.name, media_type: input.mediaType, size_bytes: content.length, sha256: sha256Hex(content), content };
  await work.insertAttachment(tx, attachment);
  await journal(tx, auditActor(actor), { action: 'incident.attachment.add', incident: row, details: { attachmentId: attachment.id, name: input.name, sha256: attachment.sha256 } });
  return { id: attachment.id, name: attachment.file_name, size: attachment.size_bytes, sha256: attachment.sha256 };
}

/** An attachment's bytes for a viewer who may read the incident. */
export async function attachmentContent(db: Executor, actor: Actor, id: string, attachmentId: string) {
  await readRow(db, readerOf(actor), id);
  const found = await work.attachment(db, id, attachmentId);
  if (!found) throw fail.notFound('Attachment');
  return found;
}
