/** User administration: accounts, their memberships, disabling and MFA reset. */
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { newId } from '../../lib/crypto.ts';
import { everything, scopeIncludes, type OrgScope } from '../../lib/scope.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor } from './actor.ts';
import { assertRoleIn, isPlatformAdmin, scopeForRoles, type Actor } from './identity.policy.ts';
import type { RoleName } from './identity.tables.ts';
import * as organisations from './organisations.store.ts';
import { assertPasswordAcceptable, hashPassword } from './password.ts';
import * as sessions from './auth.store.ts';
import * as store from './users.store.ts';
import type { UserRow } from './users.store.ts';

export interface MembershipInput { organisationId: string; role: RoleName }

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  disabled: boolean;
  mfaEnabled: boolean;
  mustChangePassword: boolean;
  memberships: MembershipInput[];
}

export interface UserInput {
  username: string;
  displayName: string;
  email?: string | null;
  password: string;
  memberships: MembershipInput[];
}

export interface UserPatch {
  displayName?: string;
  email?: string | null;
  disabled?: boolean;
  memberships?: MembershipInput[];
}

const managers: RoleName[] = ['admin'];
const readers: RoleName[] = ['admin', 'auditor'];

async function present(db: Executor, rows: UserRow[], scope: OrgScope): Promise<User[]> {
  const memberships = await store.membershipsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, username: r.username, displayName: r.display_name, email: r.email, disabled: r.disabled,
    mfaEnabled: r.mfa_enabled, mustChangePassword: r.must_change_password,
    memberships: memberships.filter((m) => m.user_id === r.id && scopeIncludes(scope, m.organisation_id))
      .map((m) => ({ organisationId: m.organisation_id, role: m.role })),
  }));
}

export async function list(db: Executor, actor: Actor, limit?: number, offset?: number): Promise<User[]> {
  const scope = scopeForRoles(actor, readers);
  return present(db, await store.list(db, scope, limit, offset), scope);
}

export async function get(db: Executor, actor: Actor, id: string): Promise<User> {
  const scope = scopeForRoles(actor, readers);
  const row = await store.get(db, scope, id);
  if (!row) throw fail.notFound('User');
  return (await present(db, [row], scope))[0];
}

/** User names of the given users, for other modules' read receipts and timelines. */
export async function usernamesOf(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await store.usernames(db, ids)).map((r) => [r.id, r.username]));
}

/** Granting admin in the National CERT makes a platform administrator: only one may do that. */
async function assertMayGrant(db: Executor, actor: Actor, memberships: readonly MembershipInput[]): Promise<void> {
  const national = new Set(await organisations.nationalCertIds(db));
  for (const m of memberships) {
    if (!(await organisations.get(db, everything, m.organisationId))) throw fail.validation(`Unknown organisation ${m.organisationId}`);
    assertRoleIn(actor, managers, m.organisationId);
    if (m.role === 'admin' && national.has(m.organisationId) && !isPlatformAdmin(actor)) {
      throw fail.forbidden('Only a platform administrator may grant admin in the National CERT');
    }
  }
}

async function assertManages(db: Executor, actor: Actor, userId: string): Promise<User> {
  const current = await get(db, actor, userId);
  const all = await store.membershipsOf(db, [userId]);
  for (const m of all) assertRoleIn(actor, managers, m.organisation_id);
  return current;
}

export async function create(tx: Executor, actor: Actor, input: UserInput): Promise<User> {
  if (input.memberships.length === 0) throw fail.validation('A user needs at least one membership');
  await assertMayGrant(tx, actor, input.memberships);
  if (await store.findByUsername(tx, input.username)) throw fail.conflict(`User name ${input.username} is taken`);
  assertPasswordAcceptable(input.password, input.username);
  const id = newId();
  await store.insert(tx, {
    id, username: input.username, display_name: input.displayName, email: input.email ?? null,
    password_hash: await hashPassword(input.password), must_change_password: true, disabled: false,
    mfa_secret: null, mfa_enabled: false, mfa_last_step: null,
  });
  await store.replaceMemberships(tx, id, input.memberships.map((m) => ({ user_id: id, organisation_id: m.organisationId, role: m.role })));
  const user = await get(tx, actor, id);
  await audit.record(tx, { actor: auditActor(actor), action: 'user.create', organisationId: input.memberships[0].organisationId, targetType: 'user', targetId: id, after: user });
  return user;
}

export async function update(tx: Executor, actor: Actor, id: string, patch: UserPatch): Promise<User> {
  const before = await assertManages(tx, actor, id);
  if (patch.memberships) {
    if (patch.memberships.length === 0) throw fail.validation('A user needs at least one membership');
    if (id === actor.userId) throw fail.forbidden('You cannot change your own memberships');
    await assertMayGrant(tx, actor, patch.memberships);
    await store.replaceMemberships(tx, id, patch.memberships.map((m) => ({ user_id: id, organisation_id: m.organisationId, role: m.role })));
  }
  await store.update(tx, id, { display_name: patch.displayName, email: patch.email, disabled: patch.disabled });
  if (patch.disabled || patch.memberships) await sessions.revokeSessions(tx, id);
  const after = await get(tx, actor, id);
  await audit.record(tx, { actor: auditActor(actor), action: 'user.update', organisationId: before.memberships[0]?.organisationId, targetType: 'user', targetId: id, before, after });
  return after;
}

/** Clears a user's second factor so they enrol again at next login; ends their sessions. */
export async function resetMfa(tx: Executor, actor: Actor, id: string): Promise<void> {
  const before = await assertManages(tx, actor, id);
  await store.update(tx, id, { mfa_secret: null, mfa_enabled: false, mfa_last_step: null });
  await store.replaceRecoveryCodes(tx, id, []);
  await sessions.revokeSessions(tx, id);
  await audit.record(tx, { actor: auditActor(actor), action: 'user.mfa_reset', organisationId: before.memberships[0]?.organisationId, targetType: 'user', targetId: id });
}
