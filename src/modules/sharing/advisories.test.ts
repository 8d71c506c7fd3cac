import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../testing/app.ts';
import { newId } from '../../lib/crypto.ts';
import * as ciiStore from '../cii/cii.store.ts';
import { deliver, signature } from '../incidents/notify.service.ts';
import { advisory, advisoryWorld, publishAdvisory, type AdvisoryWorld } from './advisories.fixtures.ts';
import { member } from './sharing.fixtures.ts';
import { matchReasons } from './warnings.service.ts';

let w: AdvisoryWorld;
beforeAll(async () => { w = await advisoryWorld(); });
afterAll(async () => w.ctx.close());

describe('matching a profile', () => {
  it('matches by sector, product keyword (case-insensitive, either way contained) and CII sectors', () => {
    const a = { sectors: ['energy', 'Finance'], products: ['ExampleVPN 9.1', 'openssl'] };
    expect(matchReasons(a, { sectors: ['finance'], keywords: ['examplevpn', 'nginx'] }, ['telecom'])).toEqual(['sector:finance', 'product:examplevpn']);
    expect(matchReasons(a, { sectors: [], keywords: [] }, ['energy'])).toEqual(['cii:energy']);
    expect(matchReasons(a, { sectors: ['health'], keywords: ['OpenSSL 3.0.1'] }, [])).toEqual(['product:OpenSSL 3.0.1']);
    expect(matchReasons(a, { sectors: ['health'], keywords: ['nginx'] }, ['water'])).toEqual([]);
  });
});

