/**
 * API tokens for machine clients: bound to one organisation and role, stored as SHA-256,
 * shown once, expiring and revocable.
 */
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { newId, randomSecret, sha256Hex } from '../../lib/crypto.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor, loadActor } from './actor.ts';
import type { Actor } from './identity.policy.ts';
import type { RoleName } from './identity.tables.ts';
import * as store from './auth.store.ts';
import type { ApiTokenRow } from './auth.store.ts';

export const tokenPrefix = 'qx_';

export interface ApiToken {
  id: string;
  name: string;
  organisationId: string;
  role: RoleName;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export interface TokenInput { name: string; organisationId: string; role: RoleName; expiresInDays: number }

function present(row: ApiTokenRow): ApiToken {
  return {
    id: row.id, name: row.name, organisationId: row.organisation_id, role: row.role, prefix: row.prefix,
    createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: row.revoked_at, lastUsedAt: row.last_used_at,
  };
}

/** A token for the actor, carrying only a role the actor holds in that organisation. */
export async function create(tx: Executor, actor: Actor, input: TokenInput): Promise<{ token: string } & ApiToken> {
  if (actor.via === 'token') throw fail.forbidden('A token cannot create tokens');
  // Checked on memberships directly: even a platform administrator cannot mint a role it lacks.
  if (!actor.memberships.some((m) => m.role === input.role && m.reach.includes(input.organisationId))) {
    throw fail.forbidden(`You do not hold the role ${input.role} in that organisation`);
  }
  const userId = actor.userId;
  const token = tokenPrefix + randomSecret(32);
  const id = newId();
  await store.insertToken(tx, {
    id, user_id: userId, organisation_id: input.organisationId, role: input.role, name: input.name,
    prefix: token.slice(0, 10), token_hash: sha256Hex(token), expires_at: new Date(Date.now() + input.expiresInDays * 86_400_000),
  });
  const created = (await store.tokensOf(tx, userId)).find((t) => t.id === id)!;
  await audit.record(tx, { actor: auditActor(actor), action: 'token.create', organisationId: input.organisationId, targetType: 'api_token', targetId: id, after: { name: input.name, role: input.role } });
  return { token, ...present(created) };
}

export async function list(db: Executor, actor: Actor): Promise<ApiToken[]> {
  return (await store.tokensOf(db, actor.userId)).map(present);
}

export async function revoke(tx: Executor, actor: Actor, id: string): Promise<void> {
  const token = (await store.tokensOf(tx, actor.userId)).find((t) => t.id === id);
  if (!token || !(await store.revokeToken(tx, actor.userId, id))) throw fail.notFound('Token');
  await audit.record(tx, { actor: auditActor(actor), action: 'token.revoke', organisationId: token.organisation_id, targetType: 'api_token', targetId: id });
}

/**
 * Resolves a bearer token to an actor holding exactly the token's one membership. One query per
 * request (plus the last-used write at most once a minute): validity, revocation, the owner's
 * standing and the membership's reach are read afresh every time, nothing is cached.
 */
export async function authenticate(db: Executor, token: string, address: string | null): Promise<Actor | undefined> {
  if (!token.startsWith(tokenPrefix)) return undefined;
  const now = new Date();
  const row = await store.liveTokenActor(db, { hash: sha256Hex(token) }, now, new Date(now.getTime() - 60_000));
  // The owner must still hold the role, or the token dies with the membership.
  if (!row || !row.held) return undefined;
  // Written at most once a minute per token, so machine clients do not turn reads into writes.
  if (row.stale) await store.markTokenUsed(db, row.id);
  return tokenActor(row, address);
}

function tokenActor(row: store.TokenActorRow, address: string | null): Actor {
  const memberships = [{ organisationId: row.organisation_id, role: row.role, reach: row.reach ?? [row.organisation_id], national: row.national }];
  return { userId: row.user_id, username: row.username, memberships, via: 'token', address, tokenId: row.id };
}

/**
 * The caller of an earlier request as it stands now, for work done later on its behalf (a
 * queued import): its token still live and its role still held, or the user still enabled with
 * the memberships it has today. Undefined when that standing is gone.
 */
export async function actorNow(db: Executor, then: Actor): Promise<Actor | undefined> {
  if (then.via === 'session') return loadActor(db, then.userId, 'session', { address: then.address });
  if (!then.tokenId) return undefined;
  const now = new Date();
  const row = await store.liveTokenActor(db, { id: then.tokenId }, now, now);
  return row?.held ? tokenActor(row, then.address) : undefined;
}
