/** What comes out of incidents: metrics (JSON, CSV), list export, the incident PDF, the statistics XLSX, notifications and webhooks. */
import { actorOf } from '../../http/auth.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { incidentPdf, statisticsPdf, statisticsXlsx } from './incidents.documents.ts';
import { IdParams, IncidentQuery, PeriodQuery, WebhookBody } from './incidents.schema.ts';
import * as incidents from './incidents.service.ts';
import { incidentsCsv } from './incidents.view.ts';
import { metrics, metricsCsv } from './metrics.service.ts';
import * as notify from './notify.service.ts';
import * as work from './work.service.ts';

const tags = ['incidents'];

function download(reply: import('fastify').FastifyReply, name: string, type: string) {
  return reply.header('content-disposition', `attachment; filename="${name}"`).type(type);
}

export function outputRoutes(app: App, { db, config }: RouteDeps): void {
  app.get('/api/incidents/export.csv', { schema: { tags, summary: 'The filtered incident list as CSV', querystring: IncidentQuery } },
    async (request, reply) => download(reply, 'qalxan-incidents.csv', 'text/csv; charset=utf-8').send(incidentsCsv(await incidents.list(db, actorOf(request), { ...request.query, limit: request.query.limit ?? 1000 }))));

  app.get('/api/incidents/metrics', { schema: { tags, summary: 'MTTD, MTTA, MTTR and counts per class, sector, organisation, severity, status and month (visible incidents)', querystring: PeriodQuery } },
    async (request) => metrics(db, actorOf(request), request.query));

  app.get('/api/incidents/metrics.csv', { schema: { tags, summary: 'The metrics as CSV', querystring: PeriodQuery } },
    async (request, reply) => download(reply, 'qalxan-incident-metrics.csv', 'text/csv; charset=utf-8').send(metricsCsv(await metrics(db, actorOf(request), request.query))));

  app.get('/api/incidents/statistics.xlsx', { schema: { tags, summary: 'Periodic statistics report as XLSX', querystring: PeriodQuery } },
    async (request, reply) => download(reply, 'qalxan-incident-statistics.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(await statisticsXlsx(await metrics(db, actorOf(request), request.query))));

  app.get('/api/incidents/statistics.pdf', { schema: { tags, summary: 'Periodic statistics report as PDF', querystring: PeriodQuery } },
    async (request, reply) => download(reply, 'qalxan-incident-statistics.pdf', 'application/pdf').send(await statisticsPdf(await metrics(db, actorOf(request), request.query))));

  app.get('/api/incidents/:id/report.pdf', { schema: { tags, summary: 'The incident report as PDF', params: IdParams } },
    async (request, reply) => download(reply, `qalxan-incident-${request.params.id}.pdf`, 'application/pdf')
      .send(await incidentPdf(await db.transaction().execute((tx) => work.detail(tx, actorOf(request), request.params.id, config.incidents)))));

  app.get('/api/incidents/notifications', { schema: { tags, summary: "In-app notifications of the caller's organisations" } },
    async (request) => ({ items: await notify.notifications(db, actorOf(request)) }));

  app.get('/api/incidents/webhooks', { schema: { tags, summary: "Webhooks of the caller's organisations" } },
    async (request) => ({ items: await notify.webhooks(db, actorOf(request)) }));

  app.post('/api/incidents/webhooks', { schema: { tags, summary: 'Register a signed (HMAC-SHA256) webhook for incident events; the secret is shown once', body: WebhookBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => notify.addWebhook(tx, actorOf(request), request.body))));

  app.delete('/api/incidents/webhooks/:id', { schema: { tags, summary: 'Remove a webhook', params: IdParams } },
    async (request, reply) => {
      await db.transaction().execute((tx) => notify.removeWebhook(tx, actorOf(request), request.params.id));
      return reply.code(204).send();
    });
}
