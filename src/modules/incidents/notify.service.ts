/**
 * Notifications on incident events: in-app (per organisation) and signed webhooks. Webhook
 * deliveries are queued in the change's transaction and sent after commit by `deliver`, with
 * the body's HMAC-SHA256 under the webhook's secret in `x-qalxan-signature`.
 */
import crypto from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { newId } from '../../lib/crypto.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor } from '../identity/actor.ts';
import { assertRoleIn, visibleScope, type Actor } from '../identity/identity.policy.ts';
import * as store from './notify.store.ts';

/** Attempts before a delivery is left as failed (dead letter, kept with its last error). */
export const maxAttempts = 5;

export function signature(secret: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;
}

export async function notifications(db: Executor, actor: Actor) {
  return (await store.notifications(db, visibleScope(actor), 100)).map((n) => ({ id: n.id, organisationId: n.organisation_id, incidentId: n.incident_id, kind: n.kind, details: n.details, createdAt: n.created_at }));
}

export async function webhooks(db: Executor, actor: Actor) {
  return (await store.webhooks(db, visibleScope(actor))).map((w) => ({ id: w.id, organisationId: w.organisation_id, url: w.url, createdAt: w.created_at }));
}

/** Registers a webhook for an organisation (its admins); the secret is shown once. */
export async function addWebhook(tx: Executor, actor: Actor, input: { organisationId: string; url: string }) {
  assertRoleIn(actor, ['admin'], input.organisationId);
  if (!/^https?:\/\//.test(input.url)) throw fail.validation('A webhook URL is http or https');
  const row = { id: newId(), organisation_id: input.organisationId, url: input.url, secret: crypto.randomBytes(32).toString('hex') };
  await store.insertWebhook(tx, row);
  await audit.record(tx, { actor: auditActor(actor), action: 'incident.webhook.add', organisationId: input.organisationId, targetType: 'incident_webhook', targetId: row.id, details: { url: input.url } });
  return { id: row.id, organisationId: row.organisation_id, url: row.url, secret: row.secret };
}

export async function removeWebhook(tx: Executor, actor: Actor, id: string): Promise<void> {
  const removed = await store.deleteWebhook(tx, visibleScope(actor), id);
  if (!removed) throw fail.notFound('Webhook');
  assertRoleIn(actor, ['admin'], removed.organisation_id);
  await audit.record(tx, { actor: auditActor(actor), action: 'incident.webhook.remove', organisationId: removed.organisation_id, targetType: 'incident_webhook', targetId: id });
}

/** Sends queued deliveries once each; a failure is counted and retried on the next call. */
export async function deliver(db: Executor, send: typeof fetch = fetch): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  for (const d of await store.pending(db, maxAttempts, 100)) {
    let error: string | null = null;
    try {
      const response = await send(d.url, {
        method: 'POST', body: d.body, signal: AbortSignal.timeout(10_000),
        headers: { 'content-type': 'application/json', 'x-qalxan-event': d.event, 'x-qalxan-delivery': String(d.id), 'x-qalxan-signature': signature(d.secret, d.body) },
      });
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (e) {
      error = (e as Error).message;
    }
    await store.markDelivery(db, d.id, d.attempts + 1, error);
    if (error) failed += 1;
    else delivered += 1;
  }
  return { delivered, failed };
}
