/** User administration. */
import { actorOf } from '../../http/auth.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { IdParams, UserBody, UserListQuery, UserPatchBody } from './identity.schema.ts';
import * as users from './users.service.ts';

const tags = ['users'];

export function userRoutes(app: App, { db }: RouteDeps): void {
  app.get('/api/users', { schema: { tags, summary: 'Users of the organisations you administer or audit', querystring: UserListQuery } },
    async (request) => ({ items: await users.list(db, actorOf(request), request.query.limit, request.query.offset) }));

  app.get('/api/users/:id', { schema: { tags, summary: 'One user', params: IdParams } },
    async (request) => users.get(db, actorOf(request), request.params.id));

  app.post('/api/users', { schema: { tags, summary: 'Create a user (must change the password at first sign-in)', body: UserBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => users.create(tx, actorOf(request), request.body))));

  app.patch('/api/users/:id', { schema: { tags, summary: 'Change, disable or re-assign a user', params: IdParams, body: UserPatchBody } },
    async (request) => db.transaction().execute((tx) => users.update(tx, actorOf(request), request.params.id, request.body)));

  app.post('/api/users/:id/mfa-reset', { schema: { tags, summary: "Reset a user's second factor", params: IdParams } },
    async (request, reply) => {
      await db.transaction().execute((tx) => users.resetMfa(tx, actorOf(request), request.params.id));
      return reply.code(204).send();
    });
}
