/**
 * Logical backup and restore that work on both PGlite and a PostgreSQL server, and between
 * them: every table of the schema as JSON lines, gzipped, restored in one transaction.
 * PostgreSQL itself writes each row as JSON (row_to_json) and reads it back
 * (json_populate_recordset), so dates, jsonb, arrays and bytea keep their exact values
 * whatever the driver would have made of them.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { Db, Executor } from './database.ts';

const format = 'qalxan-backup';

interface Header { format: string; version: 1; createdAt: string; migrations: string[]; tables: string[] }
type Line = Header | { table: string; row: Record<string, unknown> };

async function tables(db: Executor): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(db);
  return result.rows.map((r) => r.table_name);
}

async function migrations(db: Executor): Promise<string[]> {
  const result = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return result.rows.map((r) => r.name);
}

/** Writes the backup; returns rows written per table. */
export async function backup(db: Db, file: string): Promise<Record<string, number>> {
  const out = zlib.createGzip();
  const done = new Promise<void>((resolve, reject) => out.pipe(fs.createWriteStream(file)).on('finish', resolve).on('error', reject));
  const counts: Record<string, number> = {};
  await db.transaction().execute(async (tx) => {
    const names = await tables(tx);
    const header: Header = { format, version: 1, createdAt: new Date().toISOString(), migrations: await migrations(tx), tables: names };
    out.write(`${JSON.stringify(header)}\n`);
    for (const table of names) {
      const { rows } = await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.table(table)} t`.execute(tx);
      for (const { row } of rows) out.write(`{"table":${JSON.stringify(table)},"row":${row}}\n`);
      counts[table] = rows.length;
    }
  });
  out.end();
  await done;
  return counts;
}

async function* readLines(file: string): AsyncGenerator<Line> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  for await (const text of readline.createInterface({ input, crlfDelay: Infinity })) if (text) yield JSON.parse(text) as Line;
}

/**
 * Replaces all data with the backup's, in one transaction: a bad file changes nothing.
 * The schema must be at the same migration as the one the backup was taken from.
 */
export async function restore(db: Db, file: string): Promise<Record<string, number>> {
  const lines = readLines(file);
  const first = (await lines.next()).value as Header | undefined;
  if (!first || first.format !== format) throw new Error(`${file} is not a Qalxan backup`);
  return db.transaction().execute(async (tx) => {
    const here = await migrations(tx);
    if (here.join() !== first.migrations.join()) throw new Error(`backup schema (${first.migrations.at(-1)}) differs from this database (${here.at(-1)}); migrate first`);
    // Triggers (foreign keys, append-only audit) are off while the tables are reloaded as a whole.
    await sql`set local session_replication_role = replica`.execute(tx);
    const names = await tables(tx);
    await sql.raw(`truncate ${names.map((n) => `"${n}"`).join(', ')}`).execute(tx);
    const counts: Record<string, number> = Object.fromEntries(first.tables.map((t) => [t, 0]));
    let batch: { table: string; rows: unknown[] } = { table: '', rows: [] };
    const flush = async () => {
      if (batch.rows.length === 0) return;
      await sql`insert into ${sql.table(batch.table)} select * from json_populate_recordset(null::${sql.table(batch.table)}, ${JSON.stringify(batch.rows)}::json)`.execute(tx);
      counts[batch.table] += batch.rows.length;
      batch = { table: '', rows: [] };
    };
    for await (const line of lines) {
      if (!('table' in line) || !names.includes(line.table)) throw new Error('backup contains an unknown table');
      if (line.table !== batch.table || batch.rows.length >= 500) await flush();
      batch.table = line.table;
      batch.rows.push(line.row);
    }
    await flush();
    await resetSequences(tx);
    return counts;
  });
}

async function resetSequences(tx: Executor): Promise<void> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and column_default like 'nextval%'`.execute(tx);
  for (const { table_name: table, column_name: column } of rows) {
    await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(tx);
  }
}
