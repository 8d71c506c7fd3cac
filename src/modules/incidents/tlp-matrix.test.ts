/**
 * The TLP reading rule (docs/incident-visibility.md), proven for every read path: for each
 * marking, exactly the expected readers find the incident in the list, the detail, the search,
 * the export, a correlation link and the metrics with their drill-down; nobody else does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, nationalCertId, signIn, type Client } from '../../testing/app.ts';
import { incidentWorld, member, openIncident, type IncidentWorld } from './incidents.fixtures.ts';

type ReaderName = 'owner' | 'ownerParent' | 'affected' | 'affectedParent' | 'other' | 'nationalCert' | 'platformAdmin';
const everyone: ReaderName[] = ['owner', 'ownerParent', 'affected', 'affectedParent', 'other', 'nationalCert', 'platformAdmin'];

/** Each case: a marking (and whether it was reported to the National CERT), its class for metrics, and its readers. */
const cases = [
  { tlp: 'CLEAR', reported: false, classKey: 'abusive-content', typeKey: 'spam', readers: everyone },
  { tlp: 'GREEN', reported: false, classKey: 'fraud', typeKey: 'phishing', readers: everyone },
  { tlp: 'AMBER', reported: false, classKey: 'malicious-code', typeKey: 'infected-system', readers: ['owner', 'ownerParent', 'affected', 'affectedParent', 'platformAdmin'] },
  { tlp: 'AMBER+STRICT', reported: false, classKey: 'intrusions', typeKey: 'system-compromise', readers: ['owner', 'ownerParent', 'affected', 'platformAdmin'] },
  { tlp: 'RED', reported: false, classKey: 'availability', typeKey: 'ddos', readers: ['owner', 'ownerParent', 'platformAdmin'] },
  { tlp: 'RED', reported: true, classKey: 'vulnerable', typeKey: 'weak-crypto', readers: ['owner', 'ownerParent', 'nationalCert', 'platformAdmin'] },
] as const;

describe('TLP decides who reads an incident, on every read path', () => {
  let w: IncidentWorld;
  const clients = {} as Record<ReaderName, Client>;
  const ids: string[] = [];
  let probe: string;
  const value = (i: number) => `matrix-${i}.example.org`;

  beforeAll(async () => {
    w = await incidentWorld();
    const { ctx } = w;
    const ownerParent = await makeOrganisation(ctx);
    const owner = await makeOrganisation(ctx, 'cii_operator', ownerParent);
    const affectedParent = await makeOrganisation(ctx);
    const affected = await makeOrganisation(ctx, 'cii_operator', affectedParent);
    const national = await nationalCertId(ctx);
    clients.owner = await member(ctx, owner);
    clients.ownerParent = await member(ctx, ownerParent);
    clients.affected = await member(ctx, affected);
    clients.affectedParent = await member(ctx, affectedParent);
    clients.other = w.operator;
    clients.nationalCert = await member(ctx, national, 'cert_analyst');
    clients.platformAdmin = await signIn(ctx, await makeUser(ctx, [{ organisationId: national, role: 'admin' }]));
    for (const [i, c] of cases.entries()) {
      const incident = await openIncident(clients.owner, {
        title: `Matrix ${c.tlp}${c.reported ? ' reported' : ''}`, tlp: c.tlp, classKey: c.classKey, typeKey: c.typeKey, affectedOrganisations: [affected],
        observables: [{ type: 'domain', value: value(i), tlp: 'CLEAR' }],
      });
      if (c.reported) await clients.owner.request('POST', `/api/incidents/${incident.id}/stage-reports/early_warning`, { form: { summary: 'early warning' } });
      ids.push(incident.id);
    }
    // A CLEAR incident of an unrelated organisation holding every value: its page shows the correlations each reader may see.
    probe = (await openIncident(w.operator, { title: 'Probe', tlp: 'CLEAR', observables: cases.map((_, i) => ({ type: 'domain', value: value(i), tlp: 'CLEAR' })) })).id;
  });
  afterAll(async () => w.ctx.close());

  for (const [i, c] of cases.entries()) {
    describe(`TLP:${c.tlp}${c.reported ? ' reported to the National CERT' : ''}`, () => {
      for (const reader of everyone) {
        const may = (c.readers as readonly string[]).includes(reader);
        it(`${may ? 'is' : 'is not'} read by ${reader}`, async () => {
          const client = clients[reader];
          const id = ids[i];
          const list = (await client.request('GET', '/api/incidents')).json().items.map((x: { id: string }) => x.id);
          const detail = await client.request('GET', `/api/incidents/${id}`);
          const search = (await client.request('GET', `/api/incidents?q=${value(i)}`)).json().items.map((x: { id: string }) => x.id);
          const exported = (await client.request('GET', '/api/incidents/export.csv')).body;
          const probeView = (await client.request('GET', `/api/incidents/${probe}`)).json();
          const links = probeView.observables.find((o: { value: string }) => o.value === value(i)).correlations.map((x: { incidentId: string }) => x.incidentId);
          const metrics = (await client.request('GET', '/api/incidents/metrics')).json();
          const counted = metrics.byClass.find((g: { key: string }) => g.key === c.classKey)?.count ?? 0;
          const drill = (await client.request('GET', `/api/incidents?classKey=${c.classKey}`)).json().items.map((x: { id: string }) => x.id);
          expect({ list: list.includes(id), detail: detail.statusCode, search: search.includes(id), export: exported.includes(id), correlation: links.includes(id), metrics: counted, drillDown: drill.includes(id) })
            .toEqual({ list: may, detail: may ? 200 : 404, search: may, export: may, correlation: may, metrics: may ? 1 : 0, drillDown: may });
        });
      }
    });
  }

  it("hides an observable marked stricter than its incident from readers below the observable's marking", async () => {
    const incident = await openIncident(clients.owner, { title: 'Green with a red observable', tlp: 'GREEN', observables: [{ type: 'ip', value: '192.0.2.99', tlp: 'RED' }, { type: 'ip', value: '192.0.2.98', tlp: 'GREEN' }] });
    const seenByOther = (await clients.other.request('GET', `/api/incidents/${incident.id}`)).json().observables.map((o: { value: string }) => o.value);
    const seenByOwner = (await clients.owner.request('GET', `/api/incidents/${incident.id}`)).json().observables.map((o: { value: string }) => o.value);
    expect(seenByOther).toEqual(['192.0.2.98']);
    expect(seenByOwner.sort()).toEqual(['192.0.2.98', '192.0.2.99']);
    const search = (await clients.other.request('GET', '/api/incidents?q=192.0.2.99')).json().items;
    expect(search).toEqual([]);
  });
});
