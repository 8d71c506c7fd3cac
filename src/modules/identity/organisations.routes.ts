/** Organisations: list, read, create, change. */
import { actorOf } from '../../http/auth.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { IdParams, OrganisationBody, OrganisationPatchBody } from './identity.schema.ts';
import * as organisations from './organisations.service.ts';

const tags = ['organisations'];

export function organisationRoutes(app: App, { db }: RouteDeps): void {
  app.get('/api/organisations', { schema: { tags, summary: 'Organisations you may see' } },
    async (request) => ({ items: await organisations.list(db, actorOf(request)) }));

  app.get('/api/organisations/:id', { schema: { tags, summary: 'One organisation', params: IdParams } },
    async (request) => organisations.get(db, actorOf(request), request.params.id));

  app.post('/api/organisations', { schema: { tags, summary: 'Create an organisation', body: OrganisationBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => organisations.create(tx, actorOf(request), request.body))));

  app.patch('/api/organisations/:id', { schema: { tags, summary: 'Change an organisation', params: IdParams, body: OrganisationPatchBody } },
    async (request) => db.transaction().execute((tx) => organisations.update(tx, actorOf(request), request.params.id, request.body)));
}
