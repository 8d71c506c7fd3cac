/**
 * How each action-plan route keeps organisation A's user out of organisation B's records. The
 * plan itself is readable by everyone signed in; what is B's own is its progress reports, their
 * evidence and its responsible person, so the setup makes B an executor of 8.1.1.1 and reports.
 */
import { expect } from 'vitest';
import { expectHidden, expectNotListed, type ModuleGuards } from '../../testing/guards.ts';
import * as planStore from './plan.store.ts';
import { syncActionPlan } from './plan.sync.ts';

const measure = '8.1.1.1';
const pdf = Buffer.from('%PDF-1.4 guard evidence').toString('base64');

export const guards: ModuleGuards = {
  async setup(f) {
    await syncActionPlan(f.ctx.db);
    const { acronym } = (await f.b.client.request('GET', `/api/organisations/${f.b.org}`)).json();
    await planStore.upsertExecutor(f.ctx.db, { item_id: measure, organisation_id: f.b.org, acronym, lead: false, recommended: false, position: 99 });
    const report = await f.b.client.request('POST', `/api/plan/measures/${measure}/reports`, {
      stage: 'initial', stageStatus: 'in_progress', text: { az: 'B hesabatı', en: 'B report' }, percent: 10, date: '2026-01-15',
      evidence: [{ name: 'b.pdf', mediaType: 'application/pdf', contentBase64: pdf }],
    });
    expect(report.statusCode, report.body).toBe(201);
    f.records.planReport = report.json().id;
    f.records.planEvidence = report.json().evidence[0].id;
  },
  checks: {
    'GET /api/plan': async (f) => expectNotListed(await f.a.client.request('GET', '/api/plan'), [f.records.planReport]),
    'GET /api/plan/measures': async (f) => expectNotListed(await f.a.client.request('GET', '/api/plan/measures'), [f.records.planReport]),
    'GET /api/plan/measures/:id': async (f) => expectNotListed(await f.a.client.request('GET', `/api/plan/measures/${measure}`), [f.records.planReport]),
    'GET /api/plan/my-measures': async (f) => expectNotListed(await f.a.client.request('GET', '/api/plan/my-measures'), [f.b.org, f.records.planReport]),
    'PUT /api/plan/measures/:id/executors/:organisationId/responsible': async (f) =>
      expectHidden(await f.a.client.request('PUT', `/api/plan/measures/${measure}/executors/${f.b.org}/responsible`, { name: 'Intruder' })),
    'GET /api/plan/dashboard': async (f) => {
      const response = await f.a.client.request('GET', '/api/plan/dashboard');
      expectNotListed(response, [f.records.planReport]);
      expect(response.json().totals.pendingReports).toBe(0);
    },
    // Plan-level figures only (statuses, completion, overdue), never a report's text or evidence.
    'GET /api/plan/progress-report': async (f) => {
      const response = await f.a.client.request('GET', `/api/plan/progress-report?format=xlsx&organisationId=${f.b.org}`);
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.includes(Buffer.from('B hesabatı'))).toBe(false);
    },
    'POST /api/plan/measures/:id/reports': async (f) => expectHidden(await f.a.client.request('POST', `/api/plan/measures/${measure}/reports`, {
      organisationId: f.b.org, stage: 'initial', stageStatus: 'achieved', text: { az: 'x', en: 'x' }, percent: 100, date: '2026-01-01',
    })),
    'GET /api/plan/reports': async (f) => expectNotListed(await f.a.client.request('GET', '/api/plan/reports'), [f.records.planReport]),
    'GET /api/plan/reports/:id': async (f) => expectHidden(await f.a.client.request('GET', `/api/plan/reports/${f.records.planReport}`)),
    'PATCH /api/plan/reports/:id': async (f) => expectHidden(await f.a.client.request('PATCH', `/api/plan/reports/${f.records.planReport}`, { percent: 99 })),
    'POST /api/plan/reports/:id/decision': async (f) => expectHidden(await f.a.client.request('POST', `/api/plan/reports/${f.records.planReport}/decision`, { decision: 'accept' })),
    'GET /api/plan/reports/:id/evidence/:evidenceId': async (f) =>
      expectHidden(await f.a.client.request('GET', `/api/plan/reports/${f.records.planReport}/evidence/${f.records.planEvidence}`)),
  },
};
