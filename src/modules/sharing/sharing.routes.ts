/**
 * The sharing API under /api/sharing: collections and their grants, bundle and MISP import
 * with per-object reports, publishing an incident, bundle export, and who was warned of an
 * imported indicator. TAXII 2.1 is in taxii.routes.ts, subscriptions in subscriptions.routes.ts,
 * advisories in advisories.routes.ts.
 */
import type { FastifyReply } from 'fastify';
import { actorOf } from '../../http/auth.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { advisoryRoutes } from './advisories.routes.ts';
import * as collections from './collections.service.ts';
import * as indicatorWarnings from './indicator-warnings.service.ts';
import { mispObjects } from './misp.ts';
import { CollectionBody, ExportQuery, GrantBody, GrantParams, IdParams, ImportBody, IndicatorParams, MispBody, PublishIncidentBody } from './sharing.schema.ts';
import { subscriptionRoutes } from './subscriptions.routes.ts';
import { stixType } from './taxii.http.ts';
import { taxiiRoutes } from './taxii.routes.ts';

const tags = ['sharing'];

/** Fastify rewrites media type parameters on send; STIX clients expect the type exactly. */
async function exactStixType(_request: unknown, reply: FastifyReply, payload: unknown) {
  reply.header('content-type', stixType);
  return payload;
}
/** Bundles are larger than ordinary requests. */
const importLimit = 256 * 1024 * 1024;

export function sharingRoutes(app: App, deps: RouteDeps): void {
  const { db } = deps;
  app.get('/api/sharing/collections', { schema: { tags, summary: 'Collections the caller\'s organisations own or were granted, with rights and object counts' } },
    async (request) => ({ items: await collections.list(db, actorOf(request)) }));

  app.post('/api/sharing/collections', { schema: { tags, summary: 'Create a collection owned by an organisation (its admins and CERT analysts)', body: CollectionBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => collections.create(tx, actorOf(request), request.body))));

  app.get('/api/sharing/collections/:id', { schema: { tags, summary: 'One collection; its managers also see the grants', params: IdParams } },
    async (request) => collections.get(db, actorOf(request), request.params.id));

  app.put('/api/sharing/collections/:id/grants/:organisationId', { schema: { tags, summary: 'Grant an organisation read and/or write with a TLP ceiling (never above AMBER for others\' objects)', params: GrantParams, body: GrantBody } },
    async (request) => db.transaction().execute((tx) => collections.grant(tx, actorOf(request), request.params.id, { organisationId: request.params.organisationId, ...request.body })));

  app.delete('/api/sharing/collections/:id/grants/:organisationId', { schema: { tags, summary: 'Remove an organisation\'s grant', params: GrantParams } },
    async (request, reply) => {
      await db.transaction().execute((tx) => collections.revoke(tx, actorOf(request), request.params.id, request.params.organisationId));
      return reply.code(204).send();
    });

  app.post('/api/sharing/collections/:id/import', { bodyLimit: importLimit, schema: { tags, summary: 'Import a STIX 2.1 bundle: a report line per object (created, new_version, skipped, rejected with reason)', params: IdParams, body: ImportBody } },
    async (request) => {
      const { bundle, ...options } = request.body;
      const report = await db.transaction().execute((tx) => collections.importBundle(tx, actorOf(request), request.params.id, bundle, options));
      return { counts: report.counts, lines: report.lines, detection: report.detection, warnings: report.warnings };
    });

  app.post('/api/sharing/collections/:id/misp', { bodyLimit: importLimit, schema: { tags, summary: 'Import a MISP event (JSON): attributes become observables and indicators, tlp/rsit tags markings and labels', params: IdParams, body: MispBody } },
    async (request) => {
      const { objects, defaultTlp, unmapped } = mispObjects(request.body.event as Record<string, unknown>);
      const report = await db.transaction().execute((tx) => collections.importInto(tx, actorOf(request), request.params.id, objects, { defaultTlp, detection: request.body.detection, source: 'misp' }));
      return { counts: report.counts, lines: report.lines, detection: report.detection, warnings: report.warnings, unmapped };
    });

  app.post('/api/sharing/collections/:id/incidents', { schema: { tags, summary: 'Publish an incident the caller may read as STIX (incident, indicators, observables, relationships) at its TLP', params: IdParams, body: PublishIncidentBody } },
    async (request) => {
      const report = await db.transaction().execute((tx) => collections.publishIncident(tx, actorOf(request), request.params.id, request.body.incidentId));
      return { counts: report.counts, lines: report.lines };
    });

  app.get('/api/sharing/indicator-warnings', { schema: { tags, summary: 'Imported indicators your organisations warned others of, with how many warned organisations opened each' } },
    async (request) => ({ items: await indicatorWarnings.sent(db, actorOf(request)) }));

  app.get('/api/sharing/indicators/:stixId/reach', { schema: { tags, summary: 'Organisations your organisations warned of an imported indicator: why, who opened it when, delivery status', params: IndicatorParams } },
    async (request) => indicatorWarnings.reach(db, actorOf(request), request.params.stixId));

  app.get('/api/sharing/export', { onSend: exactStixType, schema: { tags, summary: 'A STIX 2.1 bundle of the newest versions the caller is entitled to (one collection or all it reads)', querystring: ExportQuery } },
    async (request, reply) => {
      const q = request.query;
      const bundle = await collections.exportBundle(db, actorOf(request), { collectionId: q.collectionId, types: q.type ? [q.type] : undefined, ids: q.id ? [q.id] : undefined, limit: q.limit });
      return reply.type(stixType).send(JSON.stringify(bundle));
    });

  subscriptionRoutes(app, deps);
  advisoryRoutes(app, deps);
  taxiiRoutes(app, deps);
}
