/**
 * Sign-in: password check with throttling per account and per address, sessions kept as the
 * SHA-256 of a random cookie value, and the steps a session must pass before it is complete.
 */
import type { Db, Executor } from '../../db/database.ts';
import { AppError, fail } from '../../lib/errors.ts';
import { randomSecret, sha256Hex } from '../../lib/crypto.ts';
import * as audit from '../audit/audit.service.ts';
import { loadActor } from './actor.ts';
import { requiresMfa, isPlatformAdmin, type Actor } from './identity.policy.ts';
import * as store from './auth.store.ts';
import type { SessionRow } from './auth.store.ts';
import * as organisations from './organisations.store.ts';
import { hashPassword, verifyPassword, assertPasswordAcceptable } from './password.ts';
import * as users from './users.store.ts';
import type { UserRow } from './users.store.ts';
import { everything } from '../../lib/scope.ts';

export type Pending = null | 'mfa' | 'password_change' | 'mfa_enrolment';

export interface AuthSettings {
  sessionTtlHours: number;
  attemptsPerAccount: number;
  attemptsPerAddress: number;
  windowMinutes: number;
}

export interface Client { address: string; userAgent: string | null }

/** An authenticated cookie session: who, and which step (if any) they still owe. */
export interface SessionContext {
  actor: Actor;
  session: SessionRow;
  user: UserRow;
  pending: Pending;
}

export interface SessionView {
  user: { id: string; username: string; displayName: string; email: string | null; mustChangePassword: boolean; mfaEnabled: boolean };
  memberships: { organisationId: string; acronym: string; organisationName: { az: string; en: string }; role: string }[];
  isPlatformAdmin: boolean;
  csrfToken: string;
  pending: Pending;
}

// A fixed hash to verify against when the user does not exist, so timing does not reveal it.
const decoyHash = await hashPassword(randomSecret());

function pendingStep(user: UserRow, session: SessionRow, actor: Actor): Pending {
  if (user.mfa_enabled && !session.mfa_passed) return 'mfa';
  if (user.must_change_password) return 'password_change';
  if (!user.mfa_enabled && requiresMfa(actor.memberships.map((m) => m.role))) return 'mfa_enrolment';
  return null;
}

/** Throws 429 while the account or the address has too many recent failures. */
export async function assertNotThrottled(db: Executor, settings: AuthSettings, username: string, client: Client): Promise<void> {
  const since = new Date(Date.now() - settings.windowMinutes * 60_000);
  const failures = await store.recentFailures(db, username, client.address, since);
  if (failures.account >= settings.attemptsPerAccount || failures.address >= settings.attemptsPerAddress) {
    throw fail.rateLimited('Too many failed sign-in attempts; try again later', settings.windowMinutes * 60);
  }
}

/** Records a failed attempt in its own committed transaction, then throws `error`. */
export async function rejectAttempt(db: Db, username: string, client: Client, action: string, error: AppError): Promise<never> {
  await db.transaction().execute(async (tx) => {
    await store.recordLoginAttempt(tx, username, client.address, false);
    const user = await users.findByUsername(tx, username);
    await audit.record(tx, {
      actor: { userId: user?.id ?? null, label: username.slice(0, 100), address: client.address },
      action, targetType: 'user', targetId: user?.id, details: { reason: error.message },
    });
  });
  throw error;
}

export async function login(db: Db, settings: AuthSettings, username: string, password: string, client: Client): Promise<{ token: string; context: SessionContext }> {
  await assertNotThrottled(db, settings, username, client);
  const user = await users.findByUsername(db, username);
  const valid = await verifyPassword(password, user?.password_hash ?? decoyHash);
  if (!user || !valid || user.disabled) {
    await rejectAttempt(db, username, client, 'auth.login_failed', fail.unauthenticated('Wrong user name or password'));
  }
  const token = randomSecret();
  await db.transaction().execute(async (tx) => {
    await store.recordLoginAttempt(tx, username, client.address, true);
    await store.insertSession(tx, {
      id: sha256Hex(token), user_id: user!.id, csrf_token: randomSecret(), mfa_passed: false,
      address: client.address, user_agent: client.userAgent?.slice(0, 300) ?? null,
      expires_at: new Date(Date.now() + settings.sessionTtlHours * 3_600_000),
    });
    await audit.record(tx, { actor: { userId: user!.id, label: user!.username, address: client.address }, action: 'auth.login', targetType: 'user', targetId: user!.id });
  });
  const context = await authenticateSession(db, token, client.address);
  return { token, context: context! };
}

