/**
 * Who may do what on which organisation's records. A membership's role reaches its organisation
 * and every organisation below it; an admin of the National CERT administers the platform.
 */
import { fail } from '../../lib/errors.ts';
import { everything, onlyOrganisations, type OrgScope } from '../../lib/scope.ts';
import type { RoleName } from './identity.tables.ts';

export interface Membership {
  organisationId: string;
  role: RoleName;
  /** The organisation and its descendants. */
  reach: readonly string[];
  national: boolean;
}

export interface Actor {
  userId: string;
  username: string;
  memberships: readonly Membership[];
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
  address: string | null;
}

/** Roles whose holders must use a second factor. */
export const privilegedRoles: readonly RoleName[] = ['admin', 'coordinator', 'investigator'];

export function requiresMfa(roles: Iterable<RoleName>): boolean {
  return [...roles].some((r) => privilegedRoles.includes(r));
}

export function isPlatformAdmin(actor: Actor): boolean {
  return actor.memberships.some((m) => m.national && m.role === 'admin');
}

/** Organisations whose records the actor may read at all. */
export function visibleScope(actor: Actor): OrgScope {
  if (isPlatformAdmin(actor)) return everything;
  return onlyOrganisations(actor.memberships.flatMap((m) => m.reach));
}

/** Organisations where the actor holds one of `roles` (platform admins: all). */
export function scopeForRoles(actor: Actor, roles: readonly RoleName[]): OrgScope {
  if (isPlatformAdmin(actor)) return everything;
  const held = actor.memberships.filter((m) => roles.includes(m.role));
  if (held.some((m) => m.national)) return everything;
  return onlyOrganisations(held.flatMap((m) => m.reach));
}

export function hasRoleIn(actor: Actor, roles: readonly RoleName[], organisationId: string): boolean {
  return isPlatformAdmin(actor) || actor.memberships.some((m) => roles.includes(m.role) && m.reach.includes(organisationId));
}

export function hasAnyRole(actor: Actor, roles: readonly RoleName[]): boolean {
  return actor.memberships.some((m) => roles.includes(m.role));
}

export function assertRoleIn(actor: Actor, roles: readonly RoleName[], organisationId: string): void {
  if (!hasRoleIn(actor, roles, organisationId)) throw fail.forbidden(`Requires role ${roles.join(' or ')} in this organisation`);
}

export function assertAnyRole(actor: Actor, roles: readonly RoleName[]): void {
  if (!hasAnyRole(actor, roles)) throw fail.forbidden(`Requires role ${roles.join(' or ')}`);
}

export function assertPlatformAdmin(actor: Actor): void {
  if (!isPlatformAdmin(actor)) throw fail.forbidden('Requires a platform administrator');
}
