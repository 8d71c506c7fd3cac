/**
 * Advisories and early warnings under /api/advisories: CERT advisories (draft, edit, publish,
 * reach), organisations' subscription profiles, the warnings an organisation received with read
 * receipts, and the public RSS feed of TLP:CLEAR advisories.
 */
import { actorOf } from '../../http/auth.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { rss } from './advisories.feed.ts';
import { AdvisoryBody, AdvisoryPatch, AdvisorySubscriptionBody, OrganisationParams } from './advisories.schema.ts';
import * as advisories from './advisories.service.ts';
import { IdParams } from './sharing.schema.ts';
import * as warnings from './warnings.service.ts';

const tags = ['advisories'];

export function advisoryRoutes(app: App, deps: RouteDeps): void {
  const { db } = deps;
  app.get('/api/advisories/feed.xml', { schema: { tags, summary: 'RSS 2.0 feed of published TLP:CLEAR advisories (public)' }, config: { auth: 'public' } },
    async (request, reply) => reply.type('application/rss+xml; charset=utf-8').send(rss(await advisories.publicFeed(db), `${request.protocol}://${request.host}`)));

  app.get('/api/advisories', { schema: { tags, summary: 'Advisories the caller may read: published ones by TLP, and drafts of organisations it writes for' } },
    async (request) => ({ items: await advisories.list(db, actorOf(request)) }));

  app.post('/api/advisories', { schema: { tags, summary: 'Write a draft advisory (CERT analysts and coordinators of the organisation)', body: AdvisoryBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => advisories.create(tx, actorOf(request), request.body))));

  app.get('/api/advisories/subscriptions', { schema: { tags, summary: 'Early-warning profiles of organisations the caller manages' } },
    async (request) => ({ items: await advisories.subscriptions(db, actorOf(request)) }));

  app.put('/api/advisories/subscriptions/:organisationId', { schema: { tags, summary: 'Set an organisation\'s profile: sectors, product keywords, and whether its CII objects\' sectors count', params: OrganisationParams, body: AdvisorySubscriptionBody } },
    async (request) => db.transaction().execute((tx) => advisories.subscribe(tx, actorOf(request), request.params.organisationId, request.body)));

  app.get('/api/advisories/warnings', { schema: { tags, summary: 'Early warnings received by the caller\'s organisations, with whether the caller opened each' } },
    async (request) => ({ items: await warnings.received(db, actorOf(request)) }));

  app.post('/api/advisories/warnings/:id/open', { schema: { tags, summary: 'Open a warning: records the read receipt and returns the advisory, or the indicator as it was sent', params: IdParams } },
    async (request) => db.transaction().execute((tx) => advisories.openWarning(tx, actorOf(request), request.params.id)));

  app.get('/api/advisories/:id', { schema: { tags, summary: 'One advisory (by the TLP rule)', params: IdParams } },
    async (request) => advisories.get(db, actorOf(request), request.params.id));

  app.patch('/api/advisories/:id', { schema: { tags, summary: 'Edit a draft', params: IdParams, body: AdvisoryPatch } },
    async (request) => db.transaction().execute((tx) => advisories.change(tx, actorOf(request), request.params.id, request.body)));

  app.post('/api/advisories/:id/publish', { schema: { tags, summary: 'Publish a draft and warn every organisation whose profile matches (in-app and signed webhook)', params: IdParams } },
    async (request) => db.transaction().execute((tx) => advisories.publish(tx, actorOf(request), request.params.id)));

  app.get('/api/advisories/:id/reach', { schema: { tags, summary: 'Which warned organisations opened the advisory, who and when, and webhook delivery status', params: IdParams } },
    async (request) => advisories.reach(db, actorOf(request), request.params.id));
}
