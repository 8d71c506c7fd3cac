import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { MAX_EVIDENCE_BYTES } from './plan.evidence.ts';
import { pdfEvidence, planFixture, reportBody, type PlanFixture } from './plan.fixtures.ts';

let f: PlanFixture;
beforeAll(async () => {
  f = await planFixture();
});
afterAll(async () => f.ctx.close());

const count = async (table: 'plan_reports' | 'plan_evidence') =>
  Number((await f.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

const priority = async (id: string) => (await f.operator.request('GET', '/api/plan/dashboard')).json().priorities.find((p: { id: string }) => p.id === id);

describe('progress reports', () => {
  it('lets the lead agency submit a report with evidence stored with its SHA-256, and audits it', async () => {
    const response = await f.operator.request('POST', '/api/plan/measures/8.1.1.1/reports', reportBody({ evidence: [pdfEvidence] }));
    expect(response.statusCode, response.body).toBe(201);
    const report = response.json();
    expect(report).toMatchObject({ measureId: '8.1.1.1', organisationId: f.agency.XRİTDX, acronym: 'XRİTDX', status: 'submitted', period: '2026-H2', percent: 30 });
    const content = Buffer.from(pdfEvidence.contentBase64, 'base64');
    expect(report.evidence).toEqual([expect.objectContaining({ name: pdfEvidence.name, size: content.length, sha256: createHash('sha256').update(content).digest('hex') })]);
    const download = await f.operator.request('GET', `/api/plan/reports/${report.id}/evidence/${report.evidence[0].id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(content)).toBe(true);
    const audit = await f.ctx.db.selectFrom('audit_log').selectAll().where('target_id', '=', report.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['plan.report.submit']);
  });

  it('lets a co-executing agency report on the same measure', async () => {
    const response = await f.dtxOperator.request('POST', '/api/plan/measures/8.1.1.1/reports', reportBody({ stage: 'intermediate', stageStatus: 'in_progress', percent: 20 }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().acronym).toBe('DTX');
  });

  it('refuses (403) a report from an agency that does not execute the measure, or for another agency', async () => {
    const before = await count('plan_reports');
    expect((await f.nkOperator.request('POST', '/api/plan/measures/8.1.1.1/reports', reportBody())).statusCode).toBe(403);
    expect((await f.operator.request('POST', '/api/plan/measures/8.1.1.1/reports', reportBody({ organisationId: f.agency.DTX }))).statusCode).toBe(403);
    expect(await count('plan_reports')).toBe(before);
  });

  it.each([
    ['malformed base64', { ...pdfEvidence, contentBase64: 'JVBERi0x!!!' }, 400],
    ['non-canonical base64', { ...pdfEvidence, contentBase64: 'JVBERi0xLjQ' }, 400],
    ['content that is not the declared type', { ...pdfEvidence, contentBase64: Buffer.from('MZ not a pdf').toString('base64') }, 422],
    ['a media type not accepted', { ...pdfEvidence, mediaType: 'application/x-msdownload' }, 415],
    ['a file over the size limit', { ...pdfEvidence, contentBase64: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(MAX_EVIDENCE_BYTES)]).toString('base64') }, 413],
    ['a path in the file name', { ...pdfEvidence, name: '../etc/passwd' }, 400],
  ])('refuses evidence with %s with a problem body and stores nothing', async (_what, evidence, status) => {
    const before = [await count('plan_reports'), await count('plan_evidence')];
    const response = await f.operator.request('POST', '/api/plan/measures/8.1.1.2/reports', reportBody({ evidence: [pdfEvidence, evidence] }));
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect([await count('plan_reports'), await count('plan_evidence')]).toEqual(before);
  });

  it('lets only the reporting agency edit its report, and only before a decision', async () => {
    const id = (await f.operator.request('POST', '/api/plan/measures/8.1.1.3/reports', reportBody({ percent: 5 }))).json().id;
    expect((await f.dtxOperator.request('PATCH', `/api/plan/reports/${id}`, { percent: 90 })).statusCode).toBe(404);
    const edited = await f.operator.request('PATCH', `/api/plan/reports/${id}`, { percent: 15, text: { az: 'Düzəliş', en: 'Corrected' } });
    expect(edited.json()).toMatchObject({ percent: 15, text: { az: 'Düzəliş', en: 'Corrected' } });
    expect((await f.coordinator.request('POST', `/api/plan/reports/${id}/decision`, { decision: 'return', comment: 'Sübut əlavə edin' })).json()).toMatchObject({ status: 'returned', coordinatorComment: 'Sübut əlavə edin' });
    expect((await f.operator.request('PATCH', `/api/plan/reports/${id}`, { percent: 20 })).statusCode).toBe(409);
  });

  it('shows agencies only their own reports and coordinators all of them', async () => {
    const own = (await f.dtxOperator.request('GET', '/api/plan/reports')).json().items;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r: { acronym: string }) => r.acronym === 'DTX')).toBe(true);
    const all = (await f.coordinator.request('GET', '/api/plan/reports?status=submitted')).json().items;
    expect(new Set(all.map((r: { acronym: string }) => r.acronym))).toEqual(new Set(['XRİTDX', 'DTX']));
  });

  it('lets only coordinators decide; acceptance moves the indicators and the priority figure, a second decision is 409', async () => {
    const [report] = (await f.coordinator.request('GET', '/api/plan/reports?measureId=8.1.1.1&status=submitted&organisationId=' + f.agency.XRİTDX)).json().items;
    expect((await f.operator.request('POST', `/api/plan/reports/${report.id}/decision`, { decision: 'accept' })).statusCode).toBe(403);
    expect((await f.coordinator.request('POST', `/api/plan/reports/${report.id}/decision`, { decision: 'return' })).statusCode).toBe(400);
    const before = await priority('8.1');
    const accepted = await f.coordinator.request('POST', `/api/plan/reports/${report.id}/decision`, { decision: 'accept', comment: 'Qəbul edildi' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', coordinatorComment: 'Qəbul edildi' });
    const measure = (await f.operator.request('GET', '/api/plan/measures/8.1.1.1')).json();
    expect(measure.indicators.initial.status).toBe('achieved');
    expect(measure.indicators.final.status).toBe('not_started');
    expect(measure).toMatchObject({ status: 'in_progress', completion: 30, acceptedReports: 1 });
    const after = await priority('8.1');
    expect(after.completion).toBeGreaterThan(before.completion);
    expect(after.inProgress).toBe(before.inProgress + 1);
    const again = await f.coordinator.request('POST', `/api/plan/reports/${report.id}/decision`, { decision: 'return', comment: 'late' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict', reportStatus: 'accepted' });
    const actions = (await f.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', report.id).orderBy('seq').execute()).map((a) => a.action);
    expect(actions).toEqual(['plan.report.submit', 'plan.report.accept']);
  });

  it("lets an executing agency name its responsible person, but not another agency's", async () => {
    const url = `/api/plan/measures/8.1.1.1/executors/${f.agency.XRİTDX}/responsible`;
    expect((await f.dtxOperator.request('PUT', url, { name: 'Intruder' })).statusCode).toBe(403);
    expect((await f.nkOperator.request('PUT', `/api/plan/measures/8.1.1.1/executors/${f.agency.NK}/responsible`, { name: 'X' })).statusCode).toBe(403);
    const response = await f.operator.request('PUT', url, { name: 'Aysel Quliyeva', contact: 'aysel@example.az' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().executors[0]).toMatchObject({ acronym: 'XRİTDX', lead: true, responsible: { name: 'Aysel Quliyeva', contact: 'aysel@example.az' } });
  });
});
