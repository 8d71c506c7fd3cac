/**
 * Who may do what in the CII registry. Operators keep their organisation's objects, plans and
 * dependencies; coordinators and the National CERT see the whole registry. Names and sectors
 * of all objects form a directory that operators need to declare what they depend on.
 */
import { fail } from '../../lib/errors.ts';
import { everything, type OrgScope } from '../../lib/scope.ts';
import { assertRoleIn, hasAnyRole, visibleScope, type Actor } from '../identity/identity.policy.ts';
import type { RoleName } from '../identity/identity.tables.ts';
import { readsNationalRegister } from '../risk/risk.policy.ts';

/** Roles that keep an organisation's CII records. */
export const ciiKeepers: readonly RoleName[] = ['operator', 'admin'];

/** Whose objects, plans and exercises the actor reads in full. */
export function ciiScope(actor: Actor): OrgScope {
  return readsNationalRegister(actor) ? everything : visibleScope(actor);
}

export function assertKeepsCii(actor: Actor, organisationId: string): void {
  assertRoleIn(actor, ciiKeepers, organisationId);
}

/** The directory and the cascade analysis: national readers and those who keep CII records. */
export function assertMayUseDirectory(actor: Actor): void {
  if (!readsNationalRegister(actor) && !hasAnyRole(actor, ciiKeepers)) throw fail.forbidden('Requires an operator or a national role');
}
