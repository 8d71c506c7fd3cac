/** The only code that reads or writes users, memberships and recovery codes. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { scopeCondition, type OrgScope } from '../../lib/scope.ts';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { RoleName, UserTable } from './identity.tables.ts';

export type UserRow = Selectable<UserTable>;
export type UserChange = Omit<Updateable<UserTable>, 'id' | 'created_at' | 'updated_at'>;
export interface MembershipRow { user_id: string; organisation_id: string; role: RoleName }

/** Users with at least one membership inside the scope. */
export async function list(db: Executor, scope: OrgScope, limit = 1000, offset = 0): Promise<UserRow[]> {
  let query = db.selectFrom('users').selectAll();
  if (!scope.all) {
    query = query.where((eb) => eb.exists(eb.selectFrom('memberships').select('user_id')
      .whereRef('memberships.user_id', '=', 'users.id').where(scopeCondition(scope, 'memberships.organisation_id'))));
  }
  return query.orderBy('username').limit(limit).offset(offset).execute();
}

export async function get(db: Executor, scope: OrgScope, id: string): Promise<UserRow | undefined> {
  const [user] = await db.selectFrom('users').selectAll().where('id', '=', id)
    .where((eb) => eb.exists(eb.selectFrom('memberships').select('user_id')
      .whereRef('memberships.user_id', '=', 'users.id').where(scopeCondition(scope, 'memberships.organisation_id'))))
    .execute();
  return user;
}

/** Unscoped: for authentication, where the caller is not yet known. */
export async function getById(db: Executor, id: string): Promise<UserRow | undefined> {
  return (await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst());
}

export async function usernames(db: Executor, ids: readonly string[]): Promise<{ id: string; username: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'username']).where('id', 'in', [...new Set(ids)]).execute();
}

export async function findByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return (await db.selectFrom('users').selectAll().where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst());
}

export async function insert(db: Executor, row: Insertable<UserTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function update(db: Executor, id: string, change: UserChange): Promise<void> {
  await db.updateTable('users').set({ ...change, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function membershipsOf(db: Executor, userIds: readonly string[]): Promise<MembershipRow[]> {
  if (userIds.length === 0) return [];
  return (await db.selectFrom('memberships').selectAll().where('user_id', 'in', userIds)
    .orderBy('organisation_id').orderBy('role').execute()) as MembershipRow[];
}

export async function replaceMemberships(db: Executor, userId: string, rows: readonly MembershipRow[]): Promise<void> {
  await db.deleteFrom('memberships').where('user_id', '=', userId).execute();
  if (rows.length > 0) await db.insertInto('memberships').values([...rows]).execute();
}

export async function replaceRecoveryCodes(db: Executor, userId: string, hashes: readonly string[]): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (hashes.length > 0) {
    await db.insertInto('recovery_codes').values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null }))).execute();
  }
}

/** Marks an unused recovery code as used; false when there is no such unused code. */
export async function useRecoveryCode(db: Executor, userId: string, hash: string): Promise<boolean> {
  const result = await db.updateTable('recovery_codes').set({ used_at: new Date() })
    .where('user_id', '=', userId).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
