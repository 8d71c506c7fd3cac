/**
 * The sector vocabulary: read by any signed-in user, and the only values a write may give a
 * sector, whichever module owns the row; a stored value from before the vocabulary still reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrganisation, makeUser, signIn, type Client, type TestContext } from '../../testing/app.ts';
import { seedThreatTaxonomy } from '../risk/taxonomy.service.ts';

let ctx: TestContext;
let org: string;
let user: Client;

const risk = (sector: string) => ({
  organisationId: org, title: 'Outage', threatClass: 'enisa:ransomware', likelihood: 2,
  impact: { people: 1, economy: 1, stateFunctions: 1, otherSectors: 1 }, treatment: 'mitigate', sector,
});
const advisory = (sectors: string[]) => ({
  organisationId: org, tlp: 'CLEAR', severity: 'low', title: { az: 'x', en: 'x' }, summary: { az: '', en: '' }, body: { az: '', en: '' },
  actions: { az: '', en: '' }, sectors, products: [], cves: [],
});

beforeAll(async () => {
  ctx = await createTestApp();
  await seedThreatTaxonomy(ctx.db);
  org = await makeOrganisation(ctx, 'cert');
  user = await signIn(ctx, await makeUser(ctx, ['admin', 'operator', 'cert_analyst'].map((role) => ({ organisationId: org, role: role as 'admin' }))));
});
afterAll(async () => ctx.close());

describe('sectors', () => {
  it('are listed with Azerbaijani and English names for any signed-in user', async () => {
    const response = await user.request('GET', '/api/reference/sectors');
    expect(response.statusCode).toBe(200);
    const items: { slug: string; name: { az: string; en: string } }[] = response.json().items;
    expect(items.find((s) => s.slug === 'energy')).toEqual({ slug: 'energy', name: { az: 'Enerji', en: 'Energy' } });
    expect(items.map((s) => s.slug)).toEqual(expect.arrayContaining(['finance', 'banking', 'telecom', 'health', 'water', 'transport', 'government']));
    expect((await ctx.app.inject({ method: 'GET', url: '/api/reference/sectors' })).statusCode).toBe(401);
  });

  it('refuse every write that names an unknown sector with a problem naming the value', async () => {
    const writes: [string, string, unknown][] = [
      ['POST', '/api/organisations', { acronym: 'SEC-X', name: { az: 'x', en: 'x' }, kind: 'soc', parentId: org, sector: 'enrgy' }],
      ['PATCH', `/api/organisations/${org}`, { sector: 'enrgy' }],
      ['POST', '/api/cii/objects', { organisationId: org, name: 'Grid', sector: 'enrgy', criticality: 'I' }],
      ['POST', '/api/risks', risk('enrgy')],
      ['POST', '/api/advisories', advisory(['energy', 'enrgy'])],
      ['PUT', `/api/advisories/subscriptions/${org}`, { sectors: ['enrgy'], keywords: [] }],
    ];
    for (const [method, url, body] of writes) {
      const response = await user.request(method, url, body);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'validation', unknownSectors: ['enrgy'], errors: [{ message: 'unknown sector "enrgy"' }] });
    }
  });

  it('refuse a risk import naming the line of an unknown sector, importing nothing', async () => {
    const csv = 'title,threatClass,likelihood,impactPeople,impactEconomy,impactStateFunctions,impactOtherSectors,treatment,sector\n'
      + 'Known,enisa:ransomware,2,1,1,1,1,mitigate,energy\nUnknown,enisa:ransomware,2,1,1,1,1,mitigate,enrgy\n';
    const response = await user.request('POST', '/api/risks/import', { organisationId: org, format: 'csv', content: csv });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'line 3', message: '/sector: unknown sector "enrgy"' }]);
  });

  it('accept the known slugs, and a stored free-text sector is shown as it is and may be sent back unchanged', async () => {
    expect((await user.request('POST', '/api/cii/objects', { organisationId: org, name: 'Grid', sector: 'energy', criticality: 'I' })).statusCode).toBe(201);
    expect((await user.request('POST', '/api/risks', risk('energy'))).statusCode).toBe(201);
    await ctx.db.updateTable('organisations').set({ sector: 'Oil & gas' }).where('id', '=', org).execute();
    expect((await user.request('GET', `/api/organisations/${org}`)).json().sector).toBe('Oil & gas');
    // The form sends the stored value back with the other fields: it does not block the change.
    expect((await user.request('PATCH', `/api/organisations/${org}`, { name: { az: 'Yeni', en: 'New' }, sector: 'Oil & gas' })).statusCode).toBe(200);
    expect((await user.request('PATCH', `/api/organisations/${org}`, { sector: 'energy' })).json().sector).toBe('energy');
  });
});
