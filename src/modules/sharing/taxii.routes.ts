/**
 * TAXII 2.1 at /taxii2/ in its own Fastify scope: its own JSON parser for the TAXII media type,
 * and its own error and not-found handlers so that every error — authentication included —
 * answers with the TAXII error resource. Authentication is the platform's (API token as Bearer or
 * as the Basic password); discovery is public, as it names only the API root.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../http/auth.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { fail } from '../../lib/errors.ts';
import * as posts from './posts.service.ts';
import { checkAccept, checkContentType, sendTaxiiError, taxiiType } from './taxii.http.ts';
import { parseFilters } from './taxii.query.ts';
import * as taxii from './taxii.service.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Largest envelope accepted by POST, announced as max_content_length. */
export const maxContentLength = 64 * 1024 * 1024;

type Params = { collectionId?: string; objectId?: string; statusId?: string };

function collectionOf(request: FastifyRequest): string {
  const id = (request.params as Params).collectionId ?? '';
  if (!uuid.test(id)) throw fail.notFound('Collection');
  return id;
}

function send(reply: FastifyReply, body: unknown, page?: { first?: string; last?: string }): FastifyReply {
  if (page?.first) reply.header('X-TAXII-Date-Added-First', page.first);
  if (page?.last) reply.header('X-TAXII-Date-Added-Last', page.last);
  return reply.type(taxiiType).send(typeof body === 'string' ? body : JSON.stringify(body));
}

export function taxiiRoutes(app: App, deps: RouteDeps): void {
  const { db } = deps;
  const hide = { hide: true };
  app.register(async (scope) => {
    scope.setErrorHandler((error, _request, reply) => sendTaxiiError(reply, error));
    scope.setNotFoundHandler((request, reply) => sendTaxiiError(reply, fail.notFound(`TAXII resource ${request.url.split('?')[0]}`)));
    // Fastify rewrites a media type's parameters (version="2.1"; charset=…); TAXII wants it exact.
    scope.addHook('onSend', async (_request, reply, payload) => {
      if (String(reply.getHeader('content-type') ?? '').startsWith('application/taxii+json')) reply.header('content-type', taxiiType);
      return payload;
    });
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(/^application\/(taxii|stix)\+json/i, { parseAs: 'string', bodyLimit: maxContentLength }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(Object.assign(new Error('The body is not valid JSON'), { statusCode: 400 }), undefined);
      }
    });
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: maxContentLength }, (_request, _body, done) => done(null, undefined));

    const route = (url: string, stixAllowed: boolean, handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) =>
      scope.get(url, { schema: hide, prefixTrailingSlash: 'slash' }, async (request, reply) => {
        checkAccept(request, stixAllowed);
        return handler(request, reply);
      });

    scope.get('/', { schema: hide, prefixTrailingSlash: 'slash', config: { auth: 'public' } }, async (request, reply) => {
      checkAccept(request, false);
      const base = `${request.protocol}://${request.host}/taxii2`;
      return send(reply, { title: 'Qalxan TAXII 2.1', description: 'Threat information shared between CERTs', contact: 'National CERT', default: `${base}/api/`, api_roots: [`${base}/api/`] });
    });

    route('/api/', false, async (request, reply) => {
      actorOf(request);
      return send(reply, { title: 'Qalxan', description: 'Collections of STIX 2.1 objects, TLP enforced per organisation', versions: [taxiiType], max_content_length: maxContentLength });
    });

    route('/api/status/:statusId/', false, async (request, reply) => {
      const id = (request.params as Params).statusId ?? '';
      if (!uuid.test(id)) throw fail.notFound('Status');
      return send(reply, await posts.status(db, actorOf(request), id));
    });

    route('/api/collections/', false, async (request, reply) => send(reply, await taxii.listCollections(db, actorOf(request))));

    route('/api/collections/:collectionId/', false, async (request, reply) => send(reply, await taxii.collection(db, actorOf(request), collectionOf(request))));

    route('/api/collections/:collectionId/manifest/', false, async (request, reply) => {
      const filters = parseFilters(request.query as Record<string, unknown>, { versionDefault: 'last', allowVersion: true });
      const page = await taxii.manifest(db, actorOf(request), collectionOf(request), filters);
      return send(reply, page.body, page);
    });

    route('/api/collections/:collectionId/objects/', true, async (request, reply) => {
      const filters = parseFilters(request.query as Record<string, unknown>, { versionDefault: 'last', allowVersion: true });
      const page = await taxii.objectsPage(db, actorOf(request), collectionOf(request), filters);
      return send(reply, page.body, page);
    });

    route('/api/collections/:collectionId/objects/:objectId/', true, async (request, reply) => {
      const filters = parseFilters(request.query as Record<string, unknown>, { versionDefault: 'last', allowVersion: true });
      const page = await taxii.objectsPage(db, actorOf(request), collectionOf(request), filters, (request.params as Params).objectId);
      return send(reply, page.body, page);
    });

    route('/api/collections/:collectionId/objects/:objectId/versions/', false, async (request, reply) => {
      const filters = parseFilters(request.query as Record<string, unknown>, { versionDefault: 'all', allowVersion: false });
      const page = await taxii.versions(db, actorOf(request), collectionOf(request), (request.params as Params).objectId ?? '', filters);
      return send(reply, page.body, page);
    });

    scope.post('/api/collections/:collectionId/objects/', { schema: hide, prefixTrailingSlash: 'slash', bodyLimit: maxContentLength }, async (request, reply) => {
      checkAccept(request, false);
      checkContentType(request);
      const actor = actorOf(request);
      const id = collectionOf(request);
      const status = await db.transaction().execute((tx) => posts.addObjects(tx, actor, id, request.body));
      return send(reply.code(202), status);
    });
  }, { prefix: '/taxii2' });
}
