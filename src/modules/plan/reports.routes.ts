/** Progress reports over HTTP: submit with evidence, edit, list, read, download evidence, decide. */
import { actorOf } from '../../http/auth.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { REPORT_BODY_LIMIT } from './plan.evidence.ts';
import { DecisionBody, EvidenceParams, MeasureParams, ReportBody, ReportListQuery, ReportParams, ReportPatchBody } from './plan.schema.ts';
import * as reports from './reports.service.ts';

const tags = ['plan'];

export function reportRoutes(app: App, { db }: RouteDeps): void {
  app.post('/api/plan/measures/:id/reports', {
    bodyLimit: REPORT_BODY_LIMIT,
    schema: { tags, summary: 'Submit a progress report for a measure your agency executes, with evidence files (base64)', params: MeasureParams, body: ReportBody },
  }, async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => reports.submit(tx, actorOf(request), request.params.id, request.body))));

  app.get('/api/plan/reports', { schema: { tags, summary: "Reports you may read: your agencies' (coordinators: all)", querystring: ReportListQuery } },
    async (request) => {
      const { measureId, ...rest } = request.query;
      return { items: await reports.list(db, actorOf(request), { ...rest, itemId: measureId }) };
    });

  app.get('/api/plan/reports/:id', { schema: { tags, summary: 'One report with its evidence list', params: ReportParams } },
    async (request) => reports.get(db, actorOf(request), request.params.id));

  app.patch('/api/plan/reports/:id', { schema: { tags, summary: 'Change your agency’s report while it awaits a decision', params: ReportParams, body: ReportPatchBody } },
    async (request) => db.transaction().execute((tx) => reports.update(tx, actorOf(request), request.params.id, request.body)));

  app.post('/api/plan/reports/:id/decision', { schema: { tags, summary: 'Accept or return a report (coordinators; once — a second decision is 409)', params: ReportParams, body: DecisionBody } },
    async (request) => db.transaction().execute((tx) => reports.decide(tx, actorOf(request), request.params.id, request.body)));

  app.get('/api/plan/reports/:id/evidence/:evidenceId', { schema: { tags, summary: 'Download one evidence file', params: EvidenceParams } },
    async (request, reply) => {
      const file = await reports.evidenceFile(db, actorOf(request), request.params.id, request.params.evidenceId);
      const name = encodeURIComponent(file.name);
      return reply.type(file.mediaType).header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${name}`)
        .header('x-content-sha256', file.sha256).send(file.content);
    });
}
