/**
 * A private PostgreSQL server for benchmarks: DATABASE_URL when given, otherwise one started
 * from Debian's binaries in a temporary folder (as the postgres user when run as root).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface BenchPostgres { url: string; stop(): void }

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const version = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  return version && path.join(root, version, 'bin');
}

function asPostgres(command: string): void {
  const run = process.getuid?.() === 0 ? ['su', 'postgres', '-c', command] : ['sh', '-c', command];
  execFileSync(run[0], run.slice(1), { stdio: 'ignore' });
}

/** A fresh database on the server, so each run starts empty. */
async function freshDatabase(serverUrl: string): Promise<string> {
  const name = `qalxan_bench_${Date.now()}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function benchPostgres(port = 55499): Promise<BenchPostgres | undefined> {
  if (process.env.DATABASE_URL) return { url: await freshDatabase(process.env.DATABASE_URL), stop: () => undefined };
  const bin = binDir();
  if (!bin) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qalxan-bench-pg-'));
  fs.chmodSync(dir, 0o777);
  asPostgres(`${bin}/initdb -D ${dir}/data -A trust -U postgres --no-sync >/dev/null`);
  asPostgres(`${bin}/pg_ctl -D ${dir}/data -l ${dir}/log -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100" -w start >/dev/null`);
  const server = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return { url: await freshDatabase(server), stop: () => asPostgres(`${bin}/pg_ctl -D ${dir}/data -m fast stop >/dev/null`) };
}
