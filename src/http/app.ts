/**
 * The HTTP application: Fastify with strict validation, problem bodies, authentication,
 * OpenAPI, metrics, every module's routes and the web app.
 */
import crypto from 'node:crypto';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../lib/logger.ts';
import { installAuthentication } from './auth.ts';
import { installObservability } from './observability.ts';
import { installProblemHandlers } from './problem.ts';
import { routeModules } from './routes.ts';
import type { App } from './types.ts';
import { installValidators } from './validation.ts';
import { installWeb } from './web.ts';

export interface AppOptions {
  config: Config;
  db: Db;
  logger: Logger;
}

/** Every route as registered, so tests can prove each one is guarded. */
export interface RegisteredRoute {
  method: string;
  url: string;
  auth: string;
}

export async function buildApp({ config, db, logger }: AppOptions): Promise<App & { registeredRoutes: RegisteredRoute[] }> {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (request) => (typeof request.headers['x-request-id'] === 'string' && /^[\w-]{1,64}$/.test(request.headers['x-request-id']) ? request.headers['x-request-id'] : crypto.randomUUID()),
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const registeredRoutes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    // The API documentation pages are public like the document they show.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, auth: 'public' };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) registeredRoutes.push({ method, url: route.url, auth: (route.config as { auth?: string } | undefined)?.auth ?? 'any' });
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (!reply.hasHeader('cache-control') && request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  installValidators(app);
  installProblemHandlers(app);
  await app.register(cookie);
  installAuthentication(app, db, config);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Qalxan API', version: '0.1.0', description: 'National cybersecurity platform: identity, audit and the domain modules.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'qalxan_session' }, token: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const deps = { db, config };
  installObservability(app, deps);
  for (const register of routeModules) register(app, deps);
  await installWeb(app, deps);
  return Object.assign(app, { registeredRoutes });
}
