/** Threat taxonomy, risk registers, the national procedure, views, import and export. */
import { actorOf } from '../../http/auth.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import * as schema from './risk.schema.ts';
import * as risks from './risk.service.ts';
import { exportRisks, importRisks } from './risk.import.ts';
import { heatmap } from './risk.views.ts';
import * as workflow from './risk.workflow.ts';
import * as taxonomy from './taxonomy.service.ts';

const tags = ['risk'];
const exportTypes = { csv: 'text/csv; charset=utf-8', json: 'application/json', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export function riskRoutes(app: App, { db }: RouteDeps): void {
  app.get('/api/risk/taxonomy', { schema: { tags, summary: 'Threat categories and classes' } },
    async () => ({ categories: await taxonomy.listCategories(db), classes: await taxonomy.listClasses(db) }));
  app.get('/api/risk/taxonomy/classes/:key/versions', { schema: { tags, summary: 'Versions of a threat class', params: schema.ClassKeyParams } },
    async (request) => ({ items: await taxonomy.history(db, request.params.key) }));
  app.post('/api/risk/taxonomy/classes', { schema: { tags, summary: 'Add a threat class (coordinators)', body: schema.ThreatClassBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => taxonomy.addClass(tx, actorOf(request), request.body))));
  app.patch('/api/risk/taxonomy/classes/:key', { schema: { tags, summary: 'Change a coordinators’ threat class', params: schema.ClassKeyParams, body: schema.ThreatClassPatchBody } },
    async (request) => db.transaction().execute((tx) => taxonomy.updateClass(tx, actorOf(request), request.params.key, request.body)));

  app.get('/api/risk/register', { schema: { tags, summary: 'A register’s scales (national without organisationId)', querystring: schema.RegisterQuery } },
    async (request) => risks.registerSettings(db, actorOf(request), request.query.organisationId));
  app.put('/api/risk/register', { schema: { tags, summary: 'Set a register’s likelihood and impact scales', body: schema.RegisterBody } },
    async (request) => db.transaction().execute((tx) => risks.saveRegisterSettings(tx, actorOf(request), request.body)));

  app.get('/api/risks', { schema: { tags, summary: 'Risks you may see, filtered', querystring: schema.RiskListQuery } },
    async (request) => ({ items: await db.transaction().execute((tx) => risks.list(tx, actorOf(request), request.query)) }));
  app.get('/api/risks/heatmap', { schema: { tags, summary: 'Likelihood × impact heat map and summary', querystring: schema.HeatmapQuery } },
    async (request) => db.transaction().execute((tx) => heatmap(tx, actorOf(request), request.query)));
  app.get('/api/risks/export', { schema: { tags, summary: 'Export a register as CSV, XLSX or JSON', querystring: schema.ExportQuery } },
    async (request, reply) => {
      const body = await db.transaction().execute((tx) => exportRisks(tx, actorOf(request), request.query, request.query.format));
      return reply.type(exportTypes[request.query.format])
        .header('content-disposition', `attachment; filename="risks-${request.query.level}.${request.query.format}"`).send(body);
    });
  // The body carries the whole file (an XLSX as base64), so it may exceed the default 1 MiB up to the schema's limit.
  app.post('/api/risks/import', { bodyLimit: 8 * 1024 * 1024, schema: { tags, summary: 'Import risks from CSV, JSON or base64 XLSX (all or nothing per file)', body: schema.ImportBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => importRisks(tx, actorOf(request), request.body))));
  app.post('/api/risks', { schema: { tags, summary: 'Record a risk', body: schema.RiskBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => risks.create(tx, actorOf(request), request.body))));
  app.get('/api/risks/:id', { schema: { tags, summary: 'One risk', params: schema.RiskIdParams } },
    async (request) => risks.get(db, actorOf(request), request.params.id));
  app.get('/api/risks/:id/versions', { schema: { tags, summary: 'Every version of a risk', params: schema.RiskIdParams } },
    async (request) => ({ items: await risks.versions(db, actorOf(request), request.params.id) }));
  app.patch('/api/risks/:id', { schema: { tags, summary: 'Change a risk', params: schema.RiskIdParams, body: schema.RiskPatchBody } },
    async (request) => db.transaction().execute((tx) => risks.update(tx, actorOf(request), request.params.id, request.body)));
  app.post('/api/risks/:id/escalate', { schema: { tags, summary: 'Escalate to the national register', params: schema.RiskIdParams } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => workflow.escalate(tx, actorOf(request), request.params.id))));
  app.put('/api/risks/:id/co-executors', { schema: { tags, summary: 'Name the co-executors who agree a national entry', params: schema.RiskIdParams, body: schema.CoExecutorsBody } },
    async (request) => db.transaction().execute((tx) => workflow.setCoExecutors(tx, actorOf(request), request.params.id, request.body.acronyms)));
  app.post('/api/risks/:id/agree', { schema: { tags, summary: 'Agree to a national draft', params: schema.RiskIdParams } },
    async (request) => db.transaction().execute((tx) => workflow.agree(tx, actorOf(request), request.params.id)));
  app.post('/api/risks/:id/approve', { schema: { tags, summary: 'Approve an agreed national entry', params: schema.RiskIdParams } },
    async (request) => db.transaction().execute((tx) => workflow.approve(tx, actorOf(request), request.params.id)));
  app.post('/api/risks/:id/accept', { schema: { tags, summary: 'Accept a risk until a date', params: schema.RiskIdParams, body: schema.AcceptBody } },
    async (request) => db.transaction().execute((tx) => workflow.accept(tx, actorOf(request), request.params.id, request.body)));
}
