/**
 * Collections and what flows through them: creating and granting (managers of the owning
 * organisation), bundle import with its per-object report (writers), publishing an incident as
 * STIX, and bundle export (readers, entitled objects only). Each change is audited in its
 * transaction.
 */
import crypto from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { newId } from '../../lib/crypto.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor } from '../identity/actor.ts';
import type { Actor } from '../identity/identity.policy.ts';
import * as store from './collections.store.ts';
import { addDetectionIndicators, type DetectionOutcome } from './detection.link.ts';
import { importObjects, type ImportReport } from './import.service.ts';
import { warnOfIndicators, type WarningOutcome } from './indicator-warnings.service.ts';
import { incidentObjects } from './incidents.mapping.ts';
import * as objects from './objects.store.ts';
import { assertMayCreate, mayManage, ownOrganisations, rightsOn, writingOrganisation, type Rights } from './sharing.policy.ts';
import { tlpLabels, tlpMarkingObject, tlpOfObject, tlpRank, type Tlp } from './tlp.ts';
import { bundleObjects } from './stix.validate.ts';

export interface CollectionView {
  id: string;
  organisationId: string;
  title: string;
  description: string;
  canRead: boolean;
  canWrite: boolean;
  canManage: boolean;
  objects?: number;
}

function view(c: store.CollectionRow, rights: Rights, actor: Actor, count?: number): CollectionView {
  return { id: c.id, organisationId: c.organisation_id, title: c.title, description: c.description, canRead: rights.read, canWrite: rights.write, canManage: mayManage(actor, c), ...(count === undefined ? {} : { objects: count }) };
}

/** A collection with the actor's rights; 404 unless the actor may read, write or manage it. */
export async function open(db: Executor, actor: Actor, id: string): Promise<{ collection: store.CollectionRow; rights: Rights; grants: store.AccessRow[] }> {
  const collection = await store.get(db, id);
  if (!collection) throw fail.notFound('Collection');
  const grants = await store.access(db, id, ownOrganisations(actor));
  const rights = rightsOn(actor, collection, grants);
  if (!rights.read && !rights.write && !mayManage(actor, collection)) throw fail.notFound('Collection');
  return { collection, rights, grants };
}

export async function list(db: Executor, actor: Actor): Promise<CollectionView[]> {
  const own = ownOrganisations(actor);
  const rows = await store.forOrganisations(db, own);
  const counts = await objects.counts(db, rows.map((r) => r.id));
  return Promise.all(rows.map(async (c) => view(c, rightsOn(actor, c, await store.access(db, c.id, own)), actor, counts.get(c.id) ?? 0)));
}

export async function get(db: Executor, actor: Actor, id: string): Promise<CollectionView & { grants?: { organisationId: string; canRead: boolean; canWrite: boolean; maxTlp: Tlp }[] }> {
  const { collection, rights } = await open(db, actor, id);
  const base = view(collection, rights, actor, (await objects.counts(db, [id])).get(id) ?? 0);
  if (!base.canManage) return base;
  const grants = (await store.access(db, id)).map((g) => ({ organisationId: g.organisation_id, canRead: g.can_read, canWrite: g.can_write, maxTlp: tlpLabels[g.max_tlp] }));
  return { ...base, grants };
}

export async function create(tx: Executor, actor: Actor, input: { organisationId: string; title: string; description?: string }): Promise<CollectionView> {
  assertMayCreate(actor, input.organisationId);
  const row = { id: newId(), organisation_id: input.organisationId, title: input.title, description: input.description ?? '' };
  await store.insert(tx, row);
  await audit.record(tx, { actor: auditActor(actor), action: 'sharing.collection.create', organisationId: input.organisationId, targetType: 'sharing_collection', targetId: row.id, after: row });
  return (await get(tx, actor, row.id));
}

async function managed(tx: Executor, actor: Actor, id: string): Promise<store.CollectionRow> {
  const { collection } = await open(tx, actor, id);
  if (!mayManage(actor, collection)) throw fail.forbidden('Only administrators and CERT analysts of the owning organisation manage a collection');
  return collection;
}

export async function grant(tx: Executor, actor: Actor, id: string, input: { organisationId: string; canRead: boolean; canWrite: boolean; maxTlp: Tlp }) {
  const collection = await managed(tx, actor, id);
  if (input.organisationId === collection.organisation_id) throw fail.validation('The owning organisation has every right already');
  const row = { collection_id: id, organisation_id: input.organisationId, can_read: input.canRead, can_write: input.canWrite, max_tlp: tlpRank(input.maxTlp) };
  await store.upsertAccess(tx, row);
  await audit.record(tx, { actor: auditActor(actor), action: 'sharing.collection.grant', organisationId: collection.organisation_id, targetType: 'sharing_collection', targetId: id, after: row });
  return get(tx, actor, id);
}