/** Resolves a session cookie; undefined when it is unknown, expired, revoked or its user is disabled. */
export async function authenticateSession(db: Executor, token: string, address: string | null): Promise<SessionContext | undefined> {
  const session = await store.liveSession(db, sha256Hex(token));
  if (!session) return undefined;
  const user = await users.getById(db, session.user_id);
  const actor = await loadActor(db, session.user_id, 'session', { sessionId: session.id, address });
  if (!user || !actor) return undefined;
  return { actor, session, user, pending: pendingStep(user, session, actor) };
}

export async function refresh(db: Executor, context: SessionContext): Promise<SessionContext> {
  const session = await store.liveSession(db, context.session.id);
  const user = await users.getById(db, context.user.id);
  const actor = await loadActor(db, context.user.id, 'session', { sessionId: context.session.id, address: context.actor.address });
  if (!session || !user || !actor) throw fail.unauthenticated('Session ended');
  return { actor, session, user, pending: pendingStep(user, session, actor) };
}

export async function view(db: Executor, context: SessionContext): Promise<SessionView> {
  const { user, actor } = context;
  const orgs = new Map((await organisations.list(db, everything)).map((o) => [o.id, o]));
  return {
    user: { id: user.id, username: user.username, displayName: user.display_name, email: user.email, mustChangePassword: user.must_change_password, mfaEnabled: user.mfa_enabled },
    memberships: actor.memberships.map((m) => {
      const org = orgs.get(m.organisationId)!;
      return { organisationId: m.organisationId, acronym: org.acronym, organisationName: { az: org.name_az, en: org.name_en }, role: m.role };
    }),
    isPlatformAdmin: isPlatformAdmin(actor),
    csrfToken: context.session.csrf_token,
    pending: context.pending,
  };
}

export async function changePassword(tx: Executor, context: SessionContext, current: string, next: string): Promise<void> {
  if (!(await verifyPassword(current, context.user.password_hash))) throw fail.validation('The current password is wrong', { field: 'currentPassword' });
  if (current === next) throw fail.validation('The new password must differ from the current one', { field: 'newPassword' });
  assertPasswordAcceptable(next, context.user.username);
  await users.update(tx, context.user.id, { password_hash: await hashPassword(next), must_change_password: false });
  const others = (await store.liveSessionsOf(tx, context.user.id)).filter((s) => s.id !== context.session.id);
  for (const s of others) await store.revokeSessions(tx, context.user.id, s.id);
  await audit.record(tx, { actor: { userId: context.user.id, label: context.user.username, address: context.actor.address }, action: 'auth.password_change', targetType: 'user', targetId: context.user.id });
}

export async function logout(tx: Executor, context: SessionContext): Promise<void> {
  await store.revokeSessions(tx, context.user.id, context.session.id);
  await audit.record(tx, { actor: { userId: context.user.id, label: context.user.username, address: context.actor.address }, action: 'auth.logout', targetType: 'session', targetId: context.session.id.slice(0, 12) });
}

export interface SessionInfo { id: string; createdAt: Date; lastSeenAt: Date; address: string | null; userAgent: string | null; current: boolean }

export async function listSessions(db: Executor, context: SessionContext): Promise<SessionInfo[]> {
  return (await store.liveSessionsOf(db, context.user.id)).map((s) => ({
    id: s.id.slice(0, 16), createdAt: s.created_at, lastSeenAt: s.last_seen_at, address: s.address, userAgent: s.user_agent, current: s.id === context.session.id,
  }));
}

/** Sessions are named to their owner by a prefix of the stored hash, never by the cookie value. */
export async function revokeSession(tx: Executor, context: SessionContext, shortId: string): Promise<void> {
  const target = (await store.liveSessionsOf(tx, context.user.id)).find((s) => s.id.slice(0, 16) === shortId);
  if (!target) throw fail.notFound('Session');
  await store.revokeSessions(tx, context.user.id, target.id);
  await audit.record(tx, { actor: { userId: context.user.id, label: context.user.username, address: context.actor.address }, action: 'auth.session_revoke', targetType: 'session', targetId: shortId });
}
