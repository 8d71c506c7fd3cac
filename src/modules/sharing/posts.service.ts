/**
 * TAXII POST of envelopes and their status resources (TAXII 2.1 §5.5 and §4.3). An envelope of
 * up to `inlineObjects` objects is imported in the request and its status is complete at once,
 * so small posts stay fast; a larger one is answered with a "pending" status and imported by
 * the sharing worker, so the client is not held while many objects are judged. Either way every
 * object ends as a success (created, new version, already stored) or a failure with its reason.
 */
import type { Db, Executor } from '../../db/database.ts';
import { AppError, fail } from '../../lib/errors.ts';
import { newId } from '../../lib/crypto.ts';
import type { Logger } from '../../lib/logger.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor } from '../identity/actor.ts';
import { actorNow } from '../identity/tokens.service.ts';
import type { Actor } from '../identity/identity.policy.ts';
import * as collections from './collections.service.ts';
import type { ReportLine } from './import.service.ts';
import { ownOrganisations } from './sharing.policy.ts';
import type { StatusDetail } from './sharing.tables.ts';
import * as statuses from './status.store.ts';
import { versionText } from './versions.ts';

/** Envelopes up to this many objects are imported in the request. */
export const inlineObjects = 100;
/** Attempts at a pending envelope before its objects are reported as failed. */
const maxAttempts = 5;

function envelopeObjects(envelope: unknown): unknown[] {
  const items = envelope && typeof envelope === 'object' ? (envelope as { objects?: unknown }).objects : undefined;
  if (!Array.isArray(items)) throw fail.validation('The body must be an envelope with an "objects" array');
  return items;
}

/** How the client named an object: its id and version as sent (empty when absent). */
function named(raw: unknown): StatusDetail {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return { id: text(o.id), version: text(o.modified ?? o.created) };
}

function completed(items: readonly unknown[], lines: readonly ReportLine[]) {
  const successes = lines.filter((l) => l.outcome !== 'rejected').map((l) => ({ id: l.id!, version: versionText(l.version!), message: l.reason ?? l.outcome }));
  const failures = lines.filter((l) => l.outcome === 'rejected').map((l) => ({ ...named(items[l.index]), message: l.reason! }));
  return allDone(successes, failures);
}

function allDone(successes: StatusDetail[], failures: StatusDetail[]) {
  return {
    status: 'complete' as const, success_count: successes.length, successes: JSON.stringify(successes), failure_count: failures.length, failures: JSON.stringify(failures),
    pending_count: 0, pendings: '[]',
  };
}

const allFailed = (items: readonly unknown[], message: string) => allDone([], items.map((i) => ({ ...named(i), message })));

/** POST …/objects/: imports now, or records a pending status and its job; returns the status resource. */
export async function addObjects(tx: Executor, actor: Actor, collectionId: string, envelope: unknown) {
  const items = envelopeObjects(envelope);
  const id = newId();
  const base = { id, collection_id: collectionId, organisation_id: ownOrganisations(actor)[0], user_id: actor.userId, total_count: items.length };
  if (items.length <= inlineObjects) {
    const report = await collections.importInto(tx, actor, collectionId, items, { source: 'taxii' });
    await statuses.insert(tx, { ...base, ...completed(items, report.lines) });
  } else {
    // Refused now rather than in the status: the client learns at once that it may not write here.
    if (!(await collections.open(tx, actor, collectionId)).rights.write) throw fail.forbidden('You may not add objects to this collection');
    await statuses.insert(tx, { ...base, status: 'pending', success_count: 0, successes: '[]', failure_count: 0, failures: '[]', pending_count: items.length, pendings: JSON.stringify(items.map(named)) });
    await statuses.insertJob(tx, { status_id: id, actor: JSON.stringify(actor), objects: JSON.stringify(items) });
    await audit.record(tx, { actor: auditActor(actor), action: 'sharing.taxii.post', organisationId: base.organisation_id, targetType: 'sharing_collection', targetId: collectionId, details: { statusId: id, objects: items.length, status: 'pending' } });
  }
  return statusResource((await statuses.get(tx, id))!);
}

function statusResource(row: statuses.StatusRow) {
  return {
    id: row.id, status: row.status, request_timestamp: new Date(row.request_timestamp).toISOString(), total_count: row.total_count,
    success_count: row.success_count, successes: row.successes, failure_count: row.failure_count, failures: row.failures, pending_count: row.pending_count, pendings: row.pendings,
  };
}

/** A status resource, to the user who posted it or a member of the same organisation. */
export async function status(db: Executor, actor: Actor, statusId: string) {
  const row = await statuses.get(db, statusId);
  if (!row || (row.user_id !== actor.userId && !ownOrganisations(actor).includes(row.organisation_id))) throw fail.notFound('Status');
  return statusResource(row);
}

/**
 * Imports a job's objects as its poster stands now (the token still live, the role still held);
 * a refusal (standing or rights withdrawn meanwhile) fails every object with the reason.
 */
async function complete(tx: Executor, job: statuses.JobRow): Promise<void> {
  const row = (await statuses.get(tx, job.status_id))!;
  try {
    const poster = await actorNow(tx, job.actor);
    if (!poster) throw fail.forbidden('The token or account that posted these objects is no longer valid');
    const report = await collections.importInto(tx, poster, row.collection_id, job.objects, { source: 'taxii' });
    await statuses.update(tx, row.id, completed(job.objects, report.lines));
  } catch (error) {
    if (!(error instanceof AppError && error.userCaused)) throw error;
    await statuses.update(tx, row.id, allFailed(job.objects, error.message));
  }
  await statuses.removeJob(tx, row.id);
}

/** A failed attempt is retried later; after `maxAttempts` the objects are reported as failed, not left pending. */
async function retryLater(db: Db, statusId: string, error: Error, logger: Logger): Promise<void> {
  logger.warn({ module: 'sharing', status: statusId, err: error }, 'pending TAXII envelope failed');
  if ((await statuses.failedAttempt(db, statusId, error.message.slice(0, 1000))) < maxAttempts) return;
  await db.transaction().execute(async (tx) => {
    const job = await statuses.getJob(tx, statusId);
    if (job) await statuses.update(tx, statusId, allFailed(job.objects, `not processed: ${error.message.slice(0, 500)}`));
    await statuses.removeJob(tx, statusId);
  });
}

/** The worker's step: imports every pending envelope that is due, oldest first. */
export async function runPending(db: Db, logger: Logger, now = new Date()): Promise<number> {
  let done = 0;
  for (;;) {
    let claimed: string | undefined;
    try {
      const found = await db.transaction().execute(async (tx) => {
        const job = await statuses.claimJob(tx, now);
        claimed = job?.status_id;
        if (job) await complete(tx, job);
        return job !== undefined;
      });
      if (!found) return done;
    } catch (error) {
      if (!claimed) throw error;
      await retryLater(db, claimed, error as Error, logger);
    }
    done += 1;
  }
}
