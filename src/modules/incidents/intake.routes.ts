/** Intake over HTTP: the public report form (no account), alerts promoted or merged, e-mail import. */
import fs from 'node:fs';
import rateLimit from '@fastify/rate-limit';
import { actorOf } from '../../http/auth.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { AlertsBody, EmailBody, PublicReportBody } from './incidents.schema.ts';
import * as intake from './intake.service.ts';

const tags = ['incidents'];
/** The public report page: a standalone form (no sign-in, no web-app bundle) that solves the proof of work. */
const publicPage = fs.readFileSync(new URL('./assets/public-report.html', import.meta.url), 'utf8');

export function intakeRoutes(app: App, { db, config }: RouteDeps): void {
  // A coarse per-address limit in front of the per-hour count and the proof of work.
  app.register(async (limited: App) => {
    await limited.register(rateLimit, { max: 30, timeWindow: '1 minute' });
    limited.get('/report-incident', { schema: { hide: true }, config: { auth: 'public' } },
      async (_request, reply) => reply.type('text/html; charset=utf-8').send(publicPage));
    limited.get('/api/public/incident-reports/challenge', { schema: { tags, summary: 'A proof-of-work challenge for the public report form' }, config: { auth: 'public' } },
      async () => intake.challenge(db, config.incidents));
    limited.post('/api/public/incident-reports', { schema: { tags, summary: 'Report an incident without an account (rate-limited, proof of work)', body: PublicReportBody }, config: { auth: 'public' } },
      async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => intake.publicReport(tx, config.incidents, request.ip, request.body))));
  });

  app.post('/api/incidents/from-alerts', { schema: { tags, summary: 'Promote alerts into a new incident, or merge them into one (deduplicated)', body: AlertsBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => intake.promoteAlerts(tx, actorOf(request), request.body))));

  app.post('/api/incidents/import-email', { schema: { tags, summary: 'Import an RFC 5322 e-mail as a draft incident with the observables found in it', body: EmailBody } },
    async (request, reply) => reply.code(201).send(await db.transaction().execute((tx) => intake.importEmail(tx, actorOf(request), request.body))));
}
