/**
 * How each incident route keeps organisation A's user out of organisation B's incidents. B's
 * operator opens a RED incident with an observable, a task and an attachment; B also has a webhook.
 */
import { expect } from 'vitest';
import { expectHidden, expectNotListed, type ModuleGuards } from '../../testing/guards.ts';
import * as notifyStore from './notify.store.ts';

const uuid = '00000000-0000-4000-8000-000000000001';

export const guards: ModuleGuards = {
  async setup(f) {
    const created = await f.b.client.request('POST', '/api/incidents', {
      title: 'B guard incident', tlp: 'RED', observables: [{ type: 'domain', value: 'guard-b.example.org' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    f.records.incident = created.json().id;
    const detail = (await f.b.client.request('GET', `/api/incidents/${f.records.incident}`)).json();
    f.records.observable = detail.observables[0].id;
    f.records.task = (await f.b.client.request('POST', `/api/incidents/${f.records.incident}/tasks`, { title: 'B task' })).json().id;
    f.records.attachment = (await f.b.client.request('POST', `/api/incidents/${f.records.incident}/attachments`, { name: 'b.txt', mediaType: 'text/plain', contentBase64: Buffer.from('b').toString('base64') })).json().id;
    f.records.webhook = '00000000-0000-4000-8000-0000000000b1';
    await notifyStore.insertWebhook(f.ctx.db, { id: f.records.webhook, organisation_id: f.b.org, url: 'http://127.0.0.1:9/b', secret: 'b-secret' });
  },
  checks: {
    'GET /api/incidents/taxonomy': async (f) => expectNotListed(await f.a.client.request('GET', '/api/incidents/taxonomy'), [f.records.incident]),
    'GET /api/incidents': async (f) => expectNotListed(await f.a.client.request('GET', '/api/incidents?q=guard-b.example.org'), [f.records.incident]),
    'POST /api/incidents': async (f) => expectHidden(await f.a.client.request('POST', '/api/incidents', { organisationId: f.b.org, title: 'intruder' })),
    'GET /api/incidents/:id': async (f) => expectHidden(await f.a.client.request('GET', `/api/incidents/${f.records.incident}`)),
    'PATCH /api/incidents/:id': async (f) => expectHidden(await f.a.client.request('PATCH', `/api/incidents/${f.records.incident}`, { version: 1, title: 'x' })),
    'POST /api/incidents/:id/classification': async (f) => expectHidden(await f.a.client.request('POST', `/api/incidents/${f.records.incident}/classification`, { version: 1, classKey: 'other', typeKey: 'other' })),
    'POST /api/incidents/:id/status': async (f) => expectHidden(await f.a.client.request('POST', `/api/incidents/${f.records.incident}/status`, { version: 1, status: 'triage' })),
    'POST /api/incidents/:id/observables': async (f) => expectHidden(await f.a.client.request('POST', `/api/incidents/${f.records.incident}/observables`, { observables: [{ type: 'ip', value: '10.0.0.1' }] })),
    'DELETE /api/incidents/:id/observables/:observableId': async (f) => expectHidden(await f.a.client.request('DELETE', `/api/incidents/${f.records.incident}/observables/${f.records.observable}`)),
    'POST /api/incidents/:id/tasks': async (f) => expectHidden(await f.a.client.request('POST', `/api/incidents/${f.records.incident}/tasks`, { title: 'x' })),
    'PATCH /api/incidents/:id/tasks/:taskId': async (f) => expectHidden(await f.a.client.request('PATCH', `/api/incidents/${f.records.incident}/tasks/${f.records.task}`, { done: true })),
    'POST /api/incidents/:id/attachments': async (f) => expectHidden(await f.a.client.request('POST', `/api/incidents/${f.records.incident}/attachments`, { name: 'x', mediaType: 'text/plain', contentBase64: 'eA==' })),
    'GET /api/incidents/:id/attachments/:attachmentId': async (f) => expectHidden(await f.a.client.request('GET', `/api/incidents/${f.records.incident}/attachments/${f.records.attachment}`)),
    'POST /api/incidents/:id/stage-reports/:stage': async (f) => expectHidden(await f.a.client.request('POST', `/api/incidents/${f.records.incident}/stage-reports/early_warning`, { form: { summary: 'x' } })),
    'POST /api/incidents/:id/directives': async (f) => expectHidden(await f.a.client.request('POST', `/api/incidents/${f.records.incident}/directives`, { title: 'x', action: 'x', dueAt: '2030-01-01T00:00:00Z', organisations: [f.b.org] })),
    'GET /api/incidents/directives': async (f) => expectNotListed(await f.a.client.request('GET', '/api/incidents/directives'), [f.records.incident, f.b.org]),
    'POST /api/incidents/directives/:id/answer': async (f) => expectHidden(await f.a.client.request('POST', `/api/incidents/directives/${uuid}/answer`, { organisationId: f.b.org, kind: 'acknowledge' })),
    'GET /api/incidents/export.csv': async (f) => expectNotListed(await f.a.client.request('GET', '/api/incidents/export.csv'), [f.records.incident]),
    'GET /api/incidents/metrics': async (f) => expectNotListed(await f.a.client.request('GET', '/api/incidents/metrics'), [f.b.org]),
    'GET /api/incidents/metrics.csv': async (f) => expectNotListed(await f.a.client.request('GET', '/api/incidents/metrics.csv'), [f.b.org]),
    'GET /api/incidents/statistics.xlsx': async (f) => {
      const response = await f.a.client.request('GET', '/api/incidents/statistics.xlsx');
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.includes(Buffer.from(f.b.org))).toBe(false);
    },
    // Aggregates only; organisation keys are ids, and B's is absent from A's figures (checked on the XLSX and JSON).
    'GET /api/incidents/statistics.pdf': async (f) => expect((await f.a.client.request('GET', '/api/incidents/statistics.pdf')).statusCode).toBe(200),
    'GET /api/incidents/:id/report.pdf': async (f) => expectHidden(await f.a.client.request('GET', `/api/incidents/${f.records.incident}/report.pdf`)),
    'GET /api/incidents/notifications': async (f) => expectNotListed(await f.a.client.request('GET', '/api/incidents/notifications'), [f.records.incident]),
    'GET /api/incidents/webhooks': async (f) => expectNotListed(await f.a.client.request('GET', '/api/incidents/webhooks'), [f.records.webhook]),
    'POST /api/incidents/webhooks': async (f) => expectHidden(await f.a.client.request('POST', '/api/incidents/webhooks', { organisationId: f.b.org, url: 'http://127.0.0.1:9/x' })),
    'DELETE /api/incidents/webhooks/:id': async (f) => expectHidden(await f.a.client.request('DELETE', `/api/incidents/webhooks/${f.records.webhook}`)),
    'POST /api/incidents/from-alerts': async (f) => expectHidden(await f.a.client.request('POST', '/api/incidents/from-alerts', { alertIds: ['0123456789abcdef0123456789abcdef'] })),
    'POST /api/incidents/import-email': async (f) => expectHidden(await f.a.client.request('POST', '/api/incidents/import-email', { organisationId: f.b.org, message: 'Subject: x\n\nbody' })),
  },
};
