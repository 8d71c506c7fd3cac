import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { newId } from '../../lib/crypto.ts';
import { nationalCertId, type Client } from '../../testing/app.ts';
import { incidentWorld, member, openIncident, type IncidentWorld } from './incidents.fixtures.ts';
import { solve } from './intake.service.ts';

const email = [
  'From: =?utf-8?B?TsmZcmltYW4gUXVsaXlldg==?= <soc@bank.example.az>',
  'To: cert@example.az',
  'Subject: =?utf-8?Q?Fi=C5=9Finq_h=C3=BCcumu?=',
  'Date: Tue, 10 Nov 2026 09:15:00 +0400',
  'Message-ID: <abc@bank.example.az>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Link: https://login-bank.example.net/x?id=3D1 from 198.51.100.23, hash =',
  '44d88612fea8a8f36de82e1278abb02f',
  '--b1',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>ignored</p>',
  '--b1--',
  '',
].join('\r\n');

async function publicReport(w: IncidentWorld, body: Record<string, unknown>, address = '203.0.113.50') {
  const { challenge, difficulty } = (await w.ctx.app.inject({ method: 'GET', url: '/api/public/incident-reports/challenge' })).json();
  return w.ctx.app.inject({
    method: 'POST', url: '/api/public/incident-reports', remoteAddress: address,
    payload: { challenge, nonce: solve(challenge, difficulty), reporter: { name: 'Aysel', email: 'aysel@example.az' }, title: 'Defaced site', description: 'Our site shows http://evil.example.com/x', ...body },
  });
}

