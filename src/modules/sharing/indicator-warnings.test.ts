import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn, type Client } from '../../testing/app.ts';
import { deliver, signature } from '../incidents/notify.service.ts';
import { advisoryWorld, type AdvisoryWorld } from './advisories.fixtures.ts';
import { importBundle, indicator, inProcessFetch, member, taxii, tokenFor } from './sharing.fixtures.ts';
import { run } from './subscriptions.service.ts';
import { wholeWords } from './warnings.service.ts';

let w: AdvisoryWorld;
let secret: string;
type Received = { id: string; kind: string; stixId: string | null; reasons: string[]; tlp: string; openedAt: string | null };

/** An indicator labelled with the subscriber's sector. */
function labelled(ip: string, tlp: Parameters<typeof indicator>[1], extra: Record<string, unknown> = {}) {
  const o = indicator(ip, tlp);
  return { ...o, id: String(o.id), pattern: String(o.pattern), labels: ['sector:energy'], ...extra };
}

async function received(client: Client): Promise<Received[]> {
  return (await client.request('GET', '/api/advisories/warnings')).json().items;
}

/** Delivers queued webhooks and returns the bodies sent. */
async function delivered(): Promise<{ body: string; headers: Record<string, string> }[]> {
  const sent: { body: string; headers: Record<string, string> }[] = [];
  await deliver(w.ctx.db, null, (async (_url: string, init: RequestInit) => {
    sent.push({ body: init.body as string, headers: init.headers as Record<string, string> });
    return new Response(null, { status: 204 });
  }) as unknown as typeof fetch);
  return sent;
}

beforeAll(async () => {
  w = await advisoryWorld();
  const admin = await signIn(w.ctx, await makeUser(w.ctx, [{ organisationId: w.subscriber, role: 'admin' }]));
  secret = (await admin.request('POST', '/api/incidents/webhooks', { organisationId: w.subscriber, url: 'https://hooks.example/qalxan' })).json().secret;
});
afterAll(async () => w.ctx.close());

describe('keyword matching in indicator texts', () => {
  it('needs whole words, so short keywords do not hit inside other words', () => {
    expect(wholeWords('examplevpn gateway exploitation', 'examplevpn')).toBe(true);
    expect(wholeWords('exploit of example-vpn 9.1', 'vpn 9.1')).toBe(true);
    expect(wholeWords('misslabeled sample', 'ssl')).toBe(false);
  });
});

