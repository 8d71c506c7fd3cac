/**
 * How each sharing route keeps organisation A's user out of organisation B's collections, their
 * objects, grants and TAXII status resources. B owns a collection with a GREEN object posted
 * over TAXII, and an early warning of that indicator it sent; A's administrator has no grant on
 * it, so TAXII and the API must hide all of it.
 */
import { expect } from 'vitest';
import { newId } from '../../lib/crypto.ts';
import { expectHidden, expectNotListed, type GuardFixture, type ModuleGuards } from '../../testing/guards.ts';
import * as warnings from './advisories.store.ts';
import * as collections from './collections.store.ts';
import * as subscriptions from './subscriptions.store.ts';
import { bundle, indicator, taxiiAccept } from './sharing.fixtures.ts';

const taxiiHeaders = { accept: taxiiAccept };
const object = indicator('203.0.113.200', 'GREEN');
const objectId = object.id as string;
const base = (f: GuardFixture) => `/taxii2/api/collections/${f.records.sharingCollection}`;

export const guards: ModuleGuards = {
  async setup(f) {
    const id = newId();
    await collections.insert(f.ctx.db, { id, organisation_id: f.b.org, title: 'B private', description: '' });
    f.records.sharingCollection = id;
    const token = (await f.b.client.request('POST', '/api/tokens', { name: 'taxii', organisationId: f.b.org, role: 'operator', expiresInDays: 1 })).json().token;
    const posted = await f.ctx.app.inject({ method: 'POST', url: `${base(f)}/objects/`, headers: { authorization: `Bearer ${token}`, accept: taxiiAccept, 'content-type': taxiiAccept }, payload: JSON.stringify({ objects: [object] }) });
    expect(posted.statusCode, posted.body).toBe(202);
    expect(posted.json().success_count).toBe(1);
    f.records.sharingStatus = posted.json().id;
    f.records.sharingIndicatorWarning = newId();
    await warnings.insertWarnings(f.ctx.db, [{ id: f.records.sharingIndicatorWarning, organisation_id: f.b.org, stix_id: objectId, tlp: 1, indicator: JSON.stringify(object), sender_id: f.b.org, reasons: '["sector:energy"]' }]);
    f.records.sharingSubscription = newId();
    await subscriptions.insert(f.ctx.db, {
      id: f.records.sharingSubscription, organisation_id: f.b.org, created_by: f.b.user.id, name: 'B feed', api_root: 'http://127.0.0.1:9/taxii2/api/', remote_collection: 'x',
      token: 'secret', collection_id: id, interval_seconds: 3600, to_detection: false, enabled: true, added_after: null, next_run_at: new Date(Date.now() + 3_600_000), last_status: 'never', objects_imported: 0,
    });
  },
  checks: {
    'GET /api/sharing/collections': async (f) => expectNotListed(await f.a.client.request('GET', '/api/sharing/collections'), [f.records.sharingCollection]),
    'POST /api/sharing/collections': async (f) => expectHidden(await f.a.client.request('POST', '/api/sharing/collections', { organisationId: f.b.org, title: 'intrusion' })),
    'GET /api/sharing/collections/:id': async (f) => expectHidden(await f.a.client.request('GET', `/api/sharing/collections/${f.records.sharingCollection}`)),
    'PUT /api/sharing/collections/:id/grants/:organisationId': async (f) =>
      expectHidden(await f.a.client.request('PUT', `/api/sharing/collections/${f.records.sharingCollection}/grants/${f.a.org}`, { canRead: true, canWrite: true, maxTlp: 'AMBER' })),
    'DELETE /api/sharing/collections/:id/grants/:organisationId': async (f) =>
      expectHidden(await f.a.client.request('DELETE', `/api/sharing/collections/${f.records.sharingCollection}/grants/${f.a.org}`)),
    'POST /api/sharing/collections/:id/import': async (f) =>
      expectHidden(await f.a.client.request('POST', `/api/sharing/collections/${f.records.sharingCollection}/import`, { bundle: bundle([indicator('203.0.113.201', 'GREEN')]) })),
    'POST /api/sharing/collections/:id/misp': async (f) =>
      expectHidden(await f.a.client.request('POST', `/api/sharing/collections/${f.records.sharingCollection}/misp`, { event: { Attribute: [{ type: 'domain', value: 'x.example' }] } })),
    'POST /api/sharing/collections/:id/incidents': async (f) =>
      expectHidden(await f.a.client.request('POST', `/api/sharing/collections/${f.records.sharingCollection}/incidents`, { incidentId: newId() })),
    'GET /api/sharing/export': async (f) => {
      expectNotListed(await f.a.client.request('GET', '/api/sharing/export'), [objectId]);
      expectHidden(await f.a.client.request('GET', `/api/sharing/export?collectionId=${f.records.sharingCollection}`));
    },
    'GET /api/sharing/indicator-warnings': async (f) => expectNotListed(await f.a.client.request('GET', '/api/sharing/indicator-warnings'), [objectId]),
    'GET /api/sharing/indicators/:stixId/reach': async (f) => {
      const response = await f.a.client.request('GET', `/api/sharing/indicators/${objectId}/reach`);
      expectNotListed(response, [f.records.sharingIndicatorWarning, f.b.org]);
      expect(response.json().total).toBe(0);
    },
    'GET /api/sharing/subscriptions': async (f) => expectNotListed(await f.a.client.request('GET', '/api/sharing/subscriptions'), [f.records.sharingSubscription]),
    'POST /api/sharing/subscriptions': async (f) => expectHidden(await f.a.client.request('POST', '/api/sharing/subscriptions', {
      organisationId: f.b.org, name: 'intrusion', apiRoot: 'http://127.0.0.1:9/taxii2/api/', remoteCollection: 'x', token: 't', collectionId: f.records.sharingCollection,
    })),
    'GET /api/sharing/subscriptions/:id': async (f) => expectHidden(await f.a.client.request('GET', `/api/sharing/subscriptions/${f.records.sharingSubscription}`)),
    'PATCH /api/sharing/subscriptions/:id': async (f) => expectHidden(await f.a.client.request('PATCH', `/api/sharing/subscriptions/${f.records.sharingSubscription}`, { enabled: false })),
    'DELETE /api/sharing/subscriptions/:id': async (f) => expectHidden(await f.a.client.request('DELETE', `/api/sharing/subscriptions/${f.records.sharingSubscription}`)),
    'POST /api/sharing/subscriptions/:id/sync': async (f) => expectHidden(await f.a.client.request('POST', `/api/sharing/subscriptions/${f.records.sharingSubscription}/sync`)),
    'GET /taxii2/api/': async (f) => expectNotListed(await f.a.client.request('GET', '/taxii2/api/', undefined, taxiiHeaders), [f.records.sharingCollection]),
    'GET /taxii2/api/status/:statusId/': async (f) => expectHidden(await f.a.client.request('GET', `/taxii2/api/status/${f.records.sharingStatus}/`, undefined, taxiiHeaders)),
    'GET /taxii2/api/collections/': async (f) => expectNotListed(await f.a.client.request('GET', '/taxii2/api/collections/', undefined, taxiiHeaders), [f.records.sharingCollection]),
    'GET /taxii2/api/collections/:collectionId/': async (f) => expectHidden(await f.a.client.request('GET', `${base(f)}/`, undefined, taxiiHeaders)),
    'GET /taxii2/api/collections/:collectionId/manifest/': async (f) => expectHidden(await f.a.client.request('GET', `${base(f)}/manifest/`, undefined, taxiiHeaders)),
    'GET /taxii2/api/collections/:collectionId/objects/': async (f) => expectHidden(await f.a.client.request('GET', `${base(f)}/objects/`, undefined, taxiiHeaders)),
    'GET /taxii2/api/collections/:collectionId/objects/:objectId/': async (f) => expectHidden(await f.a.client.request('GET', `${base(f)}/objects/${objectId}/`, undefined, taxiiHeaders)),
    'GET /taxii2/api/collections/:collectionId/objects/:objectId/versions/': async (f) =>
      expectHidden(await f.a.client.request('GET', `${base(f)}/objects/${objectId}/versions/`, undefined, taxiiHeaders)),
    'POST /taxii2/api/collections/:collectionId/objects/': async (f) => {
      const response = await f.a.client.request('POST', `${base(f)}/objects/`, { objects: [indicator('203.0.113.202', 'GREEN')] }, { ...taxiiHeaders, 'content-type': taxiiAccept });
      expectHidden(response);
      const count = await f.ctx.db.selectFrom('sharing_collection_objects').select((eb) => eb.fn.countAll<number>().as('n')).where('collection_id', '=', f.records.sharingCollection).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    },
  },
};
