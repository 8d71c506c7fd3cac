/**
 * Detection routes: event ingestion by API token, the alert queue, raw events and dead letters,
 * rules and indicators, and monitoring figures. The process's pipeline starts when the app is
 * ready and stops when it closes.
 */
import { gunzipSync } from 'node:zlib';
import { actorOf } from '../../http/auth.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { AppError } from '../../lib/errors.ts';
import type { Logger } from '../../lib/logger.ts';
import * as alerts from './alerts.service.ts';
import * as contentService from './content.service.ts';
import { ingestOrganisation, readScope } from './detect.policy.ts';
import * as s from './detect.schema.ts';
import * as store from './detect.store.ts';
import { ingestOnce } from './ingest-once.service.ts';
import { parseBody, type LineFormat } from './lines.ts';
import { snapshot } from './metrics.ts';
import { startPipeline, type Pipeline } from './pipeline.ts';

const tags = ['detection'];

declare module 'fastify' {
  interface FastifyInstance {
    /** Resolves once this process's detection worker (if it runs one) consumes; rejects if it cannot start. */
    detectWorkerStarted(): Promise<void>;
  }
}

function formatOf(query: LineFormat | undefined, contentType: string | undefined): LineFormat {
  if (query) return query;
  const ct = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (ct === 'application/x-ndjson' || ct === 'application/jsonl') return 'ndjson';
  if (ct === 'text/csv') return 'csv';
  if (ct === 'text/plain' || ct === 'application/syslog') return 'syslog';
  return 'auto';
}

function gunzipped(body: Buffer, encoding: string | undefined, limit: number): Buffer {
  if (encoding !== 'gzip' && !(body[0] === 0x1f && body[1] === 0x8b)) return body;
  try {
    return gunzipSync(body, { maxOutputLength: limit * 4 });
  } catch (error) {
    throw new AppError('validation', `The gzip body could not be decompressed: ${(error as Error).message}`);
  }
}

