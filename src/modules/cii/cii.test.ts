import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrganisation, makeUser, nationalCertId, signIn, type Client, type TestContext } from '../../testing/app.ts';
import { seedThreatTaxonomy } from '../risk/taxonomy.service.ts';

let ctx: TestContext;
let energyOrg: string;
let bankOrg: string;
let grid: Client;
let bank: Client;
let cert: Client;
const ids: Record<string, string> = {};

const object = (organisationId: string, name: string, sector: string, toleranceHours = 0) => ({ organisationId, name, sector, criticality: 'I', toleranceHours, services: ['x'], location: 'Bakı' });

beforeAll(async () => {
  ctx = await createTestApp();
  await seedThreatTaxonomy(ctx.db);
  energyOrg = await makeOrganisation(ctx);
  bankOrg = await makeOrganisation(ctx);
  grid = await signIn(ctx, await makeUser(ctx, [{ organisationId: energyOrg, role: 'operator' }]));
  bank = await signIn(ctx, await makeUser(ctx, [{ organisationId: bankOrg, role: 'operator' }]));
  cert = await signIn(ctx, await makeUser(ctx, [{ organisationId: await nationalCertId(ctx), role: 'cert_analyst' }]));
});
afterAll(async () => ctx.close());

describe('the CII registry', () => {
  it('registers objects that only their operator and national roles read in full', async () => {
    for (const [key, client, org, sector, tolerance] of [['power', grid, energyOrg, 'energy', 0], ['telecom', grid, energyOrg, 'telecom', 2], ['banking', bank, bankOrg, 'banking', 4]] as const) {
      const response = await client.request('POST', '/api/cii/objects', object(org, `${key} object`, sector, tolerance));
      expect(response.statusCode, response.body).toBe(201);
      ids[key] = response.json().id;
    }
    expect((await bank.request('GET', `/api/cii/objects/${ids.power}`)).statusCode).toBe(404);
    expect((await cert.request('GET', '/api/cii/objects')).json().items).toHaveLength(3);
    const directory = (await bank.request('GET', '/api/cii/directory')).json().items;
    expect(directory.find((d: { id: string }) => d.id === ids.power)).not.toHaveProperty('location');
  });

  it('records dependencies on other operators’ objects, allows cycles and refuses self-dependency', async () => {
    const add = (client: Client, dependentId: string, supplierId: string, strength = 'high') => client.request('POST', '/api/cii/dependencies', { dependentId, supplierId, kind: 'power', strength });
    expect((await add(grid, ids.telecom, ids.power)).statusCode).toBe(201);
    expect((await add(bank, ids.banking, ids.telecom)).statusCode).toBe(201);
    expect((await add(grid, ids.power, ids.telecom, 'medium')).statusCode).toBe(201);
    const self = await add(bank, ids.banking, ids.banking);
    expect([self.statusCode, self.json().code]).toEqual([422, 'unprocessable']);
    expect((await add(bank, ids.power, ids.banking)).statusCode).toBe(404);
    expect((await add(bank, ids.banking, ids.telecom)).statusCode).toBe(409);
  });

  it('computes the cascade of a power failure across sectors, in order and time', async () => {
    const response = await bank.request('POST', '/api/cii/cascade', { failedIds: [ids.power] });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.impacts.map((i: { name: string; state: string; atHours: number }) => [i.name, i.state, i.atHours])).toEqual([
      ['power object', 'failed', 0], ['telecom object', 'failed', 2], ['banking object', 'failed', 6],
    ]);
    expect(body.sectors.map((s: { sector: string }) => s.sector)).toEqual(['energy', 'telecom', 'banking']);
    expect(body.links).toHaveLength(3);
    expect(JSON.stringify(body)).not.toContain('Bakı');
  });

  it('ranks the objects whose failure reaches furthest', async () => {
    const items = (await cert.request('GET', '/api/cii/reach')).json().items;
    expect(items.map((i: { id: string; failed: number; degraded: number }) => [i.id, i.failed, i.degraded])).toEqual([
      [ids.power, 2, 0], [ids.telecom, 1, 1],
    ]);
  });
});

describe('recovery plans', () => {
  it('flags an RTO that a dependency’s longer RTO makes impossible, and a plan past review', async () => {
    expect((await grid.request('PUT', `/api/cii/objects/${ids.telecom}/plan`, { rtoHours: 12, rpoHours: 1, steps: [], reviewDate: null })).statusCode).toBe(200);
    const response = await bank.request('PUT', `/api/cii/objects/${ids.banking}/plan`, {
      rtoHours: 4, rpoHours: 0.5, steps: [{ title: 'Switch to the reserve data centre', owner: 'IT', durationHours: 2 }], reviewDate: '2020-01-01',
      contacts: [{ name: 'Aysel Həsənova', role: 'BCM', phone: '+994', email: 'a@example.az' }],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rtoConflicts: [{ supplierId: ids.telecom, supplierRtoHours: 12 }], reviewOverdue: true, version: 1 });
  });

  it('records exercises', async () => {
    const plan = (await bank.request('GET', '/api/cii/plans')).json().items[0];
    expect((await bank.request('POST', `/api/cii/plans/${plan.id}/exercises`, { heldOn: '2026-03-01', result: 'partial', findings: 'Generator fuel for 3 h only' })).statusCode).toBe(201);
    expect((await bank.request('GET', `/api/cii/plans/${plan.id}`)).json().exercises).toMatchObject([{ result: 'partial' }]);
    expect((await grid.request('GET', `/api/cii/plans/${plan.id}`)).statusCode).toBe(404);
  });
});

describe('the CII risk assessment and management plan', () => {
  it('is a PDF built from the register filtered to CII', async () => {
    const input = {
      organisationId: bankOrg, title: 'Şəbəkə kəsilməsi — ödəniş sistemi', ciiObjectId: ids.banking, threatClass: 'enisa:failure-or-disruption-of-power-supply',
      likelihood: 3, impact: { people: 3, economy: 5, stateFunctions: 2, otherSectors: 4 }, treatment: 'mitigate',
    };
    const risk = await bank.request('POST', '/api/risks', input);
    expect(risk.statusCode, risk.body).toBe(201);
    expect((await bank.request('POST', '/api/risks', { ...input, ciiObjectId: ids.power })).statusCode).toBe(404);
    expect((await bank.request('GET', '/api/risks?cii=true')).json().items).toHaveLength(1);
    const pdf = await bank.request('GET', '/api/cii/plan-document?lang=az');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain('DejaVuSans');
  });
});
