/**
 * Starting the platform: open the database, migrate, load reference data, create the first
 * administrator, then serve HTTP. Shared by `qalxan start` and the tests.
 */
import type { Config } from './config.ts';
import { openDatabase, describeTarget, type Db } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createLogger, type Logger } from './lib/logger.ts';
import { ensureAdministrator, seedOrganisations } from './modules/identity/bootstrap.ts';
import { syncActionPlan } from './modules/plan/plan.sync.ts';

export async function openAndPrepare(config: Config, logger: Logger): Promise<Db> {
  const target = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
  const db = await openDatabase(target);
  const { applied } = await migrateToLatest(db);
  const added = await seedOrganisations(db);
  await syncActionPlan(db);
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
  // Loaded here, not at the top, so CLI commands that only need the database start fast.
  const { buildApp } = await import('./http/app.ts');
  const app = await buildApp({ config, db, logger });
  const address = await app.listen({ host: config.host, port: config.port });
  print(`Qalxan is serving at ${address.replace('[::1]', 'localhost')} (API docs: ${address}/api/docs)`);
  return {
    url: address,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}
