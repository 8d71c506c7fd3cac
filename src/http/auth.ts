/**
 * Authentication for every route, before its body is read: a session cookie (with CSRF check
 * on writes) or an API token. Routes say `config.auth` = 'public' | 'session' | 'any' (default).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { AppError, fail } from '../lib/errors.ts';
import { safeEqual } from '../lib/crypto.ts';
import * as auth from '../modules/identity/auth.service.ts';
import type { Pending, SessionContext } from '../modules/identity/auth.service.ts';
import type { Actor } from '../modules/identity/identity.policy.ts';
import * as tokens from '../modules/identity/tokens.service.ts';

export type AuthMode = 'public' | 'session' | 'any';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthMode;
    /** Session steps that may still be pending when calling this route. */
    allowPending?: Exclude<Pending, null>[];
  }
  interface FastifyRequest {
    actor?: Actor;
    session?: SessionContext;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const pendingErrors: Record<Exclude<Pending, null>, AppError> = {
  mfa: new AppError('mfa_required', 'Enter your multi-factor code first'),
  password_change: new AppError('password_change_required', 'Change your password first'),
  mfa_enrolment: new AppError('mfa_enrolment_required', 'Your role requires multi-factor authentication: enrol first'),
};

export function sessionCookieName(config: Config): string {
  return config.secureCookies ? '__Host-qalxan_session' : 'qalxan_session';
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(sessionCookieName(config), token, {
    httpOnly: true, sameSite: 'strict', secure: config.secureCookies, path: '/', maxAge: config.sessionTtlHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(config), { path: '/', httpOnly: true, sameSite: 'strict', secure: config.secureCookies });
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, value] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer') return value?.trim();
  if (scheme?.toLowerCase() === 'basic' && value) {
    // Clients that only speak Basic send the token as the password; a password never works here.
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1);
  }
  return undefined;
}

async function authenticate(db: Db, config: Config, request: FastifyRequest, mode: AuthMode): Promise<void> {
  const token = bearerToken(request);
  if (token !== undefined) {
    if (mode === 'session') throw fail.forbidden('This route needs a signed-in session, not an API token');
    const actor = await tokens.authenticate(db, token, request.ip);
    if (!actor) throw fail.unauthenticated('Invalid, expired or revoked API token');
    request.actor = actor;
    return;
  }
  const cookie = request.cookies[sessionCookieName(config)];
  if (!cookie) throw fail.unauthenticated();
  const context = await auth.authenticateSession(db, cookie, request.ip);
  if (!context) throw fail.unauthenticated('Your session has ended; sign in again');
  if (!safeMethods.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, context.session.csrf_token)) {
      throw new AppError('csrf', 'Missing or wrong x-csrf-token header');
    }
  }
  const allowed = request.routeOptions.config.allowPending ?? [];
  if (context.pending && !allowed.includes(context.pending)) throw pendingErrors[context.pending];
  request.session = context;
  request.actor = context.actor;
}

export function installAuthentication(app: FastifyInstance, db: Db, config: Config): void {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('session', undefined);
  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.url) return;
    const mode = request.routeOptions.config.auth ?? 'any';
    if (mode === 'public') return;
    await authenticate(db, config, request, mode);
  });
}

/** The caller of a route that is not public; routes use it instead of the optional field. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw fail.unauthenticated();
  return request.actor;
}

export function sessionOf(request: FastifyRequest): SessionContext {
  if (!request.session) throw fail.unauthenticated('This route needs a signed-in session');
  return request.session;
}
