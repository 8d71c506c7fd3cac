/**
 * The CII registry (strategy 8.4.1): objects with their operator, sector, services, criticality,
 * location, systems and contacts, and the dependencies between objects. Cycles are allowed (power
 * needs telecom needs power); an object never depends on itself.
 */
import type { Executor } from '../../db/database.ts';
import { newId } from '../../lib/crypto.ts';
import { AppError, fail } from '../../lib/errors.ts';
import { onlyOrganisations } from '../../lib/scope.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor } from '../identity/actor.ts';
import type { Actor } from '../identity/identity.policy.ts';
import * as organisations from '../identity/organisations.service.ts';
import { assertSectors } from '../identity/sectors.service.ts';
import { directoryWithOperators } from './cii.analysis.ts';
import { assertKeepsCii, assertMayUseDirectory, ciiScope } from './cii.policy.ts';
import type { DependencyBody, ObjectBody, ObjectPatchBody } from './cii.schema.ts';
import * as store from './cii.store.ts';
import type { DependencyRow, ObjectRow } from './cii.store.ts';
import type { Contact, Criticality, DependencyKind, Strength } from './cii.tables.ts';

/** A CII object in full, for those who may read its organisation's records. */
export interface CiiObject {
  id: string;
  organisationId: string;
  name: string;
  sector: string;
  services: string[];
  criticality: Criticality;
  location: string;
  systems: string[];
  contacts: Contact[];
  toleranceHours: number;
}

/** What anyone working with CII sees of every object. */
export interface DirectoryEntry {
  id: string;
  name: string;
  sector: string;
  criticality: string;
  organisationId: string;
  operator: string;
}

export interface Dependency {
  id: string;
  organisationId: string;
  dependentId: string;
  supplierId: string;
  kind: DependencyKind;
  strength: Strength;
}

export function presentObject(row: ObjectRow): CiiObject {
  return {
    id: row.id, organisationId: row.organisation_id, name: row.name, sector: row.sector, services: row.services, criticality: row.criticality,
    location: row.location, systems: row.systems, contacts: row.contacts, toleranceHours: Number(row.tolerance_hours),
  };
}

function presentDependency(row: DependencyRow): Dependency {
  return { id: row.id, organisationId: row.organisation_id, dependentId: row.dependent_id, supplierId: row.supplier_id, kind: row.kind, strength: row.strength };
}

export async function listObjects(db: Executor, actor: Actor, filter: { organisationId?: string; sector?: string }): Promise<CiiObject[]> {
  return (await store.listObjects(db, ciiScope(actor), filter)).map(presentObject);
}

/**
 * The sectors of the CII objects each of these organisations operates. A system read for
 * matching early warnings to an operator's own inventory (the sectors only, no object details).
 */
export async function sectorsOf(db: Executor, organisationIds: readonly string[]): Promise<Map<string, string[]>> {
  const byOrganisation = new Map<string, string[]>();
  if (organisationIds.length === 0) return byOrganisation;
  for (const row of await store.listObjects(db, onlyOrganisations(organisationIds))) {
    const sectors = byOrganisation.get(row.organisation_id) ?? [];
    if (!sectors.includes(row.sector)) byOrganisation.set(row.organisation_id, [...sectors, row.sector]);
  }
  return byOrganisation;
}

export async function getObject(db: Executor, actor: Actor, id: string): Promise<CiiObject> {
  const row = await store.getObject(db, ciiScope(actor), id);
  if (!row) throw fail.notFound('CII object');
  return presentObject(row);
}

/** For the risk register: the object a risk names must be one the actor may see (else 404). */
export async function requireVisibleObject(db: Executor, actor: Actor, id: string): Promise<CiiObject> {
  return getObject(db, actor, id);
}

