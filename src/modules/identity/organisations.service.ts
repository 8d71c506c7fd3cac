/** Organisations: the agencies, CERTs, SOCs and operators that use the platform. */
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { newId } from '../../lib/crypto.ts';
import { everything } from '../../lib/scope.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor } from './actor.ts';
import { assertPlatformAdmin, assertRoleIn, visibleScope, type Actor } from './identity.policy.ts';
import type { OrganisationKind } from './identity.tables.ts';
import * as store from './organisations.store.ts';
import { assertSectors } from './sectors.service.ts';
import type { OrganisationRow } from './organisations.store.ts';

export interface Organisation {
  id: string;
  acronym: string;
  name: { az: string; en: string };
  kind: OrganisationKind;
  sector: string | null;
  parentId: string | null;
  isNationalCert: boolean;
}

export interface OrganisationInput {
  acronym: string;
  name: { az: string; en: string };
  kind: OrganisationKind;
  sector?: string | null;
  parentId?: string | null;
}

export type OrganisationPatch = Partial<Omit<OrganisationInput, 'acronym'>>;

function present(row: OrganisationRow): Organisation {
  return {
    id: row.id, acronym: row.acronym, name: { az: row.name_az, en: row.name_en }, kind: row.kind,
    sector: row.sector, parentId: row.parent_id, isNationalCert: row.is_national_cert,
  };
}

export async function list(db: Executor, actor: Actor): Promise<Organisation[]> {
  return (await store.list(db, visibleScope(actor))).map(present);
}

export async function get(db: Executor, actor: Actor, id: string): Promise<Organisation> {
  const row = await store.get(db, visibleScope(actor), id);
  if (!row) throw fail.notFound('Organisation');
  return present(row);
}

/** For other modules that resolve agency acronyms in reference data (not caller-scoped). */
export async function findByAcronym(db: Executor, acronym: string): Promise<Organisation | undefined> {
  const row = await store.findByAcronym(db, acronym);
  return row && present(row);
}

/** Acronym and names of the given organisations: reference labels other modules show beside their own rows. */
export async function labelsOf(db: Executor, ids: readonly string[]): Promise<Map<string, Pick<Organisation, 'acronym' | 'name'>>> {
  const rows = await store.byIds(db, ids);
  return new Map(rows.map((r) => [r.id, { acronym: r.acronym, name: { az: r.name_az, en: r.name_en } }]));
}

export async function create(tx: Executor, actor: Actor, input: OrganisationInput): Promise<Organisation> {
  if (input.parentId) {
    await get(tx, actor, input.parentId);
    assertRoleIn(actor, ['admin'], input.parentId);
  } else {
    assertPlatformAdmin(actor);
  }
  assertSectors('/sector', [input.sector]);
  if (await store.findByAcronym(tx, input.acronym)) throw fail.conflict(`An organisation with acronym ${input.acronym} exists`);
  const row = {
    id: newId(), acronym: input.acronym, name_az: input.name.az, name_en: input.name.en, kind: input.kind,
    sector: input.sector ?? null, parent_id: input.parentId ?? null, is_national_cert: false,
  };
  await store.insert(tx, row);
  const created = present((await store.get(tx, everything, row.id))!);
  await audit.record(tx, { actor: auditActor(actor), action: 'organisation.create', organisationId: row.id, targetType: 'organisation', targetId: row.id, after: created });
  return created;
}

export async function update(tx: Executor, actor: Actor, id: string, patch: OrganisationPatch): Promise<Organisation> {
  const before = await get(tx, actor, id);
  assertRoleIn(actor, ['admin'], id);
  assertSectors('/sector', [patch.sector], [before.sector]);
  if (patch.parentId !== undefined && patch.parentId !== null) {
    if (patch.parentId === id) throw fail.validation('An organisation cannot be its own parent');
    await get(tx, actor, patch.parentId);
    const below = (await store.withDescendants(tx, [id])).get(id)?.reach ?? [];
    if (below.includes(patch.parentId)) throw fail.validation('The new parent is below this organisation');
  }
  if (patch.parentId !== undefined && !before.parentId !== !patch.parentId) assertPlatformAdmin(actor);
  await store.update(tx, id, {
    name_az: patch.name?.az, name_en: patch.name?.en, kind: patch.kind, sector: patch.sector, parent_id: patch.parentId,
  });
  const after = present((await store.get(tx, everything, id))!);
  await audit.record(tx, { actor: auditActor(actor), action: 'organisation.update', organisationId: id, targetType: 'organisation', targetId: id, before, after });
  return after;
}
