/** How each CII route keeps organisation A's user out of organisation B's registry records. */
import { expect } from 'vitest';
import { expectHidden, expectNotListed, type ModuleGuards } from '../../testing/guards.ts';

const secret = 'B-SECRET-BUNKER-7';
const object = (organisationId: string, name: string) => ({
  organisationId, name, sector: 'energy', criticality: 'I', location: secret, contacts: [{ name: secret, role: 'x', phone: '1', email: 'b@example.az' }],
});

export const guards: ModuleGuards = {
  async setup(f) {
    const b = f.b.client;
    f.records.object = (await b.request('POST', '/api/cii/objects', object(f.b.org, 'B grid'))).json().id;
    f.records.object2 = (await b.request('POST', '/api/cii/objects', object(f.b.org, 'B plant'))).json().id;
    f.records.dependency = (await b.request('POST', '/api/cii/dependencies', { dependentId: f.records.object2, supplierId: f.records.object, kind: 'power', strength: 'high' })).json().id;
    f.records.plan = (await b.request('PUT', `/api/cii/objects/${f.records.object}/plan`, { rtoHours: 4, rpoHours: 1, steps: [{ title: secret, owner: 'x', durationHours: 1 }], reviewDate: null })).json().id;
    expect(Object.values(f.records).filter(Boolean)).toHaveLength(Object.keys(f.records).length);
  },
  checks: {
    'GET /api/cii/objects': async (f) => expectNotListed(await f.a.client.request('GET', '/api/cii/objects'), [f.records.object, secret]),
    'GET /api/cii/objects/:id': async (f) => expectHidden(await f.a.client.request('GET', `/api/cii/objects/${f.records.object}`)),
    'POST /api/cii/objects': async (f) => expectHidden(await f.a.client.request('POST', '/api/cii/objects', object(f.b.org, 'intruder'))),
    'PATCH /api/cii/objects/:id': async (f) => expectHidden(await f.a.client.request('PATCH', `/api/cii/objects/${f.records.object}`, { name: 'taken' })),
    'PUT /api/cii/objects/:id/plan': async (f) => expectHidden(await f.a.client.request('PUT', `/api/cii/objects/${f.records.object}/plan`, { rtoHours: 1, rpoHours: 1, steps: [], reviewDate: null })),
    // The directory names every object (operators need it to declare dependencies), never its details.
    'GET /api/cii/directory': async (f) => expectNotListed(await f.a.client.request('GET', '/api/cii/directory'), [secret]),
    'GET /api/cii/dependencies': async (f) => expectNotListed(await f.a.client.request('GET', '/api/cii/dependencies'), [f.records.dependency]),
    'POST /api/cii/dependencies': async (f) => expectHidden(await f.a.client.request('POST', '/api/cii/dependencies', { dependentId: f.records.object, supplierId: f.records.object2, kind: 'data', strength: 'low' })),
    'DELETE /api/cii/dependencies/:id': async (f) => expectHidden(await f.a.client.request('DELETE', `/api/cii/dependencies/${f.records.dependency}`)),
    'POST /api/cii/cascade': async (f) => {
      const response = await f.a.client.request('POST', '/api/cii/cascade', { failedIds: [f.records.object] });
      expectNotListed(response, [secret]);
      expect(response.json().impacts.map((i: { id: string }) => i.id)).toContain(f.records.object2);
    },
    'GET /api/cii/reach': async (f) => expectNotListed(await f.a.client.request('GET', '/api/cii/reach'), [secret]),
    'GET /api/cii/plans': async (f) => expectNotListed(await f.a.client.request('GET', '/api/cii/plans'), [f.records.plan, secret]),
    'GET /api/cii/plans/:id': async (f) => expectHidden(await f.a.client.request('GET', `/api/cii/plans/${f.records.plan}`)),
    'POST /api/cii/plans/:id/exercises': async (f) => expectHidden(await f.a.client.request('POST', `/api/cii/plans/${f.records.plan}/exercises`, { heldOn: '2026-01-01', result: 'passed' })),
    'GET /api/cii/plan-document': async (f) => expectHidden(await f.a.client.request('GET', `/api/cii/plan-document?organisationId=${f.b.org}`)),
  },
};
