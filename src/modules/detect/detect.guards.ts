/**
 * How the detect routes keep organisation A out of organisation B's detection data. B gets an
 * API token that sends an event matching a rule of B's, so B has an alert, raw events and a dead
 * letter; A (admin and auditor of A) must see none of them, and A's token must neither read B's
 * alerts nor place events in B.
 */
import { expect } from 'vitest';
import { expectHidden, expectNotListed, type GuardFixture, type ModuleGuards } from '../../testing/guards.ts';

export const guardRule = (id: string) => `title: Guard rule ${id}
id: ${id}
status: test
level: high
logsource: { product: windows, category: process_creation }
detection:
  selection: { Image|endswith: '\\\\guard-${id.slice(0, 8)}.exe' }
  condition: selection
tags: [attack.execution, attack.t1059]
`;

async function waitFor<T>(f: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function tokenFor(client: GuardFixture['b']['client'], org: string, role: string): Promise<string> {
  const r = await client.request('POST', '/api/tokens', { name: `detect ${role}`, organisationId: org, role, expiresInDays: 1 });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().token;
}

export const guards: ModuleGuards = {
  async setup(f) {
    const tokenB = await tokenFor(f.b.client, f.b.org, 'operator');
    const ruleId = '6a3e0000-0000-4000-8000-0000000000b1';
    const { ctx } = f;
    // The rule is B's own; an operator may not author, so it is stored through the service's store directly.
    const { insertRule, bumpContentVersion } = await import('./content.store.ts');
    await insertRule(ctx.db, { id: '6a3e0000-0000-4000-8000-0000000000b2', organisation_id: f.b.org, sigma_id: ruleId, title: `Guard rule ${ruleId}`, level: 'high', yaml: guardRule(ruleId), version: 1, enabled: true, updated_by: null });
    await bumpContentVersion(ctx.db);
    // The worker picks the new rule up on its next reload: send until the alert shows.
    const line = JSON.stringify({ Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: 1, Computer: 'b-host-guard', Image: `C:\\x\\guard-${ruleId.slice(0, 8)}.exe` });
    const alert = await waitFor(async () => {
      const sent = await ctx.app.inject({ method: 'POST', url: '/api/events', headers: { authorization: `Bearer ${tokenB}`, 'content-type': 'application/x-ndjson' }, payload: `${line}\nnot json\n` });
      expect(sent.statusCode, sent.body).toBe(202);
      await new Promise((r) => setTimeout(r, 300));
      return (await f.b.client.request('GET', '/api/detect/alerts')).json().items?.[0] as { id: string } | undefined;
    }, 20_000);
    f.records.detectAlert = alert.id;
    f.records.detectRule = '6a3e0000-0000-4000-8000-0000000000b2';
    f.records.detectTokenA = await tokenFor(f.a.client, f.a.org, 'admin');
    const ind = await f.ctx.db.insertInto('detect_indicators').values({
      id: '6a3e0000-0000-4000-8000-0000000000b3', organisation_id: f.b.org, type: 'domain', value: 'guard-b.example', confidence: 90, tlp: 'amber',
      source: 'test', valid_from: null, valid_until: null, enabled: true, version: 1, updated_by: null,
    }).returning('id').executeTakeFirstOrThrow();
    f.records.detectIndicator = ind.id;
  },
  checks: {
    'POST /api/events': async (f) => {
      // A session cannot send; A's token sends into A only, never into B.
      expectHidden(await f.a.client.request('POST', '/api/events', { x: 1 }));
      const r = await f.ctx.app.inject({ method: 'POST', url: '/api/events', headers: { authorization: `Bearer ${f.records.detectTokenA}` }, payload: '{"Computer":"a-host"}' });
      expect(r.statusCode).toBe(202);
      const alertsByTokenA = await f.ctx.app.inject({ method: 'GET', url: '/api/detect/alerts', headers: { authorization: `Bearer ${f.records.detectTokenA}` } });
      expectNotListed(alertsByTokenA, [f.records.detectAlert]);
      const eventsByTokenA = await f.ctx.app.inject({ method: 'GET', url: '/api/detect/events', headers: { authorization: `Bearer ${f.records.detectTokenA}` } });
      expectNotListed(eventsByTokenA, ['b-host-guard']);
    },
    'GET /api/detect/alerts': async (f) => {
      expectNotListed(await f.a.client.request('GET', '/api/detect/alerts'), [f.records.detectAlert]);
      expect((await f.a.client.request('GET', `/api/detect/alerts?organisationId=${f.b.org}`)).json().items).toEqual([]);
    },
    'GET /api/detect/alerts/count': async (f) => expect((await f.a.client.request('GET', '/api/detect/alerts/count')).json().open).toBe(0),
    'GET /api/detect/alerts/:id': async (f) => expectHidden(await f.a.client.request('GET', `/api/detect/alerts/${f.records.detectAlert}`)),
    'GET /api/detect/alerts/:id/events': async (f) => expectHidden(await f.a.client.request('GET', `/api/detect/alerts/${f.records.detectAlert}/events`)),
    'POST /api/detect/alerts/acknowledge': async (f) => {
      const r = await f.a.client.request('POST', '/api/detect/alerts/acknowledge', { ids: [f.records.detectAlert] });
      expect(r.json().acknowledged).toEqual([]);
      expect((await f.b.client.request('GET', `/api/detect/alerts/${f.records.detectAlert}`)).json().status).toBe('open');
    },
    'GET /api/detect/events': async (f) => expectNotListed(await f.a.client.request('GET', '/api/detect/events'), ['b-host-guard']),
    'GET /api/detect/dead-letters': async (f) => {
      const r = await f.a.client.request('GET', '/api/detect/dead-letters');
      expect(r.statusCode).toBe(200);
      expect(r.json().items.filter((d: { organisation_id: string }) => d.organisation_id === f.b.org)).toEqual([]);
    },
    'GET /api/detect/stats': async (f) => {
      const r = await f.a.client.request('GET', '/api/detect/stats');
      expect(r.statusCode).toBe(200);
      expect(r.json().alertsPerMinute.reduce((n: number, m: { n: number }) => n + m.n, 0)).toBe(0);
    },
    'GET /api/detect/rules': async (f) => expectNotListed(await f.a.client.request('GET', '/api/detect/rules'), [f.records.detectRule]),
    'POST /api/detect/rules': async (f) => {
      expectHidden(await f.a.client.request('POST', '/api/detect/rules', { organisationId: f.b.org, yaml: guardRule('6a3e0000-0000-4000-8000-0000000000c1') }));
      expectHidden(await f.a.client.request('POST', '/api/detect/rules', { organisationId: null, yaml: guardRule('6a3e0000-0000-4000-8000-0000000000c2') }));
    },
    'PUT /api/detect/rules/:id': async (f) => expectHidden(await f.a.client.request('PUT', `/api/detect/rules/${f.records.detectRule}`, { enabled: false })),
    'GET /api/detect/rules/:id/versions': async (f) => expectHidden(await f.a.client.request('GET', `/api/detect/rules/${f.records.detectRule}/versions`)),
    'GET /api/detect/indicators': async (f) => expectNotListed(await f.a.client.request('GET', '/api/detect/indicators'), [f.records.detectIndicator]),
    'POST /api/detect/indicators': async (f) => expectHidden(await f.a.client.request('POST', '/api/detect/indicators', { organisationId: f.b.org, value: 'evil.example' })),
    'PUT /api/detect/indicators/:id': async (f) => expectHidden(await f.a.client.request('PUT', `/api/detect/indicators/${f.records.detectIndicator}`, { enabled: false })),
  },
};