describe('advisories', () => {
  it('only CERT analysts and coordinators of the organisation write them, with valid CVE ids', async () => {
    const operator = await member(w.ctx, w.owner, 'operator');
    expect((await operator.request('POST', '/api/advisories', advisory(w.owner, 'CLEAR'))).statusCode).toBe(403);
    expect((await w.analyst.request('POST', '/api/advisories', advisory(w.owner, 'CLEAR', { cves: ['CVE-26-1'] }))).statusCode).toBe(400);
    expect((await w.analyst.request('POST', '/api/advisories', advisory(w.owner, 'CLEAR', { title: { az: 'x' } }))).statusCode).toBe(400);
    const coordinator = await signIn(w.ctx, await makeUser(w.ctx, [{ organisationId: w.owner, role: 'coordinator' }]));
    expect((await coordinator.request('POST', '/api/advisories', advisory(w.owner, 'CLEAR'))).statusCode).toBe(201);
  });

  it('is a draft until published, edited only as a draft, and every change is audited', async () => {
    const created = await w.analyst.request('POST', '/api/advisories', advisory(w.owner, 'GREEN'));
    expect(created.json()).toMatchObject({ status: 'draft', tlp: 'GREEN', cves: ['CVE-2026-12345'], title: { az: 'Xəbərdarlıq GREEN', en: 'Advisory GREEN' } });
    const id = created.json().id;
    expect((await w.subscriberUser.request('GET', `/api/advisories/${id}`)).statusCode).toBe(404);
    const edited = await w.analyst.request('PATCH', `/api/advisories/${id}`, { title: { az: 'Yeni', en: 'New' }, cves: ['CVE-2026-0001', 'CVE-2026-0001'] });
    expect(edited.json()).toMatchObject({ title: { en: 'New' }, cves: ['CVE-2026-0001'] });
    expect((await w.analyst.request('POST', `/api/advisories/${id}/publish`)).json()).toMatchObject({ status: 'published' });
    expect((await w.analyst.request('PATCH', `/api/advisories/${id}`, { severity: 'low' })).statusCode).toBe(409);
    expect((await w.analyst.request('POST', `/api/advisories/${id}/publish`)).statusCode).toBe(409);
    const actions = (await w.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', id).execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['sharing.advisory.create', 'sharing.advisory.update', 'sharing.advisory.publish']));
  });

  it('warns matching organisations at once: in-app with read receipts, signed webhook with status, and the CERT sees who has not opened it', async () => {
    const admin = await signIn(w.ctx, await makeUser(w.ctx, [{ organisationId: w.subscriber, role: 'admin' }]));
    const hook = await admin.request('POST', '/api/incidents/webhooks', { organisationId: w.subscriber, url: 'https://hooks.example/qalxan' });
    expect(hook.statusCode, hook.body).toBe(201);
    // A second subscriber matched only through its CII objects' sectors.
    const operatorOrg = await makeOrganisation(w.ctx);
    await ciiStore.insertObject(w.ctx.db, {
      id: newId(), organisation_id: operatorOrg, name: 'Grid', sector: 'energy', services: '[]', criticality: 'I', location: 'Baku', systems: '[]', contacts: '[]', tolerance_hours: 4,
    });
    const operatorManager = await member(w.ctx, operatorOrg, 'cert_analyst');
    await operatorManager.request('PUT', `/api/advisories/subscriptions/${operatorOrg}`, { sectors: [], keywords: [], useCiiSectors: true });
    const id = await publishAdvisory(w.analyst, advisory(w.owner, 'AMBER'));

    const received = (await w.subscriberUser.request('GET', '/api/advisories/warnings')).json().items;
    const mine = received.find((x: { advisoryId: string }) => x.advisoryId === id);
    expect(mine).toMatchObject({ reasons: ['sector:energy'], openedAt: null, tlp: 'AMBER' });
    expect((await w.bystanderUser.request('GET', '/api/advisories/warnings')).json().items).toEqual([]);

    let reach = (await w.analyst.request('GET', `/api/advisories/${id}/reach`)).json();
    expect(reach).toMatchObject({ total: 2, opened: 0 });
    expect(reach.items.find((i: { organisationId: string }) => i.organisationId === operatorOrg)).toMatchObject({ reasons: ['cii:energy'], opened: false });
    expect(reach.items.find((i: { organisationId: string }) => i.organisationId === w.subscriber).deliveries).toMatchObject([{ status: 'pending', attempts: 0 }]);

    const sent: { body: string; headers: Record<string, string> }[] = [];
    const failing = (async () => { throw new Error('connection refused'); }) as unknown as typeof fetch;
    await deliver(w.ctx.db, null, failing);
    reach = (await w.analyst.request('GET', `/api/advisories/${id}/reach`)).json();
    expect(reach.items.find((i: { organisationId: string }) => i.organisationId === w.subscriber).deliveries).toMatchObject([{ status: 'pending', attempts: 1, lastError: 'connection refused' }]);
    await deliver(w.ctx.db, null, (async (_url: string, init: RequestInit) => {
      sent.push({ body: init.body as string, headers: init.headers as Record<string, string> });
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch);
    const delivered = sent.find((s) => JSON.parse(s.body).advisoryId === id)!;
    expect(JSON.parse(delivered.body)).toMatchObject({ event: 'advisory.warning', organisationId: w.subscriber, reasons: ['sector:energy'] });
    expect(delivered.headers['x-qalxan-signature']).toBe(signature(hook.json().secret, delivered.body));

    const opened = await w.subscriberUser.request('POST', `/api/advisories/warnings/${mine.id}/open`);
    expect(opened.json()).toMatchObject({ kind: 'advisory', id, tlp: 'AMBER' });
    reach = (await w.analyst.request('GET', `/api/advisories/${id}/reach`)).json();
    expect(reach).toMatchObject({ total: 2, opened: 1 });
    const subscriberReach = reach.items.find((i: { organisationId: string }) => i.organisationId === w.subscriber);
    expect(subscriberReach).toMatchObject({ opened: true, deliveries: [{ status: 'delivered', attempts: 2 }] });
    expect(subscriberReach.reads).toHaveLength(1);
    expect((await w.subscriberUser.request('GET', `/api/advisories/${id}/reach`)).statusCode).toBe(404);
    expect((await w.bystanderUser.request('POST', `/api/advisories/warnings/${mine.id}/open`)).statusCode).toBe(404);
  });

  it('keeps AMBER+STRICT and RED advisories within the author: nobody is warned', async () => {
    const id = await publishAdvisory(w.analyst, advisory(w.owner, 'RED'));
    expect((await w.analyst.request('GET', `/api/advisories/${id}/reach`)).json()).toMatchObject({ total: 0 });
  });
});
