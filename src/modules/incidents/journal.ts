/**
 * One call per change to an incident, inside the change's transaction: the audit entry, the
 * timeline line, the in-app notification of the organisations concerned and the webhook outbox.
 */
import type { Executor } from '../../db/database.ts';
import * as audit from '../audit/audit.service.ts';
import type { AuditActor } from '../audit/audit.service.ts';
import * as notify from './notify.store.ts';
import * as work from './work.store.ts';

/** Changes that notify (in-app and webhooks); the rest only reach the timeline and the audit trail. */
const notifying = new Set(['incident.create', 'incident.status', 'incident.classify', 'incident.sla_breach', 'incident.directive', 'incident.directive.escalate', 'incident.stage_report']);

export interface Change {
  action: string;
  incident: { id: string; organisation_id: string; status?: string; severity?: string };
  details?: Record<string, unknown>;
  before?: unknown;
  after?: unknown;
  /** Organisations to notify besides the owner (directive targets). */
  alsoNotify?: readonly string[];
}

export async function journal(tx: Executor, actor: AuditActor, change: Change): Promise<void> {
  const { incident, action, details = {} } = change;
  await audit.record(tx, { actor, action, organisationId: incident.organisation_id, targetType: 'incident', targetId: incident.id, before: change.before, after: change.after, details });
  await work.addTimeline(tx, { incident_id: incident.id, actor_label: actor.label, action, details: JSON.stringify(details) });
  if (!notifying.has(action)) return;
  const organisations = [...new Set([incident.organisation_id, ...(change.alsoNotify ?? [])])];
  await notify.insertNotifications(tx, organisations.map((organisation_id) => ({ organisation_id, incident_id: incident.id, kind: action, details: JSON.stringify(details) })));
  const body = JSON.stringify({ event: action, incidentId: incident.id, organisationId: incident.organisation_id, status: incident.status, severity: incident.severity, details, at: new Date().toISOString() });
  await notify.enqueue(tx, organisations, action, body);
}
