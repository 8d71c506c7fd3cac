import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { makeUser, nationalCertId, signIn, type Client } from '../../testing/app.ts';
import { reportingClocks, slaClocks } from './clocks.ts';
import { sweep } from './duties.service.ts';
import { incidentWorld, member, openIncident, type IncidentWorld } from './incidents.fixtures.ts';
import { deliver, signature } from './notify.service.ts';

const hour = 3600_000;

describe('clocks', () => {
  it('flags a late SLA measure and counts down the others', () => {
    const created = new Date('2026-01-01T00:00:00Z');
    const clocks = slaClocks({ severity: 'critical', created_at: created, detected_at: created, acknowledged_at: new Date(created.getTime() + 45 * 60_000), contained_at: null, resolved_at: null }, new Date(created.getTime() + 2 * hour));
    expect(clocks.acknowledge).toMatchObject({ late: true, remainingMs: null });
    expect(clocks.contain).toMatchObject({ late: false, remainingMs: 2 * hour });
  });

  it('runs the reporting deadlines from detection as configured', () => {
    const config = loadConfig({ QALXAN_INCIDENT_EARLY_WARNING_HOURS: '12', QALXAN_DATA_DIR: '/nonexistent' }).incidents;
    const detected = new Date('2026-01-01T00:00:00Z');
    const clocks = reportingClocks(detected, { early_warning: new Date('2026-01-01T13:00:00Z') }, config, new Date('2026-01-02T00:00:00Z'));
    expect(clocks.early_warning).toMatchObject({ dueAt: '2026-01-01T12:00:00.000Z', late: true });
    expect(clocks.notification).toMatchObject({ dueAt: '2026-01-04T00:00:00.000Z', late: false, remainingMs: 48 * hour });
    expect(clocks.final.dueAt).toBe('2026-01-31T00:00:00.000Z');
  });
});

describe('reporting stages, directives, SLA breaches and webhooks', () => {
  let w: IncidentWorld;
  let cert: Client;
  let ownerAdmin: Client;
  beforeAll(async () => {
    w = await incidentWorld();
    cert = await member(w.ctx, await nationalCertId(w.ctx), 'cert_analyst');
    ownerAdmin = await signIn(w.ctx, await makeUser(w.ctx, [{ organisationId: w.org, role: 'admin' }]));
  });
  afterAll(async () => w.ctx.close());

  it('reports to the National CERT with the early warning, in stage order, shows the clocks to both sides and audits reads of the RED incident', async () => {
    const incident = await openIncident(w.operator, { title: 'Reportable', tlp: 'RED' });
    expect((await cert.request('GET', `/api/incidents/${incident.id}`)).statusCode).toBe(404);
    expect((await w.operator.request('POST', `/api/incidents/${incident.id}/stage-reports/notification`, { form: { summary: 'x', impact: 'x', indicators: 'x' } })).json().missing).toEqual(['early_warning']);
    const incomplete = await w.operator.request('POST', `/api/incidents/${incident.id}/stage-reports/early_warning`, { form: { crossBorder: 'no', colour: 'red' } });
    expect(incomplete.json().problems).toEqual(['summary is required text', 'crossBorder is true or false', 'colour is not a field of the early_warning form']);
    expect((await w.operator.request('POST', `/api/incidents/${incident.id}/stage-reports/early_warning`, { form: { summary: 'Suspected ransomware', crossBorder: false } })).statusCode).toBe(201);
    expect((await w.operator.request('POST', `/api/incidents/${incident.id}/stage-reports/early_warning`, { form: { summary: 'again' } })).statusCode).toBe(409);
    const seen = (await cert.request('GET', `/api/incidents/${incident.id}`)).json();
    expect(seen.reportedAt).not.toBeNull();
    expect(seen.reporting.clocks.early_warning.metAt).not.toBeNull();
    expect(seen.reporting.forms[0].form).toEqual({ summary: 'Suspected ransomware', crossBorder: false });
    const reads = await w.ctx.db.selectFrom('audit_log').select(['action', 'actor_label']).where('target_id', '=', incident.id).where('action', '=', 'incident.read').execute();
    expect(reads.length).toBeGreaterThanOrEqual(1);
  });

  it('lets the National CERT direct operators, who acknowledge and complete; an unacknowledged one escalates', async () => {
    const incident = await openIncident(w.operator, { title: 'Directed' });
    await w.operator.request('POST', `/api/incidents/${incident.id}/stage-reports/early_warning`, { form: { summary: 'x' } });
    expect((await w.operator.request('POST', `/api/incidents/${incident.id}/directives`, { title: 'x', action: 'x', dueAt: '2030-01-01T00:00:00Z', organisations: [w.org] })).statusCode).toBe(403);
    const issued = await cert.request('POST', `/api/incidents/${incident.id}/directives`, { title: 'Block the C2 domain', action: 'Sinkhole evil.example.org', dueAt: '2030-01-01T00:00:00Z', organisations: [w.org] });
    expect(issued.statusCode, issued.body).toBe(201);
    const mine = (await w.operator.request('GET', '/api/incidents/directives')).json().items;
    expect(mine.map((d: { id: string }) => d.id)).toContain(issued.json().id);
    expect((await w.ctx.app.inject({ method: 'GET', url: '/api/incidents/notifications', headers: { cookie: w.operator.cookie } })).json().items.map((n: { kind: string }) => n.kind)).toContain('incident.directive');

    expect((await sweep(w.ctx.db, new Date(Date.now() + 25 * hour))).escalations).toBe(1);
    expect((await sweep(w.ctx.db, new Date(Date.now() + 26 * hour))).escalations).toBe(0);
    const ack = await w.operator.request('POST', `/api/incidents/directives/${issued.json().id}/answer`, { organisationId: w.org, kind: 'complete', note: 'Done' });
    expect(ack.json().completedAt).not.toBeNull();
    const detail = (await cert.request('GET', `/api/incidents/${incident.id}`)).json();
    expect(detail.directives[0]).toMatchObject({ completionNote: 'Done' });
    expect(detail.directives[0].escalatedAt).not.toBeNull();
  });

  it('records an SLA breach once, notifies, and sends a signed webhook', async () => {
    const received: { body: string; signature: string }[] = [];
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (c) => (body += c));
      request.on('end', () => {
        received.push({ body, signature: String(request.headers['x-qalxan-signature']) });
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const hook = await ownerAdmin.request('POST', '/api/incidents/webhooks', { organisationId: w.org, url: `http://127.0.0.1:${port}/hook` });
      expect(hook.statusCode, hook.body).toBe(201);
      const incident = await openIncident(w.operator, { title: 'Critical', severity: 'critical' });
      expect((await sweep(w.ctx.db, new Date(Date.now() + hour))).breaches).toBeGreaterThanOrEqual(1);
      const again = await sweep(w.ctx.db, new Date(Date.now() + hour));
      expect(again.breaches).toBe(0);
      const detail = (await w.operator.request('GET', `/api/incidents/${incident.id}`)).json();
      expect(detail.sla.breaches.map((b: { measure: string }) => b.measure)).toEqual(['acknowledge']);
      expect((await deliver(w.ctx.db, null)).failed).toBe(0);
      const events = received.map((r) => JSON.parse(r.body));
      expect(events.filter((e) => e.incidentId === incident.id).map((e) => e.event)).toEqual(['incident.create', 'incident.sla_breach']);
      for (const r of received) expect(r.signature).toBe(signature(hook.json().secret, r.body));
    } finally {
      server.close();
    }
  });
});