export async function revoke(tx: Executor, actor: Actor, id: string, organisationId: string): Promise<void> {
  const collection = await managed(tx, actor, id);
  if (!(await store.removeAccess(tx, id, organisationId))) throw fail.notFound('Grant');
  await audit.record(tx, { actor: auditActor(actor), action: 'sharing.collection.revoke', organisationId: collection.organisation_id, targetType: 'sharing_collection', targetId: id, details: { organisationId } });
}

export interface ImportOptions {
  defaultTlp?: Tlp;
  /** Also turn simple indicator patterns into detection indicators. */
  detection?: boolean;
  source?: string;
}

export type ImportOutcome = ImportReport & { detection?: DetectionOutcome; warnings?: WarningOutcome };

/** Imports STIX objects into a collection the actor may write; new indicators warn matching organisations at once. */
/** Objects from which an import refreshes the planner's statistics itself. */
const LARGE_IMPORT = 10_000;

export async function importInto(tx: Executor, actor: Actor, id: string, raw: readonly unknown[], options: ImportOptions = {}): Promise<ImportOutcome> {
  const { collection, rights, grants } = await open(tx, actor, id);
  if (!rights.write) throw fail.forbidden('You may not add objects to this collection');
  const organisationId = writingOrganisation(actor, collection, grants);
  const report = await importObjects(tx, { collectionId: id, organisationId, source: options.source ?? 'api', defaultTlp: tlpRank(options.defaultTlp ?? 'AMBER') }, raw);
  if (report.stored.length >= LARGE_IMPORT) await objects.refreshStatistics(tx);
  const warnings = await warnOfIndicators(tx, actor, organisationId, report.stored);
  await audit.record(tx, { actor: auditActor(actor), action: 'sharing.import', organisationId, targetType: 'sharing_collection', targetId: id, details: { source: options.source ?? 'api', ...report.counts, ...(warnings && { warnings }) } });
  const outcome = { ...report, ...(warnings && { warnings }) };
  if (!options.detection) return outcome;
  return { ...outcome, detection: await addDetectionIndicators(tx, actor, organisationId, report.stored) };
}

/** Imports a bundle; a malformed envelope is a validation error, bad objects are report lines. */
export async function importBundle(tx: Executor, actor: Actor, id: string, bundle: unknown, options: ImportOptions = {}) {
  const envelope = bundleObjects(bundle);
  if (!envelope.ok) throw fail.validation(`Not a STIX bundle: ${envelope.reason}`);
  return importInto(tx, actor, id, envelope.objects, options);
}

/** Publishes an incident (read through the incidents service) into a collection. */
export async function publishIncident(tx: Executor, actor: Actor, id: string, incidentId: string) {
  const { objects: stix } = await incidentObjects(tx, actor, incidentId);
  return importInto(tx, actor, id, stix, { source: `incident:${incidentId}` });
}

/**
 * A bundle of the newest versions the actor is entitled to, in the given collection (or all it
 * reads), with the TLP marking definitions its objects refer to.
 */
export async function exportBundle(db: Executor, actor: Actor, filter: { collectionId?: string; ids?: string[]; types?: string[]; limit?: number }) {
  const readable = filter.collectionId ? [await open(db, actor, filter.collectionId)] : await Promise.all((await store.forOrganisations(db, ownOrganisations(actor))).map((c) => open(db, actor, c.id)));
  const collections = readable.filter((r) => r.rights.read);
  if (filter.collectionId && collections.length === 0) throw fail.forbidden('You may not read this collection');
  const found: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  // Entitlements differ per collection; each is queried under its own.
  for (const { collection, rights } of collections) {
    for (const json of await objects.latestEntitled(db, [collection.id], rights.entitlement, filter, filter.limit ?? 10_000)) {
      const object = JSON.parse(json) as Record<string, unknown>;
      if (!seen.has(object.id as string)) {
        seen.add(object.id as string);
        found.push(object);
      }
    }
  }
  const markings = new Set(found.map((o) => tlpOfObject(o)).filter((r): r is number => r !== undefined));
  const definitions = [...markings].sort().map(tlpMarkingObject).filter((m) => !seen.has(m.id as string));
  return { type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects: [...definitions, ...found] };
}
