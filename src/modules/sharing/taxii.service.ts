/**
 * TAXII 2.1 resources for one caller: collections it may see, and pages of objects, manifests
 * and versions filtered by its entitlement (the TLP rule is in the query itself). Envelopes are
 * assembled as text from the stored JSON, so serving a page costs no parse or re-serialise.
 */
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import type { Actor } from '../identity/identity.policy.ts';
import * as collections from './collections.service.ts';
import * as objects from './objects.store.ts';
import { mayManage, ownOrganisations, rightsOn } from './sharing.policy.ts';
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

/**
 * collections.service `open` and the read right, judged on the rows the page statement read
 * with the page. The statement applied its own SQL mirror of the TLP ceiling: nothing is served
 * unless it is the one the policy gives.
 */
function readable(actor: Actor, read: objects.PageRead | undefined): objects.PageRead {
  if (!read) throw fail.notFound('Collection');
  const rights = rightsOn(actor, read.collection, read.grants);
  if (!rights.read && !rights.write && !mayManage(actor, read.collection)) throw fail.notFound('Collection');
  if (!rights.read) throw fail.forbidden('You may not read this collection');
  if (read.sharedUpTo !== rights.entitlement.sharedUpTo) throw new Error(`TLP ceiling in SQL (${read.sharedUpTo}) differs from the policy's (${rights.entitlement.sharedUpTo})`);
  return read;
}

async function query(db: Executor, actor: Actor, id: string, filters: Filters, withObjects: boolean) {
  const read = readable(actor, await objects.page(db, { ...filters, collectionId: id, ownOrganisations: ownOrganisations(actor) }, withObjects));
  const more = read.found > filters.limit;
  return { read, more, next: more && read.lastSeq !== null ? nextToken(read.lastSeq) : undefined, first: read.first ?? undefined, last: read.last ?? undefined };
}

function paging(more: boolean, next: string | undefined): string {
  return `"more":${more}${next ? `,"next":"${next}"` : ''}`;
}

/** GET …/objects/ and …/objects/{id}/: an envelope. */
export async function objectsPage(db: Executor, actor: Actor, id: string, filters: Filters, objectId?: string): Promise<Page> {
  const page = await query(db, actor, id, objectId ? { ...filters, ids: [objectId] } : filters, true);
  if (objectId && page.read.found === 0 && filters.afterSeq === undefined) throw fail.notFound('Object');
  const body = page.read.objects ? `{${paging(page.more, page.next)},"objects":[${page.read.objects}]}` : `{${paging(false, undefined)}}`;
  return { body, first: page.first, last: page.last };
}

/** GET …/manifest/ */
export async function manifest(db: Executor, actor: Actor, id: string, filters: Filters): Promise<Page> {
  const page = await query(db, actor, id, filters, false);
  const items = (page.read.keys ?? []).map((r) => ({ id: r.stix_id, date_added: r.added, version: versionText(r.version), media_type: stixType }));
  return { body: JSON.stringify(items.length ? { more: page.more, ...(page.next ? { next: page.next } : {}), objects: items } : { more: false }), first: page.first, last: page.last };
}

/** GET …/objects/{id}/versions/ */
export async function versions(db: Executor, actor: Actor, id: string, objectId: string, filters: Filters): Promise<Page> {
  const page = await query(db, actor, id, { ...filters, ids: [objectId], versions: { kind: 'all' } }, false);
  if (page.read.found === 0 && filters.afterSeq === undefined) throw fail.notFound('Object');
  return { body: JSON.stringify({ more: page.more, ...(page.next ? { next: page.next } : {}), versions: (page.read.keys ?? []).map((r) => versionText(r.version)) }), first: page.first, last: page.last };
}
