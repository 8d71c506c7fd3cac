/**
 * Who may do what in the action plan. Everyone signed in reads the plan; an agency's admins and
 * operators report on measures their agency executes; coordinators (role `coordinator`, anywhere)
 * read every report and decide on them, because the plan's coordination is national.
 */
import { fail } from '../../lib/errors.ts';
import { everything, type OrgScope } from '../../lib/scope.ts';
import { assertRoleIn, hasAnyRole, hasRoleIn, isPlatformAdmin, visibleScope, type Actor } from '../identity/identity.policy.ts';
import type { RoleName } from '../identity/identity.tables.ts';

/** Roles that write an agency's reports and name its responsible person. */
export const reporterRoles: readonly RoleName[] = ['admin', 'operator'];

export function isCoordinator(actor: Actor): boolean {
  return isPlatformAdmin(actor) || hasAnyRole(actor, ['coordinator']);
}

export function assertCoordinator(actor: Actor): void {
  if (!isCoordinator(actor)) throw fail.forbidden('Only plan coordinators accept or return reports');
}

/** Reports the actor may read: all for coordinators, else those of their organisations. */
export function reportScope(actor: Actor): OrgScope {
  return isCoordinator(actor) ? everything : visibleScope(actor);
}

/** The organisations the actor belongs to directly (their "own agency"). */
export function ownOrganisations(actor: Actor): string[] {
  return [...new Set(actor.memberships.map((m) => m.organisationId))];
}

/**
 * The agency a report is written for: the one asked for, or the caller's own executing agency.
 * Refuses (403) an agency that does not execute the measure or a caller without a reporter role in it.
 */
export function reportingOrganisation(actor: Actor, executors: readonly string[], requested: string | undefined): string {
  const organisationId = requested ?? actor.memberships.find((m) => reporterRoles.includes(m.role) && executors.includes(m.organisationId))?.organisationId;
  if (!organisationId || !executors.includes(organisationId)) throw fail.forbidden('Your organisation does not execute this measure');
  assertRoleIn(actor, reporterRoles, organisationId);
  return organisationId;
}

/** Only the reporting agency's admins and operators change its report. */
export function assertMayEditReport(actor: Actor, organisationId: string): void {
  if (!hasRoleIn(actor, reporterRoles, organisationId)) throw fail.forbidden("Only the reporting agency edits its report");
}
