/**
 * Real components for the reliability tests: a fresh PostgreSQL database (worker processes cannot
 * share an in-process PGlite) on the server named by DATABASE_URL or PG_TEST_URL, and
 * `qalxan start` child processes. The nats-server comes from src/testing/nats.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Db } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { randomSecret } from '../../lib/crypto.ts';
import { seedOrganisations } from '../identity/bootstrap.ts';

/** A new, migrated PostgreSQL database; throws if no server is configured. */
export async function serverDatabase(): Promise<{ url: string; db: Db; drop(): Promise<void> }> {
  const server = process.env.DATABASE_URL ?? process.env.PG_TEST_URL;
  if (!server) throw new Error('The reliability tests run worker processes on PostgreSQL: set PG_TEST_URL or DATABASE_URL (.ci/run sets PG_TEST_URL)');
  const name = `qalxan_rel_${randomSecret(6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  await migrateToLatest(db);
  await seedOrganisations(db);
  return { url: url.toString(), db, drop: async () => { await db.destroy(); await admin(`drop database if exists ${name} with (force)`); } };
}

/** A `qalxan start` child process; resolves once it prints `ready`. */
export async function startProcess(env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/qalxan.mjs', 'start'], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    env: { PATH: process.env.PATH ?? '', QALXAN_LOG_LEVEL: 'warn', QALXAN_ADMIN_PASSWORD: 'Reliability-Test-Pass-1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`process did not start: ${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`process exited with ${code}: ${out}`)));
  });
  return child;
}

/** Kills a child hard and waits for it to be gone. */
export async function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await gone;
}