export function detectRoutes(app: App, { db, config }: RouteDeps): void {
  let pipeline: Pipeline | null = null;
  app.addHook('onReady', async () => {
    pipeline = await startPipeline({ db, config, logger: app.log as unknown as Logger, ingest: true, work: config.role === 'all' });
  });
  app.addHook('onClose', async () => {
    await pipeline?.stop();
  });
  app.decorate('detectWorkerStarted', async () => running().workerReady);
  const running = (): Pipeline => {
    if (!pipeline) throw new AppError('unavailable', 'The event pipeline is starting');
    return pipeline;
  };

  // Events: raw bytes in any supported format, gzip or not; parsed here so bad lines become dead letters.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: config.detect.eventsBodyLimitBytes }, (_request, body, done) => done(null, body));
    scope.post('/api/events', {
      bodyLimit: config.detect.eventsBodyLimitBytes,
      schema: {
        tags, querystring: s.IngestQuery, headers: s.IngestHeaders,
        summary: "Send security events (JSON, JSON array, NDJSON, syslog lines or CSV; gzip accepted) with an organisation's API token; "
          + 'with an Idempotency-Key a retried request is answered again instead of being ingested twice',
      },
    }, async (request, reply) => {
      const organisationId = ingestOrganisation(actorOf(request));
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const ingest = () => running().ingest(organisationId, 'http', parseBody(gunzipped(raw, request.headers['content-encoding'], config.detect.eventsBodyLimitBytes),
        formatOf((request.query as { format?: LineFormat }).format, request.headers['content-type']), config.detect.maxEventBytes));
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string') return reply.code(202).send(await ingest());
      const { outcome, replayed } = await ingestOnce(db, { organisationId, key, body: raw }, ingest);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(202).send(outcome);
    });
  });

  app.get('/api/detect/alerts', { schema: { tags, summary: 'The alert queue, newest activity first', querystring: s.AlertQuery } },
    async (request) => alerts.list(db, actorOf(request), request.query));
  app.get('/api/detect/alerts/count', { schema: { tags, summary: 'Open alerts, in total and by severity (the live count)' } },
    async (request) => alerts.count(db, actorOf(request)));
  app.get('/api/detect/alerts/:id', { schema: { tags, summary: 'One alert', params: s.AlertIdParams } },
    async (request) => alerts.get(db, actorOf(request), request.params.id));
  app.get('/api/detect/alerts/:id/events', { schema: { tags, summary: "The raw events that matched an alert (within retention)", params: s.AlertIdParams } },
    async (request) => ({ items: await alerts.events(db, actorOf(request), request.params.id) }));
  app.post('/api/detect/alerts/acknowledge', { schema: { tags, summary: 'Acknowledge alerts in bulk', body: s.AcknowledgeBody } },
    async (request) => db.transaction().execute((tx) => alerts.acknowledge(tx, actorOf(request), request.body.ids)));

  app.get('/api/detect/events', { schema: { tags, summary: 'Raw events of your organisations, newest first', querystring: s.EventQuery } },
    async (request) => {
      const { from, to, limit = 100, host } = request.query;
      return { items: await store.listEvents(db, readScope(actorOf(request)), { host, limit, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined }) };
    });
  app.get('/api/detect/dead-letters', { schema: { tags, summary: 'Malformed input kept with the reason', querystring: s.PageQuery } },
    async (request) => ({ items: await store.listDeadLetters(db, readScope(actorOf(request)), request.query.limit ?? 100, request.query.before) }));
  app.get('/api/detect/stats', { schema: { tags, summary: 'Pipeline figures for the monitoring page' } },
    async (request) => {
      const scope = readScope(actorOf(request));
      const p = running();
      const bus = await p.bus.stats();
      return {
        ...(await snapshot()), bus: { kind: p.bus.name, lag: bus.lag },
        rules: p.ruleset()?.ruleCount ?? null,
        alertsPerMinute: await store.alertsPerMinute(db, scope, new Date(Date.now() - 3_600_000)),
      };
    });

  app.get('/api/detect/rules', { schema: { tags, summary: 'Sigma rules: national and your organisations\'' } },
    async (request) => ({ items: await contentService.listRules(db, actorOf(request)) }));
  app.post('/api/detect/rules', { schema: { tags, summary: 'Add a Sigma rule (national when organisationId is null)', body: s.RuleInput } },
    async (request, reply) => {
      const rule = await db.transaction().execute((tx) => contentService.createRule(tx, actorOf(request), request.body));
      await pipeline?.reload();
      return reply.code(201).send(rule);
    });
  app.put('/api/detect/rules/:id', { schema: { tags, summary: 'Change a rule\'s text or enable/disable it (a new version)', params: s.IdParams, body: s.RulePatch } },
    async (request) => {
      const rule = await db.transaction().execute((tx) => contentService.updateRule(tx, actorOf(request), request.params.id, request.body));
      await pipeline?.reload();
      return rule;
    });
  app.get('/api/detect/rules/:id/versions', { schema: { tags, summary: 'Every version of a rule', params: s.IdParams } },
    async (request) => ({ items: await contentService.ruleVersions(db, actorOf(request), request.params.id) }));

  app.get('/api/detect/indicators', { schema: { tags, summary: 'Indicators: national and your organisations\'', querystring: s.PageQuery } },
    async (request) => ({ items: await contentService.listIndicators(db, actorOf(request), request.query.limit ?? 100) }));
  app.post('/api/detect/indicators', { schema: { tags, summary: 'Add an indicator (national when organisationId is null)', body: s.IndicatorInput } },
    async (request, reply) => {
      const row = await db.transaction().execute((tx) => contentService.createIndicator(tx, actorOf(request), request.body));
      await pipeline?.reload();
      return reply.code(201).send(row);
    });
  app.put('/api/detect/indicators/:id', { schema: { tags, summary: 'Enable/disable an indicator or change its confidence or validity', params: s.IdParams, body: s.IndicatorPatch } },
    async (request) => {
      const row = await db.transaction().execute((tx) => contentService.updateIndicator(tx, actorOf(request), request.params.id, request.body));
      await pipeline?.reload();
      return row;
    });
}
