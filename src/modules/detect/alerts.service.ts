/** The alert queue: listing with filters, the live count, acknowledging in bulk, and context. */
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor } from '../identity/actor.ts';
import type { Actor } from '../identity/identity.policy.ts';
import { readScope, triageScope } from './detect.policy.ts';
import type { AlertQuery } from './detect.schema.ts';
import * as store from './detect.store.ts';

type AlertRow = Awaited<ReturnType<typeof store.listAlerts>>[number];

/** The API shape of an alert. */
export function present(a: AlertRow) {
  return {
    id: a.id, organisationId: a.organisation_id, ruleKind: a.rule_kind, ruleId: a.rule_id, ruleTitle: a.rule_title, severity: a.severity,
    techniques: a.techniques, host: a.host, firstSeen: a.first_seen, lastSeen: a.last_seen, count: a.count, status: a.status,
    acknowledgedBy: a.acknowledged_by, acknowledgedAt: a.acknowledged_at, sampleEventId: a.sample_event_id, sampleEvent: a.sample_event,
  };
}

export async function list(db: Executor, actor: Actor, q: AlertQuery) {
  const limit = q.limit ?? 100;
  const rows = await store.listAlerts(db, readScope(actor), { ...q, limit });
  const last = rows[rows.length - 1];
  return { items: rows.map(present), next: rows.length === limit && last ? `${new Date(last.last_seen).toISOString()}|${last.id}` : null };
}

export async function get(db: Executor, actor: Actor, id: string) {
  const row = await store.getAlert(db, readScope(actor), id);
  if (!row) throw fail.notFound('Alert');
  return present(row);
}

export async function count(db: Executor, actor: Actor) {
  const bySeverity = await store.countOpen(db, readScope(actor));
  return { open: Object.values(bySeverity).reduce((a, b) => a + b, 0), bySeverity };
}

/** Acknowledges what the actor may triage; ids outside that reach are reported as not changed. */
export async function acknowledge(tx: Executor, actor: Actor, ids: string[]) {
  const changed = await store.acknowledge(tx, triageScope(actor), [...new Set(ids)], actor.userId);
  for (const a of changed) {
    await audit.record(tx, { actor: auditActor(actor), action: 'detect.alert.acknowledge', organisationId: a.organisation_id, targetType: 'detect_alert', targetId: a.id });
  }
  return { acknowledged: changed.map((a) => a.id) };
}

export async function events(db: Executor, actor: Actor, alertId: string) {
  await get(db, actor, alertId);
  return store.listEvents(db, readScope(actor), { alertId, limit: 100 });
}
