/**
 * Subscriptions to remote TAXII collections: managers of an organisation subscribe a collection
 * they may write; the worker polls each on its interval and imports with the same rules as any
 * import, as the user who subscribed (so their rights still apply). Every run is recorded with
 * its counts or its error, and the subscription shows the last status.
 */
import type { Db, Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { newId } from '../../lib/crypto.ts';
import type { Logger } from '../../lib/logger.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor, loadActor } from '../identity/actor.ts';
import { assertRoleIn, hasRoleIn, scopeForRoles, type Actor } from '../identity/identity.policy.ts';
import * as collections from './collections.service.ts';
import { authorRoles, managerRoles } from './sharing.policy.ts';
import type { SubscriptionBody } from './sharing.schema.ts';
import * as store from './subscriptions.store.ts';
import { pullObjects } from './taxii.client.ts';

/**
 * Whether the subscription's imports raise early warnings: they run as the subscriber, and only
 * imports by those who may write advisories warn others (indicator-warnings.service.ts), so a
 * subscription made by an administrator imports silently. Managers see it on the subscription.
 */
function raisesWarnings(owner: Actor | undefined, s: store.SubscriptionRow): boolean {
  return owner !== undefined && hasRoleIn(owner, authorRoles, s.organisation_id);
}

/** The subscriptions as the API shows them; each subscriber is loaded once, however many they made. */
async function present(db: Executor, rows: store.SubscriptionRow[]) {
  const owners = new Map<string, Promise<Actor | undefined>>();
  const ownerOf = (s: store.SubscriptionRow) => owners.get(s.created_by) ?? owners.set(s.created_by, loadActor(db, s.created_by, 'session', {})).get(s.created_by)!;
  return Promise.all(rows.map(async (s) => presentOne(s, raisesWarnings(await ownerOf(s), s))));
}

function presentOne(s: store.SubscriptionRow, warns: boolean) {
  return {
    raisesWarnings: warns,
    id: s.id, organisationId: s.organisation_id, name: s.name, apiRoot: s.api_root, remoteCollection: s.remote_collection, collectionId: s.collection_id,
    intervalSeconds: s.interval_seconds, toDetection: s.to_detection, enabled: s.enabled, addedAfter: s.added_after, nextRunAt: new Date(s.next_run_at).toISOString(),
    lastRunAt: s.last_run_at ? new Date(s.last_run_at).toISOString() : null, lastStatus: s.last_status, lastError: s.last_error, objectsImported: Number(s.objects_imported),
  };
}

function presentRun(r: store.RunRow) {
  return { id: r.id, startedAt: new Date(r.started_at).toISOString(), finishedAt: new Date(r.finished_at).toISOString(), status: r.status, created: r.created, versions: r.versions, skipped: r.skipped, rejected: r.rejected, error: r.error };
}

export async function list(db: Executor, actor: Actor) {
  return present(db, await store.list(db, scopeForRoles(actor, managerRoles)));
}

export async function get(db: Executor, actor: Actor, id: string) {
  const row = await store.get(db, scopeForRoles(actor, managerRoles), id);
  if (!row) throw fail.notFound('Subscription');
  return { ...(await present(db, [row]))[0], runs: (await store.runs(db, id)).map(presentRun) };
}

export async function create(tx: Executor, actor: Actor, input: SubscriptionBody) {
  assertRoleIn(actor, managerRoles, input.organisationId);
  const { rights } = await collections.open(tx, actor, input.collectionId);
  if (!rights.write) throw fail.forbidden('You may not add objects to that collection');
  const id = newId();
  await store.insert(tx, {
    id, organisation_id: input.organisationId, created_by: actor.userId, name: input.name, api_root: input.apiRoot, remote_collection: input.remoteCollection,
    token: input.token, collection_id: input.collectionId, interval_seconds: input.intervalSeconds ?? 300, to_detection: input.toDetection ?? false, enabled: true,
    added_after: null, next_run_at: new Date(), last_status: 'never', objects_imported: 0,
  });
  await audit.record(tx, { actor: auditActor(actor), action: 'sharing.subscription.create', organisationId: input.organisationId, targetType: 'sharing_subscription', targetId: id, after: { name: input.name, apiRoot: input.apiRoot, remoteCollection: input.remoteCollection } });
  return get(tx, actor, id);
}

export async function change(tx: Executor, actor: Actor, id: string, patch: { enabled?: boolean; intervalSeconds?: number }) {
  const before = await get(tx, actor, id);
  await store.update(tx, id, { enabled: patch.enabled ?? before.enabled, interval_seconds: patch.intervalSeconds ?? before.intervalSeconds });
  await audit.record(tx, { actor: auditActor(actor), action: 'sharing.subscription.update', organisationId: before.organisationId, targetType: 'sharing_subscription', targetId: id, after: patch });
  return get(tx, actor, id);
}

export async function remove(tx: Executor, actor: Actor, id: string): Promise<void> {
  const before = await get(tx, actor, id);
  await store.remove(tx, id);
  await audit.record(tx, { actor: auditActor(actor), action: 'sharing.subscription.delete', organisationId: before.organisationId, targetType: 'sharing_subscription', targetId: id });
}

/** Polls one subscription now and records the run; errors are recorded, not thrown. */
export async function run(db: Db, subscription: store.SubscriptionRow, fetchImpl: typeof fetch = fetch) {
  const started = new Date();
  const counts = { created: 0, versions: 0, skipped: 0, rejected: 0 };
  let error: string | null = null;
  let addedAfter = subscription.added_after;
  try {
    const owner = await loadActor(db, subscription.created_by, 'session', {});
    if (!owner) throw new Error('the subscribing user is disabled or gone');
    const pulled = await pullObjects({ apiRoot: subscription.api_root, collection: subscription.remote_collection, token: subscription.token }, subscription.added_after, fetchImpl);
    const report = await db.transaction().execute((tx) => collections.importInto(tx, owner, subscription.collection_id, pulled.objects, { source: `taxii:${subscription.id}`, detection: subscription.to_detection }));
    Object.assign(counts, { created: report.counts.created, versions: report.counts.new_version, skipped: report.counts.skipped, rejected: report.counts.rejected });
    addedAfter = pulled.lastAdded;
  } catch (e) {
    error = (e as Error).message.slice(0, 1000);
  }
  const finished = new Date();
  await db.transaction().execute(async (tx) => {
    await store.insertRun(tx, { id: newId(), subscription_id: subscription.id, started_at: started, finished_at: finished, status: error ? 'error' : 'ok', ...counts, error });
    await store.update(tx, subscription.id, {
      added_after: addedAfter, last_run_at: finished, last_status: error ? 'error' : 'ok', last_error: error,
      objects_imported: Number(subscription.objects_imported) + counts.created + counts.versions, next_run_at: new Date(finished.getTime() + subscription.interval_seconds * 1000),
    });
  });
  return { ...counts, error };
}

/** Runs a subscription the actor manages right away. */
export async function syncNow(db: Db, actor: Actor, id: string) {
  await get(db, actor, id);
  const row = (await store.get(db, scopeForRoles(actor, managerRoles), id))!;
  return run(db, row);
}

/** The worker's step: runs every due subscription once. */
export async function runDue(db: Db, logger: Logger, now = new Date()): Promise<number> {
  let ran = 0;
  for (;;) {
    const due = await db.transaction().execute(async (tx) => {
      const row = await store.claimDue(tx, now);
      // Pushed forward while it runs, so a second worker does not take it too.
      if (row) await store.update(tx, row.id, { next_run_at: new Date(Date.now() + row.interval_seconds * 1000) });
      return row;
    });
    if (!due) return ran;
    const outcome = await run(db, due);
    if (outcome.error) logger.warn({ module: 'sharing', subscription: due.id, error: outcome.error }, 'TAXII subscription failed');
    ran += 1;
  }
}
