import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, createTestApp, makeUser, nationalCertId, signIn, testPassword, totpNow, type TestContext } from '../../testing/app.ts';

let ctx: TestContext;
beforeAll(async () => { ctx = await createTestApp({ QALXAN_LOGIN_ATTEMPTS_PER_ACCOUNT: '3' }); });
afterAll(async () => ctx.close());

function cookieOf(response: { headers: Record<string, unknown> }): string {
  return ([response.headers['set-cookie']].flat()[0] as string);
}

describe('signing in', () => {
  it('sets an HttpOnly SameSite=Strict session cookie and never stores the plain password', async () => {
    const user = await makeUser(ctx, [{ organisationId: await nationalCertId(ctx), role: 'cert_analyst' }]);
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: testPassword } });
    expect(response.statusCode).toBe(200);
    expect(cookieOf(response)).toMatch(/HttpOnly/);
    expect(cookieOf(response)).toMatch(/SameSite=Strict/);
    const row = await ctx.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(testPassword);
  });

  it('rejects a wrong password with 401 and a problem body, and audits the failure', async () => {
    const user = await makeUser(ctx, [{ organisationId: await nationalCertId(ctx), role: 'operator' }]);
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'wrong-password-123' } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('unauthenticated');
    const audited = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login_failed').where('target_id', '=', user.id).execute();
    expect(audited).toHaveLength(1);
  });

  it('throttles an account after repeated failures with 429 and Retry-After, even for the right password', async () => {
    const user = await makeUser(ctx, [{ organisationId: await nationalCertId(ctx), role: 'operator' }]);
    for (let i = 0; i < 3; i += 1) {
      const r = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: `wrong-password-${i}xx` } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: testPassword } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('requires the TOTP step for an enrolled user and refuses a replayed code', async () => {
    const user = await makeUser(ctx, [{ organisationId: await nationalCertId(ctx), role: 'coordinator' }]);
    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: testPassword } });
    expect(login.json().pending).toBe('mfa');
    const client = clientFor(ctx, cookieOf(login).split(';')[0], login.json().csrfToken);
    expect((await client.request('GET', '/api/organisations')).statusCode).toBe(401);
    const code = totpNow(user.totpSecret!);
    expect((await client.request('POST', '/api/auth/mfa', { code })).statusCode).toBe(200);
    expect((await client.request('GET', '/api/organisations')).statusCode).toBe(200);

    const again = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: testPassword } });
    const second = clientFor(ctx, cookieOf(again).split(';')[0], again.json().csrfToken);
    const replay = await second.request('POST', '/api/auth/mfa', { code });
    expect(replay.statusCode).toBe(401);
    const expired = await second.request('POST', '/api/auth/mfa', { code: totpNow(user.totpSecret!, -4) });
    expect(expired.statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const user = await makeUser(ctx, [{ organisationId: await nationalCertId(ctx), role: 'cert_analyst' }]);
    const client = await signIn(ctx, user);
    const response = await client.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'forged' });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('csrf');
    expect((await client.request('GET', '/api/auth/session')).statusCode).toBe(200);
  });

  it('ends the session on logout and on revocation from another session', async () => {
    const user = await makeUser(ctx, [{ organisationId: await nationalCertId(ctx), role: 'cert_analyst' }]);
    const first = await signIn(ctx, user);
    const second = await signIn(ctx, user);
    const sessions = (await second.request('GET', '/api/auth/sessions')).json().items as { id: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s) => !s.current)!;
    expect((await second.request('DELETE', `/api/auth/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await first.request('GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await second.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await second.request('GET', '/api/auth/session')).statusCode).toBe(401);
  });

  it('rejects a forged session cookie', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: 'qalxan_session=forged-value' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('unauthenticated');
  });
});

describe('first sign-in of a privileged user', () => {
  it('forces a password change, then MFA enrolment with recovery codes, before anything else', async () => {
    const user = await makeUser(ctx, [{ organisationId: await nationalCertId(ctx), role: 'admin' }], { fresh: true });
    const client = await signIn(ctx, user);
    expect((await client.request('GET', '/api/auth/session')).json().pending).toBe('password_change');
    expect((await client.request('GET', '/api/organisations')).json().code).toBe('password_change_required');

    const weak = await client.request('POST', '/api/auth/password', { currentPassword: testPassword, newPassword: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().detail).toMatch(/common/);
    const short = await client.request('POST', '/api/auth/password', { currentPassword: testPassword, newPassword: 'Short-1a' });
    expect(short.json().detail).toMatch(/at least 12/);
    const changed = await client.request('POST', '/api/auth/password', { currentPassword: testPassword, newPassword: 'A-new-and-long-passphrase' });
    expect(changed.json().pending).toBe('mfa_enrolment');
    expect((await client.request('GET', '/api/organisations')).json().code).toBe('mfa_enrolment_required');

    const enrolment = (await client.request('POST', '/api/auth/mfa/enrolment')).json();
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrolment.otpauthUrl).toContain('otpauth://totp/');
    const wrong = await client.request('POST', '/api/auth/mfa/enrolment/verify', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    const confirmed = await client.request('POST', '/api/auth/mfa/enrolment/verify', { code: totpNow(enrolment.secret) });
    const codes = confirmed.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await client.request('GET', '/api/organisations')).statusCode).toBe(200);

    const next = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'A-new-and-long-passphrase' } });
    const recovering = clientFor(ctx, cookieOf(next).split(';')[0], next.json().csrfToken);
    expect((await recovering.request('POST', '/api/auth/mfa', { recoveryCode: codes[0] })).statusCode).toBe(200);
    const reuse = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'A-new-and-long-passphrase' } });
    const reusing = clientFor(ctx, cookieOf(reuse).split(';')[0], reuse.json().csrfToken);
    expect((await reusing.request('POST', '/api/auth/mfa', { recoveryCode: codes[0] })).statusCode).toBe(401);
  });
});
