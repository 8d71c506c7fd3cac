/**
 * Starting the platform: open the database, migrate, load reference data, create the first
 * administrator, then serve HTTP. Shared by `qalxan start` and the tests.
 */
import { ConfigError, type Config } from './config.ts';
import { openDatabase, describeTarget, type Db } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createLogger, type Logger } from './lib/logger.ts';
import { ensureAdministrator, seedOrganisations } from './modules/identity/bootstrap.ts';
import { syncActionPlan } from './modules/plan/plan.sync.ts';
import { syncIncidentTaxonomy } from './modules/incidents/taxonomy.ts';
import { startIncidentSweeper } from './modules/incidents/incidents.worker.ts';
import { seedThreatTaxonomy } from './modules/risk/taxonomy.service.ts';
import { startSharingWorker } from './modules/sharing/sharing.worker.ts';

export async function openAndPrepare(config: Config, logger: Logger): Promise<Db> {
  const target = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
  const db = await openDatabase(target);
  const { applied } = await migrateToLatest(db);
  const added = await seedOrganisations(db);
  await syncActionPlan(db);
  await syncIncidentTaxonomy(db);
  await seedThreatTaxonomy(db);
  logger.info({ database: describeTarget(target), migrationsApplied: applied.length, organisationsAdded: added }, 'database ready');
  return db;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts everything ROLE asks for; prints the one-time admin password on the first start. */
export async function startServer(config: Config, print: (line: string) => void = console.log): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const db = await openAndPrepare(config, logger);
  const admin = await ensureAdministrator(db, config.adminPassword);
  if (admin.oneTimePassword) {
    print(`First start: administrator "admin" created with one-time password: ${admin.oneTimePassword} (change it at first login)`);
  }
  if (config.role === 'worker') return startWorker(config, db, logger, print);
  // Loaded here, not at the top, so CLI commands that only need the database start fast.
  const { buildApp } = await import('./http/app.ts');
  const app = await buildApp({ config, db, logger });
  const address = await closedIfFails(() => app.listen({ host: config.host, port: config.port }), async () => {
    await app.close();
    await db.destroy();
  });
  const sweeper = startIncidentSweeper(db, logger, config.incidents);
  const sharing = startSharingWorker(db, logger);
  print(`Qalxan is serving at ${address.replace('[::1]', 'localhost')} (API docs: ${address}/api/docs)`);
  const close = async () => {
    sweeper.stop();
    await sharing.stop();
    await app.close();
    await db.destroy();
  };
  // HTTP is up before the detection worker has compiled its rules; if the worker cannot start,
  // neither has the platform: the caller gets the failure (qalxan start exits non-zero).
  await closedIfFails(() => app.detectWorkerStarted(), close);
  return { url: address, close };
}

/**
 * Runs a start-up step; if it fails, closes what was started before rethrowing, so that nothing
 * left open (a pool, a NATS connection) keeps a failed `qalxan start` alive.
 */
async function closedIfFails<T>(step: () => Promise<T>, close: () => Promise<void>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * ROLE=worker: no HTTP, only detection workers joining the JetStream consumer group (the
 * embedded bus lives inside one process, so a worker needs NATS_URL).
 */
async function startWorker(config: Config, db: Db, logger: Logger, print: (line: string) => void): Promise<RunningServer> {
  if (!config.natsUrl) {
    await db.destroy();
    throw new ConfigError('ROLE=worker needs NATS_URL: workers share events through NATS JetStream');
  }
  const { startPipeline } = await import('./modules/detect/pipeline.ts');
  const pipeline = await closedIfFails(() => startPipeline({ db, config, logger, ingest: false, work: true }), () => db.destroy());
  const close = async () => {
    await pipeline.stop();
    await db.destroy();
  };
  await closedIfFails(() => pipeline.workerReady, close);
  print(`Qalxan detection worker joined the consumer group at ${config.natsUrl}`);
  return { url: '', close };
}
