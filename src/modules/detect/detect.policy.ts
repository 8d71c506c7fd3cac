/**
 * Who may do what in detection: any member reads their organisations' alerts; operators and
 * analysts acknowledge them; analysts and administrators manage their organisation's rules and
 * indicators; national content needs those roles in the National CERT (or a platform admin);
 * events come in only through an organisation's API token.
 */
import { fail } from '../../lib/errors.ts';
import type { OrgScope } from '../../lib/scope.ts';
import { assertRoleIn, scopeForRoles, visibleScope, type Actor } from '../identity/identity.policy.ts';
import type { RoleName } from '../identity/identity.tables.ts';

const triagers: RoleName[] = ['admin', 'coordinator', 'cert_analyst', 'operator'];
const authors: RoleName[] = ['admin', 'cert_analyst'];
const senders: RoleName[] = ['admin', 'coordinator', 'cert_analyst', 'operator'];

/** Organisations whose alerts, events and dead letters the actor reads. */
export function readScope(actor: Actor): OrgScope {
  return visibleScope(actor);
}

/** Organisations whose alerts the actor may acknowledge. */
export function triageScope(actor: Actor): OrgScope {
  return scopeForRoles(actor, triagers);
}

/** The organisation an ingesting token sends for. */
export function ingestOrganisation(actor: Actor): string {
  if (actor.via !== 'token') throw fail.forbidden('Events are sent with an organisation API token');
  const m = actor.memberships.find((x) => senders.includes(x.role));
  if (!m) throw fail.forbidden(`Sending events needs a token with role ${senders.join(', ')}`);
  return m.organisationId;
}

/** Rules and indicators: national (null) or one organisation's. */
export function assertAuthor(actor: Actor, organisationId: string | null): void {
  if (organisationId === null) {
    if (!scopeForRoles(actor, authors).all) throw fail.forbidden('National detection content needs an analyst or administrator of the National CERT');
    return;
  }
  assertRoleIn(actor, authors, organisationId);
}
