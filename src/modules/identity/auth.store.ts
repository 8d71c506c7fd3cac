/** The only code that reads or writes sessions, API tokens and login attempts. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { Insertable, Selectable } from 'kysely';
import type { ApiTokenTable, SessionTable } from './identity.tables.ts';

export type SessionRow = Selectable<SessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;

export async function insertSession(db: Executor, row: Omit<Insertable<SessionTable>, 'revoked_at'>): Promise<void> {
  await db.insertInto('sessions').values({ ...row, revoked_at: null }).execute();
}

export async function liveSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  return await db.selectFrom('sessions').selectAll().where('id', '=', id).where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date()).executeTakeFirst();
}

export async function touchSession(db: Executor, id: string, change: Partial<Pick<SessionTable, 'mfa_passed'>> = {}): Promise<void> {
  await db.updateTable('sessions').set({ ...change, last_seen_at: new Date() }).where('id', '=', id).execute();
}

export async function liveSessionsOf(db: Executor, userId: string): Promise<SessionRow[]> {
  return await db.selectFrom('sessions').selectAll().where('user_id', '=', userId).where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date()).orderBy('created_at', 'desc').execute();
}

/** Revokes the user's sessions (all of them, or the one given); returns how many. */
export async function revokeSessions(db: Executor, userId: string, sessionId?: string): Promise<number> {
  let query = db.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (sessionId) query = query.where('id', '=', sessionId);
  return Number((await query.executeTakeFirst()).numUpdatedRows);
}

export async function insertToken(db: Executor, row: Omit<Insertable<ApiTokenTable>, 'revoked_at' | 'last_used_at'>): Promise<void> {
  await db.insertInto('api_tokens').values({ ...row, revoked_at: null, last_used_at: null }).execute();
}

export async function liveTokenByHash(db: Executor, hash: string): Promise<ApiTokenRow | undefined> {
  return await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date()).executeTakeFirst();
}

export async function markTokenUsed(db: Executor, id: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', id).execute();
}

export async function tokensOf(db: Executor, userId: string): Promise<ApiTokenRow[]> {
  return await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
}

export async function revokeToken(db: Executor, userId: string, id: string): Promise<boolean> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: new Date() })
    .where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordLoginAttempt(db: Executor, username: string, address: string, succeeded: boolean): Promise<void> {
  await db.insertInto('login_attempts').values({ username: username.toLowerCase(), address, succeeded }).execute();
}

/** Failures since `since` and since the last success, for the account and for the address. */
export async function recentFailures(db: Executor, username: string, address: string, since: Date): Promise<{ account: number; address: number }> {
  const lower = username.toLowerCase();
  const row = await sql<{ account: number; address: number }>`
    select
      (select count(*) from login_attempts a where a.username = ${lower} and not a.succeeded and a.at > ${since}
         and a.at > coalesce((select max(s.at) from login_attempts s where s.username = ${lower} and s.succeeded), '-infinity'))::int as account,
      (select count(*) from login_attempts a where a.address = ${address} and not a.succeeded and a.at > ${since})::int as address`
    .execute(db);
  return row.rows[0];
}

export interface TokenActorRow {
  id: string;
  user_id: string;
  username: string;
  organisation_id: string;
  role: ApiTokenRow['role'];
  /** Whether last_used_at is missing or older than `staleBefore`. */
  stale: boolean;
  /** Whether the owner still holds the token's role in its organisation or an ancestor of it. */
  held: boolean;
  national: boolean;
  /** The token's organisation and its descendants. */
  reach: string[];
}

/**
 * A live token (not revoked, not expired, owner not disabled), by its hash or its id, with everything authentication
 * needs, in one statement: the membership check walks up from the token's organisation (the
 * owner holds the role where its reach covers it) and the reach walks down from it.
 */
export async function liveTokenActor(db: Executor, key: { hash: string } | { id: string }, now: Date, staleBefore: Date): Promise<TokenActorRow | undefined> {
  const which = 'hash' in key ? sql`k.token_hash = ${key.hash}` : sql`k.id = ${key.id}`;
  const result = await sql<TokenActorRow>`
    with recursive t as (
      select k.id, k.user_id, u.username, k.organisation_id, k.role, (k.last_used_at is null or k.last_used_at < ${staleBefore}) as stale
      from api_tokens k join users u on u.id = k.user_id
      where ${which} and k.revoked_at is null and k.expires_at > ${now} and not u.disabled
    ),
    up(id, parent_id) as (
      select o.id, o.parent_id from organisations o join t on o.id = t.organisation_id
      union
      select p.id, p.parent_id from organisations p join up on p.id = up.parent_id
    ),
    down(id) as (
      select t.organisation_id from t
      union
      select c.id from organisations c join down on c.parent_id = down.id
    )
    select t.*,
      exists (select 1 from memberships m join up on m.organisation_id = up.id where m.user_id = t.user_id and m.role = t.role) as held,
      coalesce((select o.is_national_cert from organisations o where o.id = t.organisation_id), false) as national,
      (select array_agg(down.id::text) from down) as reach
    from t`.execute(db);
  return result.rows[0];
}
