/** The only code that touches subscriptions to remote TAXII collections and their sync runs. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { scopeCondition, type OrgScope } from '../../lib/scope.ts';
import type { SharingSubscriptionTable, SharingSyncRunTable } from './sharing.tables.ts';

export type SubscriptionRow = Selectable<SharingSubscriptionTable>;
export type RunRow = Selectable<SharingSyncRunTable>;

export async function insert(tx: Executor, row: Insertable<SharingSubscriptionTable>): Promise<void> {
  await tx.insertInto('sharing_subscriptions').values(row).execute();
}

export async function list(db: Executor, scope: OrgScope): Promise<SubscriptionRow[]> {
  return db.selectFrom('sharing_subscriptions').selectAll().where(scopeCondition(scope, 'organisation_id')).orderBy('created_at').execute();
}

export async function get(db: Executor, scope: OrgScope, id: string): Promise<SubscriptionRow | undefined> {
  return db.selectFrom('sharing_subscriptions').selectAll().where('id', '=', id).where(scopeCondition(scope, 'organisation_id')).executeTakeFirst();
}

/** Takes one due subscription for this worker (others skip it while it runs). */
export async function claimDue(tx: Executor, now: Date): Promise<SubscriptionRow | undefined> {
  return tx.selectFrom('sharing_subscriptions').selectAll().where('enabled', '=', true).where('next_run_at', '<=', now)
    .orderBy('next_run_at').limit(1).forUpdate().skipLocked().executeTakeFirst();
}

export async function update(tx: Executor, id: string, change: Updateable<SharingSubscriptionTable>): Promise<void> {
  await tx.updateTable('sharing_subscriptions').set(change).where('id', '=', id).execute();
}

export async function remove(tx: Executor, id: string): Promise<void> {
  await tx.deleteFrom('sharing_subscriptions').where('id', '=', id).execute();
}

export async function insertRun(tx: Executor, row: Insertable<SharingSyncRunTable>): Promise<void> {
  await tx.insertInto('sharing_sync_runs').values(row).execute();
}

export async function runs(db: Executor, subscriptionId: string, limit = 20): Promise<RunRow[]> {
  return db.selectFrom('sharing_sync_runs').selectAll().where('subscription_id', '=', subscriptionId).orderBy('started_at', 'desc').limit(limit).execute();
}
