/**
 * Who may do what with risks. Operators keep their organisation's register; coordinators and
 * the National CERT read the national register; coordinators run its procedure.
 */
import { fail } from '../../lib/errors.ts';
import { everything, type OrgScope } from '../../lib/scope.ts';
import { assertRoleIn, hasAnyRole, hasRoleIn, isPlatformAdmin, visibleScope, type Actor } from '../identity/identity.policy.ts';
import type { RoleName } from '../identity/identity.tables.ts';

/** Roles that write an organisation's own register. */
export const registerKeepers: readonly RoleName[] = ['operator', 'admin'];
/** Roles that may agree to a national entry on behalf of a co-executor organisation. */
export const agreeingRoles: readonly RoleName[] = ['coordinator', 'admin', 'operator', 'cert_analyst'];

/** Coordinators, the National CERT and platform administrators read the whole national register. */
export function readsNationalRegister(actor: Actor): boolean {
  return isPlatformAdmin(actor) || hasAnyRole(actor, ['coordinator']) || actor.memberships.some((m) => m.national && m.role !== 'auditor');
}

export function isCoordinator(actor: Actor): boolean {
  return isPlatformAdmin(actor) || hasAnyRole(actor, ['coordinator']);
}

export function assertCoordinator(actor: Actor): void {
  if (!isCoordinator(actor)) throw fail.forbidden('Requires a coordinator');
}

/** Which rows of each level the actor may read: own organisations, plus the national register. */
export interface RiskScope {
  organisation: OrgScope;
  national: OrgScope;
  /** National entries naming one of these organisations as co-executor are readable too. */
  coExecutorOf: readonly string[];
}

export function riskScope(actor: Actor): RiskScope {
  const own = visibleScope(actor);
  return { organisation: own, national: readsNationalRegister(actor) ? everything : own, coExecutorOf: actor.memberships.map((m) => m.organisationId) };
}

export function assertKeeps(actor: Actor, organisationId: string): void {
  assertRoleIn(actor, registerKeepers, organisationId);
}

/** The organisation a coordinator acts for when drafting national risks. */
export function coordinatorOrganisation(actor: Actor, wanted: string): string {
  if (isPlatformAdmin(actor) || hasRoleIn(actor, ['coordinator'], wanted)) return wanted;
  throw fail.forbidden('National risks are drafted by a coordinator of the named organisation');
}

/** Risk acceptance: an organisation's administrator, or a coordinator for national risks. */
export function assertMayAccept(actor: Actor, level: 'organisation' | 'national', organisationId: string): void {
  if (level === 'national') assertCoordinator(actor);
  else assertRoleIn(actor, ['admin'], organisationId);
}
