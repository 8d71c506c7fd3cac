/**
 * Who may do what with shared threat information. A collection belongs to an organisation:
 * its administrators and CERT analysts manage it and grant other organisations read and/or
 * write, with a TLP ceiling. Rights come from the organisations a user is a direct member of
 * (TLP is about organisations, so reach over child organisations does not widen it), and no
 * role — not even a platform administrator — lifts the TLP rule over TAXII.
 */
import { fail } from '../../lib/errors.ts';
import { assertRoleIn, hasRoleIn, type Actor } from '../identity/identity.policy.ts';
import type { RoleName } from '../identity/identity.tables.ts';
import type { AccessRow, CollectionRow } from './collections.store.ts';
import { amber, type Entitlement } from './tlp.ts';

export const managerRoles: readonly RoleName[] = ['admin', 'cert_analyst'];
/** Who writes and publishes advisories for an organisation, and whose imports warn other organisations. */
export const authorRoles: readonly RoleName[] = ['cert_analyst', 'coordinator'];
/** Roles that may publish into a collection they can write and run imports. */
export const publisherRoles: readonly RoleName[] = ['admin', 'cert_analyst', 'operator'];

/** Organisations the actor is a direct member of. */
export function ownOrganisations(actor: Actor): string[] {
  return [...new Set(actor.memberships.map((m) => m.organisationId))];
}

export interface Rights {
  read: boolean;
  write: boolean;
  entitlement: Entitlement;
}

/** What the actor may do with the collection, from ownership and the grants to its organisations. */
export function rightsOn(actor: Actor, collection: CollectionRow, grants: readonly AccessRow[]): Rights {
  const own = ownOrganisations(actor);
  if (own.includes(collection.organisation_id)) return { read: true, write: true, entitlement: { ownOrganisations: own, sharedUpTo: amber } };
  const mine = grants.filter((g) => own.includes(g.organisation_id));
  const readable = mine.filter((g) => g.can_read);
  const ceiling = readable.length ? Math.min(amber, Math.max(...readable.map((g) => g.max_tlp))) : -1;
  return { read: readable.length > 0, write: mine.some((g) => g.can_write), entitlement: { ownOrganisations: own, sharedUpTo: ceiling } };
}

export function mayManage(actor: Actor, collection: CollectionRow): boolean {
  return hasRoleIn(actor, managerRoles, collection.organisation_id);
}

export function assertMayCreate(actor: Actor, organisationId: string): void {
  assertRoleIn(actor, managerRoles, organisationId);
}

/** The organisation an actor writes for: the collection's owner if a member, else its first granted organisation. */
export function writingOrganisation(actor: Actor, collection: CollectionRow, grants: readonly AccessRow[]): string {
  const own = ownOrganisations(actor);
  if (own.includes(collection.organisation_id)) return collection.organisation_id;
  const grant = grants.find((g) => g.can_write && own.includes(g.organisation_id));
  if (!grant) throw fail.forbidden('You may not add objects to this collection');
  return grant.organisation_id;
}
