/**
 * Who may read and change incidents (docs/incident-visibility.md has the rule as a table).
 *
 * A reader reaches an incident at some TLP level and reads every marking up to it:
 * - the owning organisation (members of it or of an organisation above it), the National CERT once
 *   the incident is reported to it, and platform administrators read up to RED;
 * - members of an affected organisation read up to AMBER+STRICT;
 * - members of an organisation above an affected one read up to AMBER;
 * - every other signed-in user reads GREEN and CLEAR.
 * An observable carries its own marking; it is read at the stricter of its own and its incident's.
 */
import { fail } from '../../lib/errors.ts';
import { scopeIncludes, type OrgScope } from '../../lib/scope.ts';
import { hasRoleIn, isPlatformAdmin, visibleScope, type Actor } from '../identity/identity.policy.ts';
import type { RoleName } from '../identity/identity.tables.ts';
import { amber, amberStrict, red, tlpRank } from './markings.ts';

/** What the SQL visibility condition needs to know about a reader. */
export interface Reader {
  all: boolean;
  /** Organisations whose incidents the reader owns (membership organisations and those below). */
  owners: OrgScope;
  national: boolean;
  /** Organisations the reader is a member of (AMBER+STRICT). */
  members: string[];
  /** Membership organisations and those below them (AMBER). */
  reach: string[];
}

export function readerOf(actor: Actor): Reader {
  return {
    all: isPlatformAdmin(actor),
    owners: visibleScope(actor),
    national: actor.memberships.some((m) => m.national),
    members: [...new Set(actor.memberships.map((m) => m.organisationId))],
    reach: [...new Set(actor.memberships.flatMap((m) => m.reach))],
  };
}

/** The facts about an incident the reading rule looks at. */
export interface Readable {
  organisationId: string;
  reported: boolean;
  affected: readonly string[];
}

/** The strictest TLP rank the reader may read on this incident. */
export function accessRank(reader: Reader, incident: Readable): number {
  if (reader.all || scopeIncludes(reader.owners, incident.organisationId) || (reader.national && incident.reported)) return red;
  if (incident.affected.some((o) => reader.members.includes(o))) return amberStrict;
  if (incident.affected.some((o) => reader.reach.includes(o))) return amber;
  return tlpRank('GREEN');
}

/** Roles that work on incidents (create, edit, classify, add observables and tasks). */
export const handlerRoles: readonly RoleName[] = ['admin', 'cert_analyst', 'operator'];
/** Roles of the National CERT that issue directives. */
export const directiveRoles: readonly RoleName[] = ['admin', 'cert_analyst'];

/** Handlers of the owning organisation, or of the National CERT once the incident is reported to it. */
export function mayHandle(actor: Actor, incident: Readable): boolean {
  if (hasRoleIn(actor, handlerRoles, incident.organisationId)) return true;
  return incident.reported && actor.memberships.some((m) => m.national && handlerRoles.includes(m.role));
}

export function assertMayHandle(actor: Actor, incident: Readable): void {
  if (!mayHandle(actor, incident)) throw fail.forbidden('Only the owning organisation (or the National CERT once reported) handles this incident');
}

/** The organisation a new incident belongs to: the one asked for, where the caller is a handler. */
export function owningOrganisation(actor: Actor, requested: string | undefined): string {
  const organisationId = requested ?? actor.memberships.find((m) => handlerRoles.includes(m.role))?.organisationId;
  if (!organisationId || !hasRoleIn(actor, handlerRoles, organisationId)) throw fail.forbidden(`Creating incidents needs role ${handlerRoles.join(', ')} in the organisation`);
  return organisationId;
}

/** National CERT analysts and administrators issue directives on incidents reported to them. */
export function assertMayDirect(actor: Actor, incident: Readable): void {
  const national = isPlatformAdmin(actor) || actor.memberships.some((m) => m.national && directiveRoles.includes(m.role));
  if (!national || !incident.reported) throw fail.forbidden('Directives are issued by the National CERT on incidents reported to it');
}

/** A target organisation's handlers acknowledge and complete its directives. */
export function assertMayAnswer(actor: Actor, organisationId: string): void {
  if (!hasRoleIn(actor, handlerRoles, organisationId)) throw fail.forbidden('Only the directed organisation answers this directive');
}
