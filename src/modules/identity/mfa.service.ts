/** The second factor: TOTP enrolment with recovery codes, and the MFA step of sign-in. */
import crypto from 'node:crypto';
import type { Db, Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import * as audit from '../audit/audit.service.ts';
import { assertNotThrottled, rejectAttempt, type AuthSettings, type Client, type SessionContext } from './auth.service.ts';
import * as sessions from './auth.store.ts';
import { checkTotp, enrolmentFor, newTotpSecret, type TotpEnrolment } from './totp.ts';
import * as users from './users.store.ts';

function actorOf(context: SessionContext) {
  return { userId: context.user.id, label: context.user.username, address: context.actor.address };
}

function normaliseRecoveryCode(code: string): string {
  return code.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Ten codes of 10 base-32 characters (50 bits each), shown once and stored hashed. */
function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from({ length: 10 }, () => {
    const chars = Array.from(crypto.randomBytes(10), (b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export async function verify(db: Db, settings: AuthSettings, context: SessionContext, input: { code?: string; recoveryCode?: string }, client: Client): Promise<void> {
  if (context.pending !== 'mfa') throw fail.conflict('This session has no MFA step to pass');
  const { user } = context;
  await assertNotThrottled(db, settings, user.username, client);
  if (input.recoveryCode) {
    const used = await db.transaction().execute(async (tx) => {
      if (!(await users.useRecoveryCode(tx, user.id, sha256Hex(normaliseRecoveryCode(input.recoveryCode!))))) return false;
      await sessions.touchSession(tx, context.session.id, { mfa_passed: true });
      await audit.record(tx, { actor: actorOf(context), action: 'auth.mfa_recovery_code_used', targetType: 'user', targetId: user.id });
      return true;
    });
    if (!used) await rejectAttempt(db, user.username, client, 'auth.mfa_failed', fail.unauthenticated('Wrong or used recovery code'));
    return;
  }
  const step = checkTotp(user.mfa_secret ?? '', input.code ?? '', user.mfa_last_step);
  if (step === null) await rejectAttempt(db, user.username, client, 'auth.mfa_failed', fail.unauthenticated('Wrong, expired or already used code'));
  await db.transaction().execute(async (tx) => {
    await users.update(tx, user.id, { mfa_last_step: step });
    await sessions.touchSession(tx, context.session.id, { mfa_passed: true });
    await audit.record(tx, { actor: actorOf(context), action: 'auth.mfa_passed', targetType: 'user', targetId: user.id });
  });
}

/** Starts (or restarts) enrolment; the secret takes effect only once a code from it is confirmed. */
export async function startEnrolment(tx: Executor, context: SessionContext): Promise<TotpEnrolment> {
  if (context.user.mfa_enabled) throw fail.conflict('Multi-factor authentication is already on; ask an administrator to reset it');
  const secret = newTotpSecret();
  await users.update(tx, context.user.id, { mfa_secret: secret });
  await audit.record(tx, { actor: actorOf(context), action: 'auth.mfa_enrolment_start', targetType: 'user', targetId: context.user.id });
  return enrolmentFor(secret, context.user.username);
}

export async function confirmEnrolment(tx: Executor, context: SessionContext, code: string): Promise<string[]> {
  const user = await users.getById(tx, context.user.id);
  if (!user?.mfa_secret || user.mfa_enabled) throw fail.conflict('Start enrolment first');
  const step = checkTotp(user.mfa_secret, code, user.mfa_last_step);
  if (step === null) throw fail.validation('Wrong or expired code', { field: 'code' });
  const codes = newRecoveryCodes();
  await users.update(tx, user.id, { mfa_enabled: true, mfa_last_step: step });
  await users.replaceRecoveryCodes(tx, user.id, codes.map((c) => sha256Hex(normaliseRecoveryCode(c))));
  await sessions.touchSession(tx, context.session.id, { mfa_passed: true });
  await audit.record(tx, { actor: actorOf(context), action: 'auth.mfa_enrolled', targetType: 'user', targetId: user.id });
  return codes;
}
