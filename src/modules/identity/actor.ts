/** Builds the caller (an Actor) from a user id, with each membership's reach resolved. */
import type { Executor } from '../../db/database.ts';
import type { AuditActor } from '../audit/audit.service.ts';
import type { Actor, Membership } from './identity.policy.ts';
import * as organisations from './organisations.store.ts';
import * as users from './users.store.ts';
import type { RoleName } from './identity.tables.ts';

export async function resolveMemberships(db: Executor, rows: readonly { organisation_id: string; role: RoleName }[]): Promise<Membership[]> {
  const tree = await organisations.withDescendants(db, rows.map((r) => r.organisation_id));
  return rows.map((r) => ({
    organisationId: r.organisation_id, role: r.role, reach: tree.get(r.organisation_id)?.reach ?? [r.organisation_id], national: tree.get(r.organisation_id)?.national ?? false,
  }));
}

export async function loadActor(db: Executor, userId: string, via: Actor['via'], extra: Partial<Actor>): Promise<Actor | undefined> {
  const user = await users.getById(db, userId);
  if (!user || user.disabled) return undefined;
  const memberships = await resolveMemberships(db, await users.membershipsOf(db, [userId]));
  return { userId, username: user.username, memberships, via, address: null, ...extra };
}

export function auditActor(actor: Actor): AuditActor {
  return { userId: actor.userId, label: actor.via === 'token' ? `${actor.username} (token)` : actor.username, address: actor.address };
}
