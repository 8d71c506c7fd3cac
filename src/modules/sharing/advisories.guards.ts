/**
 * How each advisory route keeps organisation A's user out of organisation B's records: B writes
 * a draft and publishes an AMBER advisory that warns only B, and has its own profile; A (admin
 * and auditor of A, not warned) must neither see nor change any of it.
 */
import { newId } from '../../lib/crypto.ts';
import { expectHidden, expectNotListed, type GuardFixture, type ModuleGuards } from '../../testing/guards.ts';
import * as store from './advisories.store.ts';
import { tlpRank } from './tlp.ts';

async function insertAdvisory(f: GuardFixture, status: 'draft' | 'published', tlp: number): Promise<string> {
  const id = newId();
  const text = `B ${status} advisory`;
  await store.insert(f.ctx.db, {
    id, organisation_id: f.b.org, status, tlp, severity: 'high', title_az: text, title_en: text, summary_az: '', summary_en: '', body_az: '', body_en: '',
    actions_az: '', actions_en: '', sectors: '["energy"]', products: '[]', cves: '[]', created_by: f.b.user.id, published_at: status === 'published' ? new Date() : null,
  });
  return id;
}

const body = { tlp: 'CLEAR', severity: 'low', title: { az: 'x', en: 'x' }, summary: { az: '', en: '' }, body: { az: '', en: '' }, actions: { az: '', en: '' }, sectors: [], products: [], cves: [] };

export const guards: ModuleGuards = {
  async setup(f) {
    f.records.advisoryDraft = await insertAdvisory(f, 'draft', tlpRank('GREEN'));
    f.records.advisoryAmber = await insertAdvisory(f, 'published', tlpRank('AMBER'));
    await store.upsertSubscription(f.ctx.db, { organisation_id: f.b.org, sectors: '["energy"]', keywords: '["bvpn-secret-keyword"]', use_cii_sectors: false });
    f.records.advisoryWarning = newId();
    await store.insertWarnings(f.ctx.db, [{ id: f.records.advisoryWarning, organisation_id: f.b.org, advisory_id: f.records.advisoryAmber, reasons: '["sector:energy"]' }]);
  },
  checks: {
    'GET /api/advisories': async (f) => expectNotListed(await f.a.client.request('GET', '/api/advisories'), [f.records.advisoryDraft, f.records.advisoryAmber]),
    'POST /api/advisories': async (f) => expectHidden(await f.a.client.request('POST', '/api/advisories', { organisationId: f.b.org, ...body })),
    'GET /api/advisories/subscriptions': async (f) => expectNotListed(await f.a.client.request('GET', '/api/advisories/subscriptions'), [f.b.org, 'bvpn-secret-keyword']),
    'PUT /api/advisories/subscriptions/:organisationId': async (f) =>
      expectHidden(await f.a.client.request('PUT', `/api/advisories/subscriptions/${f.b.org}`, { sectors: [], keywords: [] })),
    'GET /api/advisories/warnings': async (f) => expectNotListed(await f.a.client.request('GET', '/api/advisories/warnings'), [f.records.advisoryWarning, f.records.advisoryAmber]),
    'POST /api/advisories/warnings/:id/open': async (f) => expectHidden(await f.a.client.request('POST', `/api/advisories/warnings/${f.records.advisoryWarning}/open`)),
    'GET /api/advisories/:id': async (f) => {
      expectHidden(await f.a.client.request('GET', `/api/advisories/${f.records.advisoryDraft}`));
      expectHidden(await f.a.client.request('GET', `/api/advisories/${f.records.advisoryAmber}`));
    },
    'PATCH /api/advisories/:id': async (f) => expectHidden(await f.a.client.request('PATCH', `/api/advisories/${f.records.advisoryDraft}`, { severity: 'low' })),
    'POST /api/advisories/:id/publish': async (f) => expectHidden(await f.a.client.request('POST', `/api/advisories/${f.records.advisoryDraft}/publish`)),
    'GET /api/advisories/:id/reach': async (f) => expectHidden(await f.a.client.request('GET', `/api/advisories/${f.records.advisoryAmber}/reach`)),
  },
};
