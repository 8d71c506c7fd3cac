/** Liveness, readiness (the database answers) and Prometheus metrics. */
import { sql } from 'kysely';
import client from 'prom-client';
import type { App, RouteDeps } from './types.ts';

export function installObservability(app: App, { db }: RouteDeps): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'qalxan_' });
  const requests = new client.Counter({ name: 'qalxan_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const duration = new client.Histogram({ name: 'qalxan_http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry] });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  const hidden = { hide: true };
  app.get('/healthz', { config: { auth: 'public' }, schema: hidden }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { auth: 'public' }, schema: hidden }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'database unreachable' });
    }
  });
  app.get('/metrics', { config: { auth: 'public' }, schema: hidden }, async (_request, reply) =>
    // Modules register their series on prom-client's default registry (detect: pipeline metrics).
    reply.type(registry.contentType).send(await client.Registry.merge([registry, client.register]).metrics()));
}
