/**
 * One Kysely handle over either an embedded PGlite database (default, in the data folder)
 * or a PostgreSQL server named by DATABASE_URL. Both speak the same SQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect, type Transaction } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the root handle or an open transaction: stores accept both. */
export type Executor = Db | Tx;

export interface DbTarget {
  databaseUrl?: string;
  /** Folder of the embedded database; `memory` keeps it in memory (tests). */
  dataDir?: string | 'memory';
}

// Dates come back as ISO strings and bigints as numbers on both drivers, so stores see one shape.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function describeTarget(target: DbTarget): string {
  if (target.databaseUrl) {
    const u = new URL(target.databaseUrl);
    return `postgresql://${u.hostname}:${u.port || 5432}${u.pathname}`;
  }
  return target.dataDir === 'memory' ? 'pglite (in memory)' : `pglite (${target.dataDir})`;
}

export async function openPglite(dataDir: string | 'memory'): Promise<PGlite> {
  if (dataDir === 'memory') return PGlite.create();
  const dir = path.join(dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  return PGlite.create(dir);
}

/** Opens the database; the caller owns the handle and must destroy() it. */
export async function openDatabase(target: DbTarget): Promise<Db> {
  if (target.databaseUrl) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10 });
    // An idle connection closed by the server (restart, failover, administrator) is dropped from
    // the pool and replaced on next use; without a listener node-postgres would crash the process.
    pool.on('error', (error) => process.emitWarning(`PostgreSQL idle connection lost: ${error.message}`));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const pglite = await openPglite(target.dataDir ?? 'memory');
  return new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
}
