/**
 * A fresh database per test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by DATABASE_URL (the CI's second pass), dropped afterwards.
 */
import pg from 'pg';
import { openDatabase, type Db, type DbTarget } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { randomSecret } from '../lib/crypto.ts';
import { seedOrganisations } from '../modules/identity/bootstrap.ts';

export interface TestDatabase {
  db: Db;
  target: DbTarget;
  drop(): Promise<void>;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A new, empty target (PGlite in memory, or a new server database). */
export async function freshTarget(): Promise<{ target: DbTarget; drop(): Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) return { target: { dataDir: 'memory' }, drop: async () => undefined };
  const name = `qalxan_test_${randomSecret(6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
  await adminQuery(server, `create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { target: { databaseUrl: url.toString() }, drop: () => adminQuery(server, `drop database if exists ${name} with (force)`) };
}

/** A migrated database with the reference organisations loaded. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { target, drop } = await freshTarget();
  const db = await openDatabase(target);
  await migrateToLatest(db);
  await seedOrganisations(db);
  return {
    db, target,
    async drop() {
      await db.destroy();
      await drop();
    },
  };
}
