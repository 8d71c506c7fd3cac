/**
 * TAXII 2.1 resources for one caller: collections it may see, and pages of objects, manifests
 * and versions filtered by its entitlement (the TLP rule is in the query itself). Envelopes are
 * assembled as text from the stored JSON, so serving a page costs no parse or re-serialise.
 */
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { newId } from '../../lib/crypto.ts';
import type { Actor } from '../identity/identity.policy.ts';
import * as collections from './collections.service.ts';
import * as objects from './objects.store.ts';
import { ownOrganisations } from './sharing.policy.ts';
import * as statuses from './status.store.ts';
import { stixType } from './taxii.http.ts';
import { nextToken, type Filters } from './taxii.query.ts';
import { versionText } from './versions.ts';

export interface Page {
  /** The JSON text of the body. */
  body: string;
  first?: string;
  last?: string;
}

function collectionResource(c: collections.CollectionView) {
  return { id: c.id, title: c.title, description: c.description || undefined, can_read: c.canRead, can_write: c.canWrite, media_types: [stixType] };
}

export async function listCollections(db: Executor, actor: Actor) {
  const items = (await collections.list(db, actor)).filter((c) => c.canRead || c.canWrite);
  return items.length ? { collections: items.map(collectionResource) } : {};
}

export async function collection(db: Executor, actor: Actor, id: string) {
  const found = await collections.get(db, actor, id);
  if (!found.canRead && !found.canWrite) throw fail.notFound('Collection');
  return collectionResource(found);
}

async function readable(db: Executor, actor: Actor, id: string) {
  const { rights } = await collections.open(db, actor, id);
  if (!rights.read) throw fail.forbidden('You may not read this collection');
  return rights;
}

async function query(db: Executor, actor: Actor, id: string, filters: Filters, withObjects: boolean) {
  const rights = await readable(db, actor, id);
  const rows = await objects.page(db, { ...filters, collectionId: id, entitlement: rights.entitlement }, withObjects);
  const more = rows.length > filters.limit;
  const shown = more ? rows.slice(0, filters.limit) : rows;
  return { rows: shown, more, next: more ? nextToken(shown[shown.length - 1].seq) : undefined, first: shown[0]?.added, last: shown.at(-1)?.added };
}

function paging(more: boolean, next: string | undefined): string {
  return `"more":${more}${next ? `,"next":"${next}"` : ''}`;
}

/** GET …/objects/ and …/objects/{id}/: an envelope. */
export async function objectsPage(db: Executor, actor: Actor, id: string, filters: Filters, objectId?: string): Promise<Page> {
  const page = await query(db, actor, id, objectId ? { ...filters, ids: [objectId] } : filters, true);
  if (objectId && page.rows.length === 0 && filters.afterSeq === undefined) throw fail.notFound('Object');
  const body = page.rows.length ? `{${paging(page.more, page.next)},"objects":[${page.rows.map((r) => r.object_json).join(',')}]}` : `{${paging(false, undefined)}}`;
  return { body, first: page.first, last: page.last };
}

/** GET …/manifest/ */
export async function manifest(db: Executor, actor: Actor, id: string, filters: Filters): Promise<Page> {
  const page = await query(db, actor, id, filters, false);
  const items = page.rows.map((r) => ({ id: r.stix_id, date_added: r.added, version: versionText(r.version), media_type: stixType }));
  return { body: JSON.stringify(items.length ? { more: page.more, ...(page.next ? { next: page.next } : {}), objects: items } : { more: false }), first: page.first, last: page.last };
}

/** GET …/objects/{id}/versions/ */
export async function versions(db: Executor, actor: Actor, id: string, objectId: string, filters: Filters): Promise<Page> {
  const page = await query(db, actor, id, { ...filters, ids: [objectId], versions: { kind: 'all' } }, false);
  if (page.rows.length === 0 && filters.afterSeq === undefined) throw fail.notFound('Object');
  return { body: JSON.stringify({ more: page.more, ...(page.next ? { next: page.next } : {}), versions: page.rows.map((r) => versionText(r.version)) }), first: page.first, last: page.last };
}

/** POST …/objects/: imports the envelope's objects and records a status resource. */
export async function addObjects(tx: Executor, actor: Actor, id: string, envelope: unknown) {
  const items = envelope && typeof envelope === 'object' && Array.isArray((envelope as { objects?: unknown }).objects) ? (envelope as { objects: unknown[] }).objects : undefined;
  if (!items) throw fail.validation('The body must be an envelope with an "objects" array');
  const report = await collections.importInto(tx, actor, id, items, { source: 'taxii' });
  const successes = report.lines.filter((l) => l.outcome !== 'rejected').map((l) => ({ id: l.id!, version: versionText(l.version!), message: l.reason ?? l.outcome }));
  const failures = report.lines.filter((l) => l.outcome === 'rejected').map((l) => ({ id: l.id ?? '', version: l.version ? versionText(l.version) : '', message: l.reason! }));
  const row = { id: newId(), collection_id: id, organisation_id: ownOrganisations(actor)[0], user_id: actor.userId, total_count: items.length, success_count: successes.length, failure_count: failures.length, successes: JSON.stringify(successes), failures: JSON.stringify(failures) };
  await statuses.insert(tx, row);
  return statusResource((await statuses.get(tx, row.id))!);
}

function statusResource(row: statuses.StatusRow) {
  return {
    id: row.id, status: 'complete', request_timestamp: new Date(row.request_timestamp).toISOString(), total_count: row.total_count,
    success_count: row.success_count, successes: row.successes, failure_count: row.failure_count, failures: row.failures, pending_count: 0, pendings: [],
  };
}

/** A status resource, to the user who posted it or a member of the same organisation. */
export async function status(db: Executor, actor: Actor, statusId: string) {
  const row = await statuses.get(db, statusId);
  if (!row || (row.user_id !== actor.userId && !ownOrganisations(actor).includes(row.organisation_id))) throw fail.notFound('Status');
  return statusResource(row);
}
