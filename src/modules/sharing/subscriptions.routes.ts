/** Subscriptions to remote TAXII collections over HTTP: managed by an organisation's admins and CERT analysts; status and runs visible. */
import { actorOf } from '../../http/auth.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { IdParams, SubscriptionBody, SubscriptionPatch } from './sharing.schema.ts';
import * as subscriptions from './subscriptions.service.ts';

const tags = ['sharing'];

export function subscriptionRoutes(app: App, deps: RouteDeps): void {
  const { db } = deps;
  app.get('/api/sharing/subscriptions', { schema: { tags, summary: 'Subscriptions of organisations you manage, with their last sync status' } },
    async (request) => ({ items: await subscriptions.list(db, actorOf(request)) }));

  app.post('/api/sharing/subscriptions', { schema: { tags, summary: 'Subscribe a collection you may write to a remote TAXII 2.1 collection (polled on its interval)', body: SubscriptionBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => subscriptions.create(tx, actorOf(request), request.body))));

  app.get('/api/sharing/subscriptions/:id', { schema: { tags, summary: 'One subscription with its recent sync runs (counts or error)', params: IdParams } },
    async (request) => subscriptions.get(db, actorOf(request), request.params.id));

  app.patch('/api/sharing/subscriptions/:id', { schema: { tags, summary: 'Pause, resume or change the interval', params: IdParams, body: SubscriptionPatch } },
    async (request) => db.transaction().execute((tx) => subscriptions.change(tx, actorOf(request), request.params.id, request.body)));

  app.delete('/api/sharing/subscriptions/:id', { schema: { tags, summary: 'Remove a subscription (imported objects stay)', params: IdParams } },
    async (request, reply) => {
      await db.transaction().execute((tx) => subscriptions.remove(tx, actorOf(request), request.params.id));
      return reply.code(204).send();
    });

  app.post('/api/sharing/subscriptions/:id/sync', { schema: { tags, summary: 'Poll the remote collection now', params: IdParams } },
    async (request) => subscriptions.syncNow(db, actorOf(request), request.params.id));
}
