import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentWorld, openIncident, type IncidentWorld } from './incidents.fixtures.ts';

describe('incident records', () => {
  let w: IncidentWorld;
  beforeAll(async () => {
    w = await incidentWorld();
  });
  afterAll(async () => w.ctx.close());

  it('opens an incident in the caller organisation with AMBER markings by default and a timeline entry', async () => {
    const created = await openIncident(w.operator, { title: 'Phishing wave', description: 'Mails to staff' });
    expect(created).toMatchObject({ organisationId: w.org, status: 'new', tlp: 'AMBER', pap: 'AMBER', version: 1, source: 'api' });
    const detail = (await w.operator.request('GET', `/api/incidents/${created.id}`)).json();
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['incident.create']);
    const audit = await w.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', created.id).execute();
    expect(audit.map((a) => a.action)).toContain('incident.create');
  });

  it('refuses a stale version with 409 and overwrites nothing', async () => {
    const created = await openIncident(w.operator, { title: 'Original' });
    const first = await w.operator.request('PATCH', `/api/incidents/${created.id}`, { version: 1, title: 'First edit' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await w.operator.request('PATCH', `/api/incidents/${created.id}`, { version: 1, title: 'Second edit' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', currentVersion: 2 });
    expect((await w.operator.request('GET', `/api/incidents/${created.id}`)).json().title).toBe('First edit');
  });

  it('cannot be closed unclassified (409 with a problem body), and closes once classified', async () => {
    const created = await openIncident(w.operator, { title: 'Unclassified' });
    let version = created.version;
    for (const status of ['triage', 'containment', 'resolved']) {
      const moved = await w.operator.request('POST', `/api/incidents/${created.id}/status`, { version, status });
      expect(moved.statusCode, moved.body).toBe(200);
      version = moved.json().version;
    }
    const refused = await w.operator.request('POST', `/api/incidents/${created.id}/status`, { version, status: 'closed' });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'conflict', missing: 'classification' });
    const classified = await w.operator.request('POST', `/api/incidents/${created.id}/classification`, { version, classKey: 'fraud', typeKey: 'phishing' });
    expect(classified.json()).toMatchObject({ classification: { classKey: 'fraud', typeKey: 'phishing' }, severity: 'low' });
    const closed = await w.operator.request('POST', `/api/incidents/${created.id}/status`, { version: classified.json().version, status: 'closed' });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect(closed.json().acknowledgedAt).not.toBeNull();
    expect(closed.json().containedAt).not.toBeNull();
    expect(closed.json().resolvedAt).not.toBeNull();
  });

  it('reopens a closed incident into triage and clears its resolution', async () => {
    const created = await openIncident(w.operator, { title: 'Reopen me', classKey: 'other', typeKey: 'other' });
    let r = await w.operator.request('POST', `/api/incidents/${created.id}/status`, { version: 1, status: 'resolved' });
    r = await w.operator.request('POST', `/api/incidents/${created.id}/status`, { version: r.json().version, status: 'closed' });
    r = await w.operator.request('POST', `/api/incidents/${created.id}/status`, { version: r.json().version, status: 'triage' });
    expect(r.json()).toMatchObject({ status: 'triage', resolvedAt: null, closedAt: null });
  });

  it('refuses a move the lifecycle does not allow', async () => {
    const created = await openIncident(w.operator, { title: 'Jumpy' });
    const r = await w.operator.request('POST', `/api/incidents/${created.id}/status`, { version: 1, status: 'recovery' });
    expect(r.statusCode).toBe(409);
    expect(r.json().allowed).toEqual(['triage', 'containment', 'resolved']);
  });

  it('derives severity from the class table and raises it when a CII object is affected', async () => {
    const plain = await openIncident(w.operator, { title: 'Ransomware', classKey: 'malicious-code', typeKey: 'infected-system', impact: 'moderate' });
    const cii = await openIncident(w.operator, { title: 'Ransomware at CII', classKey: 'malicious-code', typeKey: 'infected-system', impact: 'moderate', ciiAffected: true });
    expect([plain.severity, cii.severity]).toEqual(['high', 'critical']);
    const unknown = await w.operator.request('POST', '/api/incidents', { title: 'x', classKey: 'malicious-code', typeKey: 'nope' });
    expect(unknown.statusCode).toBe(400);
  });

  it('keeps tasks and attachments with their SHA-256, each in the timeline', async () => {
    const created = await openIncident(w.operator, { title: 'Work' });
    const task = await w.operator.request('POST', `/api/incidents/${created.id}/tasks`, { title: 'Isolate host', dueAt: '2020-01-01T00:00:00Z' });
    expect(task.statusCode).toBe(201);
    await w.operator.request('PATCH', `/api/incidents/${created.id}/tasks/${task.json().id}`, { done: true });
    const content = Buffer.from('memory dump');
    const attached = await w.operator.request('POST', `/api/incidents/${created.id}/attachments`, { name: 'dump.bin', mediaType: 'application/octet-stream', contentBase64: content.toString('base64') });
    expect(attached.json().sha256).toBe(crypto.createHash('sha256').update(content).digest('hex'));
    const download = await w.operator.request('GET', `/api/incidents/${created.id}/attachments/${attached.json().id}`);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(download.headers['x-content-sha256']).toBe(attached.json().sha256);
    const detail = (await w.operator.request('GET', `/api/incidents/${created.id}`)).json();
    expect(detail.tasks[0]).toMatchObject({ title: 'Isolate host', overdue: false });
    expect(detail.tasks[0].doneAt).not.toBeNull();
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['incident.create', 'incident.task.add', 'incident.task.update', 'incident.attachment.add']);
  });

  it('answers 400, not 500, when an affected organisation, assignee or task owner does not exist', async () => {
    const missing = '00000000-0000-4000-8000-00000000dead';
    expect((await w.operator.request('POST', '/api/incidents', { title: 'x', affectedOrganisations: [missing] })).statusCode).toBe(400);
    const created = await openIncident(w.operator, { title: 'References' });
    expect((await w.operator.request('PATCH', `/api/incidents/${created.id}`, { version: 1, assigneeUserId: missing })).statusCode).toBe(400);
    expect((await w.operator.request('POST', `/api/incidents/${created.id}/tasks`, { title: 't', ownerUserId: missing })).statusCode).toBe(400);
  });

  it('rejects invalid observables with the reason and stores valid ones canonically', async () => {
    const created = await openIncident(w.operator, { title: 'IOCs' });
    const bad = await w.operator.request('POST', `/api/incidents/${created.id}/observables`, { observables: [{ type: 'ip', value: '300.1.1.1' }, { type: 'cve', value: 'CVE-21-1' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalid.map((i: { reason: string }) => i.reason)).toEqual(['not an IPv4 or IPv6 address', 'CVE-YYYY-NNNN']);
    const good = await w.operator.request('POST', `/api/incidents/${created.id}/observables`, { observables: [{ type: 'domain', value: 'EVIL.Example.ORG.' }, { type: 'cve', value: 'cve-2024-3400' }] });
    expect(good.json().items.map((o: { value: string }) => o.value)).toEqual(['evil.example.org', 'CVE-2024-3400']);
  });

  it('shows an observable seen in another incident as a correlation link', async () => {
    const first = await openIncident(w.operator, { title: 'First sighting', observables: [{ type: 'ip', value: '203.0.113.7' }] });
    const second = await openIncident(w.operator, { title: 'Second sighting', observables: [{ type: 'ip', value: '203.0.113.7' }, { type: 'ip', value: '198.51.100.1' }] });
    const detail = (await w.operator.request('GET', `/api/incidents/${second.id}`)).json();
    const seen = detail.observables.find((o: { value: string }) => o.value === '203.0.113.7');
    expect(seen.correlations).toEqual([{ incidentId: first.id, title: 'First sighting', status: 'new', severity: 'medium' }]);
    expect(detail.observables.find((o: { value: string }) => o.value === '198.51.100.1').correlations).toEqual([]);
  });

  it('renders the incident report as a PDF and the list as CSV', async () => {
    const created = await openIncident(w.operator, { title: 'Şəbəkə hücumu, "quoted"' });
    const pdf = await w.operator.request('GET', `/api/incidents/${created.id}/report.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await w.operator.request('GET', '/api/incidents/export.csv');
    expect(csv.body).toContain(`${created.id},"Şəbəkə hücumu, ""quoted"""`);
  });
});
