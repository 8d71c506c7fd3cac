/**
 * Notifications on incident events: in-app (per organisation), signed webhooks and e-mail. A
 * subscription is an http(s) URL or a mailto: address; deliveries are queued in the change's
 * transaction and sent after commit by `deliver`, with the body's HMAC-SHA256 under the
 * subscription's secret in `x-qalxan-signature` (a header of the e-mail too).
 */
import crypto from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { newId } from '../../lib/crypto.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor } from '../identity/actor.ts';
import { assertRoleIn, visibleScope, type Actor } from '../identity/identity.policy.ts';
import { checkObservable } from './observables.ts';
import * as store from './notify.store.ts';
import { sendMail, type SmtpSettings } from './smtp.ts';

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
  const mailto = input.url.startsWith('mailto:') ? checkObservable('email', input.url.slice(7)) : null;
  if (mailto ? !mailto.ok : !/^https?:\/\//.test(input.url)) throw fail.validation('A subscription is an http or https URL or a mailto: address');
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

/**
 * Queues a signed delivery of `payload` to every webhook of these organisations, in the caller's
 * transaction, for `deliver` to send with retries. Other modules (sharing's early warnings) use
 * this so there is one webhook registry, one signature and one retry policy.
 */
export async function queueWebhooks(tx: Executor, organisations: readonly string[], event: string, payload: Record<string, unknown>) {
  return store.enqueue(tx, organisations, event, JSON.stringify({ event, ...payload }));
}

/** Status of deliveries queued by `queueWebhooks`: pending, delivered or failed (attempts exhausted). */
export async function deliveryStatus(db: Executor, ids: readonly number[]) {
  return (await store.deliveries(db, ids)).map((d) => ({
    id: Number(d.id), attempts: d.attempts, deliveredAt: d.delivered_at ? new Date(d.delivered_at).toISOString() : null, lastError: d.last_error,
    status: d.delivered_at ? 'delivered' as const : d.attempts >= maxAttempts ? 'failed' as const : 'pending' as const,
  }));
}

function subjectOf(body: string): string {
  const event = JSON.parse(body) as { event: string; incidentId?: string; advisoryId?: string; stixId?: string; status?: string; severity?: string };
  return `[Qalxan] ${event.event} — ${event.incidentId ?? event.advisoryId ?? event.stixId}${event.severity ? ` (${event.severity})` : ''}`;
}

async function post(send: typeof fetch, url: string, headers: Record<string, string>, body: string): Promise<string | null> {
  const response = await send(url, { method: 'POST', body, signal: AbortSignal.timeout(10_000), headers: { 'content-type': 'application/json', ...headers } });
  return response.ok ? null : `HTTP ${response.status}`;
}

/** Sends queued deliveries once each; a failure is counted and retried on the next call. */
export async function deliver(db: Executor, smtp: SmtpSettings | null, send: typeof fetch = fetch): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  for (const d of await store.pending(db, maxAttempts, 100)) {
    let error: string | null = null;
    const headers = { 'x-qalxan-event': d.event, 'x-qalxan-delivery': String(d.id), 'x-qalxan-signature': signature(d.secret, d.body) };
    try {
      if (!d.url.startsWith('mailto:')) error = await post(send, d.url, headers, d.body);
      else if (!smtp) error = 'no SMTP relay configured (QALXAN_SMTP_URL)';
      else await sendMail(smtp, { to: d.url.slice(7), subject: subjectOf(d.body), text: JSON.stringify(JSON.parse(d.body), null, 2), headers: { 'X-Qalxan-Signature': headers['x-qalxan-signature'] } });
    } catch (e) {
      error = (e as Error).message;
    }
    await store.markDelivery(db, d.id, d.attempts + 1, error);
    if (error) failed += 1;
    else delivered += 1;
  }
  return { delivered, failed };
}
