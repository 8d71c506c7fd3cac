/** CII objects, dependencies, cascade analysis, recovery plans, exercises and the plan document. */
import { actorOf } from '../../http/auth.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { reach, runCascade } from './cii.analysis.ts';
import { planDocument } from './cii.document.ts';
import * as plans from './cii.plans.ts';
import * as schema from './cii.schema.ts';
import * as cii from './cii.service.ts';

const tags = ['cii'];

export function ciiRoutes(app: App, { db }: RouteDeps): void {
  app.get('/api/cii/objects', { schema: { tags, summary: 'CII objects you may read', querystring: schema.ObjectListQuery } },
    async (request) => ({ items: await cii.listObjects(db, actorOf(request), request.query) }));
  app.get('/api/cii/objects/:id', { schema: { tags, summary: 'One CII object', params: schema.CiiIdParams } },
    async (request) => cii.getObject(db, actorOf(request), request.params.id));
  app.post('/api/cii/objects', { schema: { tags, summary: 'Register a CII object', body: schema.ObjectBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => cii.createObject(tx, actorOf(request), request.body))));
  app.patch('/api/cii/objects/:id', { schema: { tags, summary: 'Change a CII object', params: schema.CiiIdParams, body: schema.ObjectPatchBody } },
    async (request) => db.transaction().execute((tx) => cii.updateObject(tx, actorOf(request), request.params.id, request.body)));
  app.put('/api/cii/objects/:id/plan', { schema: { tags, summary: 'Create or replace the object’s recovery plan', params: schema.CiiIdParams, body: schema.PlanBody } },
    async (request) => db.transaction().execute((tx) => plans.savePlan(tx, actorOf(request), request.params.id, request.body)));
  app.get('/api/cii/directory', { schema: { tags, summary: 'Every registered object by name, sector and operator' } },
    async (request) => ({ items: await cii.directory(db, actorOf(request)) }));

  app.get('/api/cii/dependencies', { schema: { tags, summary: 'Dependencies your organisations declared' } },
    async (request) => ({ items: await cii.listDependencies(db, actorOf(request)) }));
  app.post('/api/cii/dependencies', { schema: { tags, summary: 'Declare that an object depends on another', body: schema.DependencyBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => cii.addDependency(tx, actorOf(request), request.body))));
  app.delete('/api/cii/dependencies/:id', { schema: { tags, summary: 'Remove a dependency', params: schema.CiiIdParams } },
    async (request, reply) => { await db.transaction().execute((tx) => cii.removeDependency(tx, actorOf(request), request.params.id)); return reply.code(204).send(); });

  app.post('/api/cii/cascade', { schema: { tags, summary: 'Which objects and sectors fail or degrade, when', body: schema.CascadeBody } },
    async (request) => runCascade(db, actorOf(request), request.body));
  app.get('/api/cii/reach', { schema: { tags, summary: 'Objects whose failure reaches most of the infrastructure', querystring: schema.ReachQuery } },
    async (request) => ({ items: await reach(db, actorOf(request), request.query.limit ?? 20) }));

  app.get('/api/cii/plans', { schema: { tags, summary: 'Recovery plans with their flags' } },
    async (request) => ({ items: await plans.listPlans(db, actorOf(request)) }));
  app.get('/api/cii/plans/:id', { schema: { tags, summary: 'One recovery plan', params: schema.CiiIdParams } },
    async (request) => plans.getPlan(db, actorOf(request), request.params.id));
  app.post('/api/cii/plans/:id/exercises', { schema: { tags, summary: 'Record an exercise of a plan', params: schema.CiiIdParams, body: schema.ExerciseBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => plans.addExercise(tx, actorOf(request), request.params.id, request.body))));
  app.get('/api/cii/plan-document', { schema: { tags, summary: 'The CII risk assessment and management plan (PDF)', querystring: schema.DocumentQuery } },
    async (request, reply) => {
      const pdf = await db.transaction().execute((tx) => planDocument(tx, actorOf(request), request.query));
      return reply.type('application/pdf').header('content-disposition', 'attachment; filename="cii-risk-plan.pdf"').send(pdf);
    });
}
