/** How each risk route keeps organisation A's user out of organisation B's register. */
import { expect } from 'vitest';
import { expectHidden, expectNotListed, type ModuleGuards } from '../../testing/guards.ts';
import { seedThreatTaxonomy } from './taxonomy.service.ts';

const threatClass = 'enisa:ransomware';
const risk = (organisationId: string) => ({
  organisationId, title: 'B secret risk', threatClass, likelihood: 3, impact: { people: 2, economy: 4, stateFunctions: 1, otherSectors: 1 }, treatment: 'mitigate',
});

export const guards: ModuleGuards = {
  async setup(f) {
    await seedThreatTaxonomy(f.ctx.db);
    const created = await f.b.client.request('POST', '/api/risks', risk(f.b.org));
    expect(created.statusCode, created.body).toBe(201);
    f.records.risk = created.json().id;
    const escalated = await f.b.client.request('POST', `/api/risks/${f.records.risk}/escalate`);
    expect(escalated.statusCode, escalated.body).toBe(201);
    f.records.nationalRisk = escalated.json().id;
  },
  checks: {
    // Reference data shared by everyone; the check is that no organisation's records leak into it.
    'GET /api/risk/taxonomy': async (f) => expectNotListed(await f.a.client.request('GET', '/api/risk/taxonomy'), [f.b.org, f.records.risk]),
    'GET /api/risk/taxonomy/classes/:key/versions': async (f) => expectNotListed(await f.a.client.request('GET', `/api/risk/taxonomy/classes/${threatClass}/versions`), [f.b.org]),
    'POST /api/risk/taxonomy/classes': async (f) => expectHidden(await f.a.client.request('POST', '/api/risk/taxonomy/classes', { key: 'x-class', categoryKey: 'enisa:legal', name: { az: 'x', en: 'x' } })),
    'PATCH /api/risk/taxonomy/classes/:key': async (f) => expectHidden(await f.a.client.request('PATCH', `/api/risk/taxonomy/classes/${threatClass}`, { description: 'x' })),
    'GET /api/risk/register': async (f) => expectHidden(await f.a.client.request('GET', `/api/risk/register?organisationId=${f.b.org}`)),
    'PUT /api/risk/register': async (f) => expectHidden(await f.a.client.request('PUT', '/api/risk/register', { organisationId: f.b.org, likelihoodLevels: 3, impactLevels: 3 })),
    'GET /api/risks': async (f) => expectNotListed(await f.a.client.request('GET', '/api/risks'), [f.records.risk, f.records.nationalRisk]),
    'GET /api/risks/heatmap': async (f) => {
      for (const level of ['organisation', 'national']) {
        const response = await f.a.client.request('GET', `/api/risks/heatmap?level=${level}&organisationId=${f.b.org}`);
        expectNotListed(response, [f.records.risk, f.records.nationalRisk]);
        expect(response.json().summary.total).toBe(0);
      }
    },
    'GET /api/risks/export': async (f) => {
      const response = await f.a.client.request('GET', `/api/risks/export?level=organisation&organisationId=${f.b.org}&format=json`);
      expect(JSON.parse(response.body)).toEqual([]);
    },
    'POST /api/risks/import': async (f) => expectHidden(await f.a.client.request('POST', '/api/risks/import', { organisationId: f.b.org, format: 'json', content: JSON.stringify([risk(f.b.org)]) })),
    'POST /api/risks': async (f) => expectHidden(await f.a.client.request('POST', '/api/risks', risk(f.b.org))),
    'GET /api/risks/:id': async (f) => {
      expectHidden(await f.a.client.request('GET', `/api/risks/${f.records.risk}`));
      expectHidden(await f.a.client.request('GET', `/api/risks/${f.records.nationalRisk}`));
    },
    'GET /api/risks/:id/versions': async (f) => expectHidden(await f.a.client.request('GET', `/api/risks/${f.records.risk}/versions`)),
    'PATCH /api/risks/:id': async (f) => expectHidden(await f.a.client.request('PATCH', `/api/risks/${f.records.risk}`, { title: 'taken' })),
    'POST /api/risks/:id/escalate': async (f) => expectHidden(await f.a.client.request('POST', `/api/risks/${f.records.risk}/escalate`)),
    'PUT /api/risks/:id/co-executors': async (f) => expectHidden(await f.a.client.request('PUT', `/api/risks/${f.records.nationalRisk}/co-executors`, { acronyms: ['DTX'] })),
    'POST /api/risks/:id/agree': async (f) => expectHidden(await f.a.client.request('POST', `/api/risks/${f.records.nationalRisk}/agree`)),
    'POST /api/risks/:id/approve': async (f) => expectHidden(await f.a.client.request('POST', `/api/risks/${f.records.nationalRisk}/approve`)),
    'POST /api/risks/:id/accept': async (f) => expectHidden(await f.a.client.request('POST', `/api/risks/${f.records.risk}/accept`, { expiresOn: '2999-01-01' })),
  },
};