describe('intake', () => {
  let w: IncidentWorld;
  let cert: Client;
  beforeAll(async () => {
    w = await incidentWorld({ QALXAN_PUBLIC_REPORT_POW_BITS: '8', QALXAN_PUBLIC_REPORTS_PER_HOUR: '2' });
    cert = await member(w.ctx, await nationalCertId(w.ctx), 'cert_analyst');
  });
  afterAll(async () => w.ctx.close());

  it('takes a public report with a proof of work to the National CERT, and refuses a wrong proof or a reused challenge', async () => {
    const response = await publicReport(w, {});
    expect(response.statusCode, response.body).toBe(201);
    const seen = (await cert.request('GET', `/api/incidents/${response.json().id}`)).json();
    expect(seen).toMatchObject({ source: 'public', tlp: 'AMBER', reporter: { name: 'Aysel', email: 'aysel@example.az' } });
    expect(seen.observables.map((o: { value: string }) => o.value)).toEqual(['http://evil.example.com/x']);
    const { challenge } = (await w.ctx.app.inject({ method: 'GET', url: '/api/public/incident-reports/challenge' })).json();
    const wrong = await publicReport(w, { challenge, nonce: 'not-a-proof' }, '203.0.113.51');
    expect(wrong.statusCode).toBe(400);
    expect((await publicReport(w, { challenge, nonce: solve(challenge, 8) }, '203.0.113.51')).statusCode).toBe(201);
    const reused = await publicReport(w, { challenge, nonce: solve(challenge, 8) }, '203.0.113.52');
    expect(reused.json().detail).toContain('already used');
  });

  it('limits public reports per address per hour', async () => {
    expect((await publicReport(w, {}, '203.0.113.60')).statusCode).toBe(201);
    expect((await publicReport(w, {}, '203.0.113.60')).statusCode).toBe(201);
    expect((await publicReport(w, {}, '203.0.113.60')).statusCode).toBe(429);
  });

  it('imports an e-mail as a draft incident with its observables', async () => {
    const response = await w.operator.request('POST', '/api/incidents/import-email', { message: email });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ title: 'Fişinq hücumu', source: 'email', reporter: { name: 'Nəriman Quliyev <soc@bank.example.az>', email: 'soc@bank.example.az' }, detectedAt: '2026-11-10T05:15:00.000Z' });
    const detail = (await w.operator.request('GET', `/api/incidents/${response.json().id}`)).json();
    expect(detail.observables.map((o: { type: string; value: string }) => `${o.type}:${o.value}`).sort()).toEqual(['ip:198.51.100.23', 'md5:44d88612fea8a8f36de82e1278abb02f', 'url:https://login-bank.example.net/x?id=1']);
  });

  it('promotes alerts into one incident, merges more later, and never takes an alert twice', async () => {
    const alert = async (host: string) => {
      const id = crypto.randomBytes(16).toString('hex');
      await w.ctx.db.insertInto('detect_alerts').values({
        id, organisation_id: w.org, rule_kind: 'sigma', rule_id: 'r1', rule_title: 'Beacon to C2', severity: 'high', techniques: '[]', host,
        first_seen: new Date('2026-11-01T10:00:00Z'), last_seen: new Date(), count: 3, sample_event_id: newId(), sample_event: JSON.stringify({ destination: { ip: '192.0.2.200' } }),
      }).execute();
      return id;
    };
    const [a1, a2, a3] = [await alert('ws-01.corp.example'), await alert('ws-02.corp.example'), await alert('ws-03.corp.example')];
    const promoted = await w.operator.request('POST', '/api/incidents/from-alerts', { alertIds: [a1, a2] });
    expect(promoted.statusCode, promoted.body).toBe(201);
    const incidentId = promoted.json().incidentId;
    const merged = await w.operator.request('POST', '/api/incidents/from-alerts', { alertIds: [a2, a3], incidentId });
    expect(merged.json()).toMatchObject({ linked: [a3], skipped: [a2] });
    expect((await w.operator.request('POST', '/api/incidents/from-alerts', { alertIds: [a1] })).statusCode).toBe(409);
    const detail = (await w.operator.request('GET', `/api/incidents/${incidentId}`)).json();
    expect(detail).toMatchObject({ source: 'alert', severity: 'high', title: 'Beacon to C2', detectedAt: '2026-11-01T10:00:00.000Z' });
    expect(detail.alerts.sort()).toEqual([a1, a2, a3].sort());
    expect(detail.observables.map((o: { value: string }) => o.value)).toContain('192.0.2.200');
    const statuses = await w.ctx.db.selectFrom('detect_alerts').select('status').where('id', 'in', [a1, a2, a3]).execute();
    expect(statuses.every((s) => s.status === 'acknowledged')).toBe(true);
  });

  it('measures MTTD and MTTR and exports them as CSV, XLSX and PDF', async () => {
    const incident = await openIncident(w.operator, { title: 'Measured', classKey: 'test', typeKey: 'test', occurredAt: new Date(Date.now() - 3600_000).toISOString() });
    await w.operator.request('POST', `/api/incidents/${incident.id}/status`, { version: 1, status: 'resolved' });
    const m = (await w.operator.request('GET', '/api/incidents/metrics')).json();
    const test = m.byClass.find((g: { key: string }) => g.key === 'test');
    expect(test).toMatchObject({ count: 1, resolved: 1 });
    expect(test.mttdMinutes).toBeCloseTo(60, 0);
    expect(test.mttrMinutes).toBeGreaterThanOrEqual(0);
    const csv = (await w.operator.request('GET', '/api/incidents/metrics.csv')).body;
    expect(csv.split('\r\n')[0]).toBe('dimension,key,name_az,name_en,count,resolved,mttd_minutes,mtta_minutes,mttr_minutes');
    expect(csv).toContain('class,"test","Sınaq","Test",1,1,');
    expect(csv).toContain('status,"resolved","Həll edilib","Resolved",');
    expect(m.byStatus.find((g: { key: string }) => g.key === 'resolved').label).toEqual({ az: 'Həll edilib', en: 'Resolved' });
    const xlsx = await w.operator.request('GET', '/api/incidents/statistics.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toContain('Sinif - Class');
    const classes = book.getWorksheet('Sinif - Class')!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1, 4));
    expect(classes).toContainEqual(['test', 'Sınaq', 'Test']);
    const pdf = await w.operator.request('GET', '/api/incidents/statistics.pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
