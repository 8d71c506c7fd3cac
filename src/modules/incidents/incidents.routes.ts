/** Incidents over HTTP: records, lifecycle, observables, tasks, attachments, reporting stages and directives. Intake and outputs are in intake.routes.ts and outputs.routes.ts. */
import { actorOf } from '../../http/auth.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import * as duties from './duties.service.ts';
import { forChange } from './incidents.service.ts';
import * as incidents from './incidents.service.ts';
import {
  AttachmentBody, AttachmentParams, ClassificationBody, DirectiveAnswerBody, DirectiveBody, IdParams, IncidentBody, IncidentPatchBody, IncidentQuery,
  ObservableParams, ObservablesBody, StageBody, StageParams, StatusBody, TaskBody, TaskParams, TaskPatchBody,
} from './incidents.schema.ts';
import { auditActor } from '../identity/actor.ts';
import { intakeRoutes } from './intake.routes.ts';
import * as observables from './observables.service.ts';
import { outputRoutes } from './outputs.routes.ts';
import { listTaxonomy } from './taxonomy.ts';
import * as work from './work.service.ts';

const tags = ['incidents'];

export function incidentRoutes(app: App, deps: RouteDeps): void {
  const { db, config } = deps;
  app.get('/api/incidents/taxonomy', { schema: { tags, summary: 'The incident classification taxonomy (RSIT classes and types, bilingual) with each class\'s severity row' } },
    async (request) => {
      actorOf(request);
      return { items: await listTaxonomy(db) };
    });

  app.get('/api/incidents', { schema: { tags, summary: 'Incidents the caller may see (TLP rule), filtered; q searches title, description and exact observable values', querystring: IncidentQuery } },
    async (request) => ({ items: await incidents.list(db, actorOf(request), request.query) }));

  app.post('/api/incidents', { schema: { tags, summary: 'Open an incident (API intake)', body: IncidentBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => incidents.create(tx, actorOf(request), request.body))));

  app.get('/api/incidents/:id', { schema: { tags, summary: 'One incident with observables (and correlations), tasks, timeline, attachments, SLA and reporting clocks, directives; reads of AMBER+STRICT and RED are audited', params: IdParams } },
    async (request) => db.transaction().execute((tx) => work.detail(tx, actorOf(request), request.params.id, config.incidents)));

  app.patch('/api/incidents/:id', { schema: { tags, summary: 'Edit an incident; 409 when `version` is stale', params: IdParams, body: IncidentPatchBody } },
    async (request) => db.transaction().execute((tx) => incidents.update(tx, actorOf(request), request.params.id, request.body)));

  app.post('/api/incidents/:id/classification', { schema: { tags, summary: 'Classify by the taxonomy; severity follows the table unless given', params: IdParams, body: ClassificationBody } },
    async (request) => db.transaction().execute((tx) => incidents.classify(tx, actorOf(request), request.params.id, request.body)));

  app.post('/api/incidents/:id/status', { schema: { tags, summary: 'Move through the lifecycle; closing an unclassified incident is refused (409)', params: IdParams, body: StatusBody } },
    async (request) => db.transaction().execute((tx) => incidents.transition(tx, actorOf(request), request.params.id, request.body)));

  app.post('/api/incidents/:id/observables', { schema: { tags, summary: 'Add typed observables; invalid values are refused with the reason', params: IdParams, body: ObservablesBody } },
    async (request, reply) => reply.code(201).send({
      items: await db.transaction().execute(async (tx) => {
        const actor = actorOf(request);
        return observables.addObservables(tx, auditActor(actor), await forChange(tx, actor, request.params.id), request.body.observables);
      }),
    }));

  app.delete('/api/incidents/:id/observables/:observableId', { schema: { tags, summary: 'Remove an observable', params: ObservableParams } },
    async (request, reply) => {
      await db.transaction().execute(async (tx) => {
        const actor = actorOf(request);
        await observables.removeObservable(tx, auditActor(actor), await forChange(tx, actor, request.params.id), request.params.observableId);
      });
      return reply.code(204).send();
    });

  app.post('/api/incidents/:id/tasks', { schema: { tags, summary: 'Add a task with an owner and a due date', params: IdParams, body: TaskBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => work.addTask(tx, actorOf(request), request.params.id, request.body))));

  app.patch('/api/incidents/:id/tasks/:taskId', { schema: { tags, summary: 'Change or complete a task', params: TaskParams, body: TaskPatchBody } },
    async (request) => db.transaction().execute((tx) => work.updateTask(tx, actorOf(request), request.params.id, request.params.taskId, request.body)));

  app.post('/api/incidents/:id/attachments', { schema: { tags, summary: 'Attach a file (base64); its SHA-256 is kept', params: IdParams, body: AttachmentBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => work.addAttachment(tx, actorOf(request), request.params.id, request.body))));

  app.get('/api/incidents/:id/attachments/:attachmentId', { schema: { tags, summary: 'Download an attachment', params: AttachmentParams } },
    async (request, reply) => {
      const file = await work.attachmentContent(db, actorOf(request), request.params.id, request.params.attachmentId);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`).header('x-content-sha256', file.sha256);
      return reply.type(file.media_type).send(Buffer.from(file.content));
    });

  app.post('/api/incidents/:id/stage-reports/:stage', { schema: { tags, summary: 'Submit a reporting stage to the National CERT (early warning, notification, final)', params: StageParams, body: StageBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => duties.submitStage(tx, actorOf(request), request.params.id, request.params.stage, request.body.form))));

  app.post('/api/incidents/:id/directives', { schema: { tags, summary: 'National CERT: direct operators to act by a deadline', params: IdParams, body: DirectiveBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => duties.issueDirective(tx, actorOf(request), request.params.id, request.body))));

  app.get('/api/incidents/directives', { schema: { tags, summary: "Directives addressed to the caller's organisations" } },
    async (request) => ({ items: await duties.myDirectives(db, actorOf(request)) }));

  app.post('/api/incidents/directives/:id/answer', { schema: { tags, summary: 'Acknowledge a directive or report its completion, for a directed organisation', params: IdParams, body: DirectiveAnswerBody } },
    async (request) => db.transaction().execute((tx) => duties.answerDirective(tx, actorOf(request), request.params.id, request.body.organisationId, request.body)));

  intakeRoutes(app, deps);
  outputRoutes(app, deps);
}
