/** The caller's API tokens. */
import { actorOf } from '../../http/auth.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { IdParams, TokenBody } from './identity.schema.ts';
import * as tokens from './tokens.service.ts';

const tags = ['tokens'];

export function tokenRoutes(app: App, { db }: RouteDeps): void {
  app.get('/api/tokens', { schema: { tags, summary: 'Your API tokens' } },
    async (request) => ({ items: await tokens.list(db, actorOf(request)) }));

  app.post('/api/tokens', { schema: { tags, summary: 'Create an API token (shown once)', body: TokenBody }, config: { auth: 'session' } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => tokens.create(tx, actorOf(request), request.body))));

  app.delete('/api/tokens/:id', { schema: { tags, summary: 'Revoke an API token', params: IdParams } },
    async (request, reply) => {
      await db.transaction().execute((tx) => tokens.revoke(tx, actorOf(request), request.params.id));
      return reply.code(204).send();
    });
}
