/** The only code that reads or writes in-app notifications, webhooks and their delivery outbox. */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { scopeCondition, type OrgScope } from '../../lib/scope.ts';
import type { IncidentNotificationTable, IncidentWebhookDeliveryTable, IncidentWebhookTable } from './incidents.tables.ts';

export type NotificationRow = Selectable<IncidentNotificationTable>;
export type WebhookRow = Selectable<IncidentWebhookTable>;
export type DeliveryRow = Selectable<IncidentWebhookDeliveryTable>;

export async function insertNotifications(tx: Executor, rows: Insertable<IncidentNotificationTable>[]): Promise<void> {
  if (rows.length) await tx.insertInto('incident_notifications').values(rows).execute();
}

export async function notifications(db: Executor, scope: OrgScope, limit: number): Promise<NotificationRow[]> {
  return db.selectFrom('incident_notifications').selectAll().where(scopeCondition(scope, 'organisation_id')).orderBy('id', 'desc').limit(limit).execute();
}

export async function webhooks(db: Executor, scope: OrgScope): Promise<WebhookRow[]> {
  return db.selectFrom('incident_webhooks').selectAll().where(scopeCondition(scope, 'organisation_id')).orderBy('created_at').execute();
}

export async function insertWebhook(tx: Executor, row: Insertable<IncidentWebhookTable>): Promise<void> {
  await tx.insertInto('incident_webhooks').values(row).execute();
}

export async function deleteWebhook(tx: Executor, scope: OrgScope, id: string): Promise<WebhookRow | undefined> {
  return tx.deleteFrom('incident_webhooks').where('id', '=', id).where(scopeCondition(scope, 'organisation_id')).returningAll().executeTakeFirst();
}

/**
 * Queues one delivery per webhook of these organisations (in the change's transaction: an
 * outbox) and returns each queued delivery with its organisation, for callers that track status.
 */
export async function enqueue(tx: Executor, organisations: readonly string[], event: string, body: string): Promise<{ id: number; organisationId: string }[]> {
  if (organisations.length === 0) return [];
  const hooks = await tx.selectFrom('incident_webhooks').select(['id', 'organisation_id']).where('organisation_id', 'in', [...organisations]).execute();
  if (hooks.length === 0) return [];
  const owner = new Map(hooks.map((h) => [h.id, h.organisation_id]));
  const queued = await tx.insertInto('incident_webhook_deliveries').values(hooks.map((h) => ({ webhook_id: h.id, event, body }))).returning(['id', 'webhook_id']).execute();
  return queued.map((d) => ({ id: Number(d.id), organisationId: owner.get(d.webhook_id)! }));
}

/** Where these deliveries stand (attempts, delivered or last error). */
export async function deliveries(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('incident_webhook_deliveries').select(['id', 'attempts', 'delivered_at', 'last_error']).where('id', 'in', [...ids]).execute();
}

/** Undelivered deliveries with fewer than `maxAttempts` tries, oldest first, with their webhook. */
export async function pending(db: Executor, maxAttempts: number, limit: number) {
  return db.selectFrom('incident_webhook_deliveries as d').innerJoin('incident_webhooks as w', 'w.id', 'd.webhook_id')
    .select(['d.id', 'd.event', 'd.body', 'd.attempts', 'w.url', 'w.secret'])
    .where('d.delivered_at', 'is', null).where('d.attempts', '<', maxAttempts).orderBy('d.id').limit(limit).execute();
}

export async function markDelivery(db: Executor, id: number, attempts: number, error: string | null): Promise<void> {
  await db.updateTable('incident_webhook_deliveries').set({ attempts, last_error: error, delivered_at: error ? null : new Date() }).where('id', '=', id).execute();
}
