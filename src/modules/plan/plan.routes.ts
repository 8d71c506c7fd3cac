/** The action plan over HTTP: the tree, measures, dashboard, exports, responsible persons; reports in reports.routes.ts. */
import { actorOf } from '../../http/auth.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { fail } from '../../lib/errors.ts';
import { progressReport } from './plan.export.ts';
import { renderPdf } from './plan.pdf.ts';
import { parseRange } from './plan.schedule.ts';
import { DashboardQuery, ExecutorParams, MeasureParams, PlanQuery, ProgressReportQuery, ResponsibleBody } from './plan.schema.ts';
import * as plan from './plan.service.ts';
import { renderXlsx } from './plan.xlsx.ts';
import { reportRoutes } from './reports.routes.ts';

const tags = ['plan'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function range(period: string | undefined) {
  try {
    return parseRange(period);
  } catch (error) {
    throw fail.validation((error as Error).message);
  }
}

export function planRoutes(app: App, deps: RouteDeps): void {
  const { db } = deps;
  app.get('/api/plan', { schema: { tags, summary: 'Priorities → goals → measures with indicators, status, deadline and overdue flag; filtered', querystring: PlanQuery } },
    async (request) => plan.tree(db, actorOf(request), request.query));

  app.get('/api/plan/measures', { schema: { tags, summary: 'Measures as a flat list, filtered', querystring: PlanQuery } },
    async (request) => {
      actorOf(request);
      return { items: (await plan.measures(db, request.query)).measures };
    });

  app.get('/api/plan/measures/:id', { schema: { tags, summary: 'One measure', params: MeasureParams } },
    async (request) => plan.measure(db, actorOf(request), request.params.id));

  app.get('/api/plan/my-measures', { schema: { tags, summary: "Measures your own agencies execute (lead or co-executor)", querystring: PlanQuery } },
    async (request) => plan.mine(db, actorOf(request), request.query));

  app.put('/api/plan/measures/:id/executors/:organisationId/responsible', { schema: { tags, summary: "Name your agency's responsible person for a measure (null clears)", params: ExecutorParams, body: ResponsibleBody } },
    async (request) => db.transaction().execute((tx) => plan.setResponsible(tx, actorOf(request), request.params.id, request.params.organisationId, { name: request.body.name, contact: request.body.contact ?? null })));

  app.get('/api/plan/dashboard', { schema: { tags, summary: 'Completion per priority and per agency, overdue counts', querystring: DashboardQuery } },
    async (request) => plan.dashboard(db, actorOf(request), { range: request.query.period ? range(request.query.period) : undefined }));

  app.get('/api/plan/progress-report', { schema: { tags, summary: 'National or per-agency progress report for a period, bilingual, as PDF or XLSX', querystring: ProgressReportQuery } },
    async (request, reply) => {
      const { format, ...input } = request.query;
      const report = await progressReport(db, actorOf(request), input);
      const name = `qalxan-plan-${input.organisationId ? report.scope.en.split(' ')[0] : 'national'}-${report.range.label}.${format}`;
      reply.header('content-disposition', `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      if (format === 'pdf') return reply.type('application/pdf').send(await renderPdf(report));
      return reply.type(xlsxType).send(await renderXlsx(report));
    });

  reportRoutes(app, deps);
}
