/** Sign-in, the MFA step, password change, MFA enrolment, logout and the caller's sessions. */
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { clearSessionCookie, sessionOf, setSessionCookie } from '../../http/auth.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import * as auth from './auth.service.ts';
import { EnrolmentVerifyBody, LoginBody, MfaBody, PasswordBody, SessionParams } from './identity.schema.ts';
import * as mfa from './mfa.service.ts';

const tags = ['auth'];

function clientOf(request: FastifyRequest): auth.Client {
  return { address: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

export function authRoutes(app: App, { db, config }: RouteDeps): void {
  const settings: auth.AuthSettings = {
    sessionTtlHours: config.sessionTtlHours, attemptsPerAccount: config.loginAttemptsPerAccount,
    attemptsPerAddress: config.loginAttemptsPerAddress, windowMinutes: config.loginWindowMinutes,
  };
  const everyStep: { allowPending: ('mfa' | 'password_change' | 'mfa_enrolment')[] } = { allowPending: ['mfa', 'password_change', 'mfa_enrolment'] };

  app.get('/api/auth/session', { schema: { tags, summary: 'The signed-in session' }, config: { auth: 'session', ...everyStep } },
    async (request) => auth.view(db, sessionOf(request)));

  // A coarse per-address limit in front of the per-account throttling kept in the database.
  app.register(async (limited: App) => {
    await limited.register(rateLimit, { max: Math.max(30, config.loginAttemptsPerAddress * 2), timeWindow: '1 minute' });
    limited.post('/api/auth/login', { schema: { tags, summary: 'Sign in with user name and password', body: LoginBody }, config: { auth: 'public' } },
      async (request, reply) => {
        const { token, context } = await auth.login(db, settings, request.body.username, request.body.password, clientOf(request));
        setSessionCookie(reply, config, token);
        return auth.view(db, context);
      });
  });

  app.post('/api/auth/mfa', { schema: { tags, summary: 'Pass the multi-factor step', body: MfaBody }, config: { auth: 'session', allowPending: ['mfa'] } },
    async (request) => {
      await mfa.verify(db, settings, sessionOf(request), request.body, clientOf(request));
      return auth.view(db, await auth.refresh(db, sessionOf(request)));
    });

  app.post('/api/auth/password', { schema: { tags, summary: 'Change your password', body: PasswordBody }, config: { auth: 'session', allowPending: ['password_change', 'mfa_enrolment'] } },
    async (request) => {
      await db.transaction().execute((tx) => auth.changePassword(tx, sessionOf(request), request.body.currentPassword, request.body.newPassword));
      return auth.view(db, await auth.refresh(db, sessionOf(request)));
    });

  app.post('/api/auth/mfa/enrolment', { schema: { tags, summary: 'Start TOTP enrolment' }, config: { auth: 'session', allowPending: ['mfa_enrolment'] } },
    async (request) => db.transaction().execute((tx) => mfa.startEnrolment(tx, sessionOf(request))));

  app.post('/api/auth/mfa/enrolment/verify', { schema: { tags, summary: 'Confirm TOTP enrolment; returns recovery codes once', body: EnrolmentVerifyBody }, config: { auth: 'session', allowPending: ['mfa_enrolment'] } },
    async (request) => ({ recoveryCodes: await db.transaction().execute((tx) => mfa.confirmEnrolment(tx, sessionOf(request), request.body.code)) }));

  app.post('/api/auth/logout', { schema: { tags, summary: 'End this session' }, config: { auth: 'session', ...everyStep } },
    async (request, reply) => {
      await db.transaction().execute((tx) => auth.logout(tx, sessionOf(request)));
      clearSessionCookie(reply, config);
      return reply.code(204).send();
    });

  app.get('/api/auth/sessions', { schema: { tags, summary: 'Your open sessions' }, config: { auth: 'session' } },
    async (request) => ({ items: await auth.listSessions(db, sessionOf(request)) }));

  app.delete('/api/auth/sessions/:id', { schema: { tags, summary: 'Revoke one of your sessions', params: SessionParams }, config: { auth: 'session' } },
    async (request, reply) => {
      await db.transaction().execute((tx) => auth.revokeSession(tx, sessionOf(request), request.params.id));
      return reply.code(204).send();
    });
}