describe('early warnings on imported indicators', () => {
  it('warns a matching subscriber at once (in-app and signed webhook) and not a non-matching organisation', async () => {
    const green = labelled('198.51.100.1', 'GREEN');
    const report = await importBundle(w.analyst, w.collection, [green]);
    expect(report).toMatchObject({ counts: { created: 1 }, warnings: { warned: 1, withheld: 0 } });
    expect(await received(w.subscriberUser)).toEqual([expect.objectContaining({ kind: 'indicator', stixId: green.id, reasons: ['sector:energy'], tlp: 'GREEN', openedAt: null })]);
    expect(await received(w.bystanderUser)).toEqual([]);
    expect(await received(w.analyst)).toEqual([]);

    const sent = (await delivered()).find((s) => JSON.parse(s.body).stixId === green.id)!;
    expect(JSON.parse(sent.body)).toMatchObject({ event: 'indicator.warning', organisationId: w.subscriber, tlp: 'GREEN', pattern: green.pattern, reasons: ['sector:energy'] });
    expect(sent.headers['x-qalxan-signature']).toBe(signature(secret, sent.body));
  });

  it('lets the subscriber open the indicator as sent, and the importing CERT see the read receipt, delivery and its list of sent warnings', async () => {
    const [warning] = await received(w.subscriberUser);
    const opened = (await w.subscriberUser.request('POST', `/api/advisories/warnings/${warning.id}/open`)).json();
    expect(opened).toMatchObject({ kind: 'indicator', stixId: warning.stixId, tlp: 'GREEN', pattern: "[ipv4-addr:value = '198.51.100.1']", reasons: ['sector:energy'] });
    const reach = (await w.analyst.request('GET', `/api/sharing/indicators/${warning.stixId}/reach`)).json();
    expect(reach).toMatchObject({ total: 1, opened: 1, items: [{ organisationId: w.subscriber, opened: true, deliveries: [{ status: 'delivered', attempts: 1 }] }] });
    expect((await w.analyst.request('GET', '/api/sharing/indicator-warnings')).json().items).toEqual([expect.objectContaining({ stixId: warning.stixId, tlp: 'GREEN', total: 1, opened: 1 })]);
    expect((await w.subscriberUser.request('GET', `/api/sharing/indicators/${warning.stixId}/reach`)).json()).toMatchObject({ total: 0 });
    expect((await w.subscriberUser.request('GET', '/api/sharing/indicator-warnings')).json().items).toEqual([]);
    expect((await w.bystanderUser.request('POST', `/api/advisories/warnings/${warning.id}/open`)).statusCode).toBe(404);
  });

  it('respects TLP: AMBER goes to the matched subscriber; AMBER+STRICT and RED are withheld, content and all', async () => {
    const amber = labelled('198.51.100.2', 'AMBER');
    const strict = labelled('198.51.100.3', 'AMBER+STRICT');
    const red = labelled('198.51.100.4', 'RED');
    const report = await importBundle(w.analyst, w.collection, [amber, strict, red]);
    expect(report.warnings).toEqual({ warned: 1, withheld: 2 });
    const stixIds = (await received(w.subscriberUser)).map((r) => r.stixId);
    expect(stixIds).toContain(amber.id);
    expect(stixIds).not.toContain(strict.id);
    expect(stixIds).not.toContain(red.id);
    const bodies = (await delivered()).map((s) => s.body).join('\n');
    expect(bodies).toContain('198.51.100.2');
    expect(bodies).not.toMatch(/198\.51\.100\.[34]/);
  });

  it('warns once per indicator, and not of revoked or expired ones', async () => {
    const first = labelled('198.51.100.5', 'GREEN');
    await importBundle(w.analyst, w.collection, [first]);
    const again = await importBundle(w.analyst, w.collection, [{ ...first, modified: '2026-02-01T00:00:00.000Z' }]);
    expect(again).toMatchObject({ counts: { new_version: 1 }, warnings: { warned: 0 } });
    const quiet = await importBundle(w.analyst, w.collection, [labelled('198.51.100.6', 'GREEN', { revoked: true }), labelled('198.51.100.7', 'GREEN', { valid_until: '2026-01-02T00:00:00Z' })]);
    expect(quiet).toMatchObject({ counts: { created: 2 }, warnings: { warned: 0, withheld: 0 } });
  });

  it('takes the sector from a report of the same import that refers to the indicators', async () => {
    const plain = [indicator('198.51.100.12', 'GREEN'), indicator('198.51.100.13', 'GREEN')];
    const report = {
      type: 'report', spec_version: '2.1', id: 'report--0c6a1f7e-5d2b-4e8a-9f3c-1b2d3e4f5a6b', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z',
      name: 'Campaign against power grids', published: '2026-01-01T00:00:00.000Z', labels: ['sector:energy'], object_refs: plain.map((o) => o.id),
    };
    expect((await importBundle(w.analyst, w.collection, [...plain, report], { defaultTlp: 'GREEN' })).warnings).toEqual({ warned: 2, withheld: 0 });
    expect((await received(w.subscriberUser)).map((r) => r.stixId)).toEqual(expect.arrayContaining(plain.map((o) => o.id)));
  });

  it('lets only those who may write advisories warn others', async () => {
    const operator = await member(w.ctx, w.owner, 'operator');
    const quiet = labelled('198.51.100.8', 'GREEN');
    const report = await importBundle(operator, w.collection, [quiet]);
    expect(report.counts.created).toBe(1);
    expect(report).not.toHaveProperty('warnings');
    expect((await received(w.subscriberUser)).map((r) => r.stixId)).not.toContain(quiet.id);
  });

  it('warns of indicators arriving by TAXII POST and by MISP import, matching product keywords in their context', async () => {
    const keywordOrg = await makeOrganisation(w.ctx);
    const manager = await member(w.ctx, keywordOrg, 'cert_analyst');
    await manager.request('PUT', `/api/advisories/subscriptions/${keywordOrg}`, { sectors: [], keywords: ['ExampleVPN'] });
    const reader = await member(w.ctx, keywordOrg);

    const token = await tokenFor(w.ctx, w.owner, 'cert_analyst');
    const posted: Record<string, unknown> = { ...indicator('198.51.100.9', 'GREEN'), name: 'ExampleVPN exploitation source' };
    expect((await taxii(w.ctx, token, 'POST', `/taxii2/api/collections/${w.collection}/objects/`, { objects: [posted] })).json()).toMatchObject({ success_count: 1 });

    const misp = await w.analyst.request('POST', `/api/sharing/collections/${w.collection}/misp`, {
      event: { uuid: '5f0e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b', info: 'ExampleVPN 9.1 mass exploitation', Tag: [{ name: 'tlp:green' }], Attribute: [{ type: 'ip-dst', value: '198.51.100.10', to_ids: true }] },
    });
    expect(misp.json().warnings).toEqual({ warned: 1, withheld: 0 });
    const mine = await received(reader);
    expect(mine.map((r) => r.reasons)).toEqual([['product:ExampleVPN'], ['product:ExampleVPN']]);
    expect(mine.map((r) => r.stixId)).toContain(posted.id);
  });

  it('warns of indicators pulled by a TAXII client subscription', async () => {
    const source = (await w.analyst.request('POST', '/api/sharing/collections', { organisationId: w.owner, title: 'Partner feed (simulated)' })).json().id;
    const token = await tokenFor(w.ctx, w.owner, 'cert_analyst');
    const pulled = labelled('198.51.100.11', 'GREEN');
    // Put there by an operator, so only the pull (by the analyst's subscription) warns.
    await importBundle(await member(w.ctx, w.owner, 'operator'), source, [pulled]);
    const created = (await w.analyst.request('POST', '/api/sharing/subscriptions', {
      organisationId: w.owner, name: 'partner', apiRoot: 'http://qalxan.test/taxii2/api/', remoteCollection: source, token, collectionId: w.collection, intervalSeconds: 60,
    })).json();
    const row = await w.ctx.db.selectFrom('sharing_subscriptions').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(await run(w.ctx.db, row, inProcessFetch(w.ctx))).toMatchObject({ error: null });
    expect((await received(w.subscriberUser)).map((r) => r.stixId)).toContain(pulled.id);
  });
});