export async function directory(db: Executor, actor: Actor): Promise<DirectoryEntry[]> {
  assertMayUseDirectory(actor);
  return (await directoryWithOperators(db)).map((r) => ({ id: r.id, name: r.name, sector: r.sector, criticality: r.criticality, organisationId: r.organisation_id, operator: r.acronym }));
}

export async function createObject(tx: Executor, actor: Actor, input: ObjectBody): Promise<CiiObject> {
  await organisations.get(tx, actor, input.organisationId);
  assertKeepsCii(actor, input.organisationId);
  assertSectors('/sector', [input.sector]);
  const id = newId();
  await store.insertObject(tx, {
    id, organisation_id: input.organisationId, name: input.name, sector: input.sector, services: JSON.stringify(input.services ?? []),
    criticality: input.criticality, location: input.location ?? '', systems: JSON.stringify(input.systems ?? []),
    contacts: JSON.stringify(input.contacts ?? []), tolerance_hours: input.toleranceHours ?? 0,
  });
  const created = presentObject((await store.getObject(tx, { all: true }, id))!);
  await audit.record(tx, { actor: auditActor(actor), action: 'cii_object.create', organisationId: input.organisationId, targetType: 'cii_object', targetId: id, after: created });
  return created;
}

export async function updateObject(tx: Executor, actor: Actor, id: string, patch: ObjectPatchBody): Promise<CiiObject> {
  const before = await getObject(tx, actor, id);
  assertKeepsCii(actor, before.organisationId);
  assertSectors('/sector', [patch.sector], [before.sector]);
  await store.updateObject(tx, id, {
    name: patch.name, sector: patch.sector, criticality: patch.criticality, location: patch.location, tolerance_hours: patch.toleranceHours,
    services: patch.services && JSON.stringify(patch.services), systems: patch.systems && JSON.stringify(patch.systems),
    contacts: patch.contacts && JSON.stringify(patch.contacts),
  });
  const after = presentObject((await store.getObject(tx, { all: true }, id))!);
  await audit.record(tx, { actor: auditActor(actor), action: 'cii_object.update', organisationId: before.organisationId, targetType: 'cii_object', targetId: id, before, after });
  return after;
}

export async function listDependencies(db: Executor, actor: Actor): Promise<Dependency[]> {
  return (await store.listDependencies(db, ciiScope(actor))).map(presentDependency);
}

/** Declares that one of the actor's objects depends on any registered object. */
export async function addDependency(tx: Executor, actor: Actor, input: DependencyBody): Promise<Dependency> {
  if (input.dependentId === input.supplierId) throw new AppError('unprocessable', 'An object cannot depend on itself');
  const dependent = await getObject(tx, actor, input.dependentId);
  assertKeepsCii(actor, dependent.organisationId);
  if (!(await store.getObject(tx, { all: true }, input.supplierId))) throw new AppError('unprocessable', 'The supplier is not a registered CII object');
  if (await store.findDependency(tx, input.dependentId, input.supplierId, input.kind)) throw fail.conflict('This dependency is already recorded');
  const row = { id: newId(), organisation_id: dependent.organisationId, dependent_id: input.dependentId, supplier_id: input.supplierId, kind: input.kind, strength: input.strength };
  await store.insertDependency(tx, row);
  const created = presentDependency({ ...row, created_at: new Date() });
  await audit.record(tx, { actor: auditActor(actor), action: 'cii_dependency.create', organisationId: dependent.organisationId, targetType: 'cii_dependency', targetId: row.id, after: created });
  return created;
}

export async function removeDependency(tx: Executor, actor: Actor, id: string): Promise<void> {
  const row = await store.getDependency(tx, ciiScope(actor), id);
  if (!row) throw fail.notFound('Dependency');
  assertKeepsCii(actor, row.organisation_id);
  await store.deleteDependency(tx, id);
  await audit.record(tx, { actor: auditActor(actor), action: 'cii_dependency.delete', organisationId: row.organisation_id, targetType: 'cii_dependency', targetId: id, before: presentDependency(row) });
}
