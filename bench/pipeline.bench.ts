/**
 * Event pipeline benchmark, end to end (HTTP NDJSON in → raw events and alerts committed) with
 * every SigmaHQ Windows rule loaded: embedded bus, then JetStream with 1 and 2 worker processes;
 * p99 event-to-alert latency at half the embedded rate; peak memory of each process. Needs a
 * PostgreSQL server (worker processes share it) and nats-server. BENCH_PIPELINE_EVENTS sets the
 * number of events (default 100,000).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { benchPostgres } from './support/postgres.ts';
import { startBenchServer } from './support/server.ts';
import { natsServer } from '../src/modules/detect/reliability.support.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIGMA = path.resolve(here, '../../shared/data/sigma');
const N = Number(process.env.BENCH_PIPELINE_EVENTS ?? 100_000);
const CHUNK = 2000;

function vmHwmMb(pid: number | undefined): number {
  const status = pid ? fs.readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function sql<T>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

/** A fresh database with an operator token of the National CERT, made through the CLI-free path. */
async function prepare(serverUrl: string): Promise<{ dbUrl: string; drop(): Promise<void> }> {
  const name = `qalxan_pipe_${Date.now()}`;
  await sql(serverUrl, `create database ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return { dbUrl: u.toString(), drop: async () => void (await sql(serverUrl, `drop database if exists ${name} with (force)`)) };
}

async function tokenFor(dbUrl: string): Promise<string> {
  const { openDatabase } = await import('../src/db/database.ts');
  const { loadActor } = await import('../src/modules/identity/actor.ts');
  const tokens = await import('../src/modules/identity/tokens.service.ts');
  const users = await import('../src/modules/identity/users.store.ts');
  const orgs = await import('../src/modules/identity/organisations.store.ts');
  const { hashPassword } = await import('../src/modules/identity/password.ts');
  const { newId } = await import('../src/lib/crypto.ts');
  const db = await openDatabase({ databaseUrl: dbUrl });
  const org = (await orgs.nationalCertIds(db))[0];
  const id = newId();
  await users.insert(db, { id, username: `bench${id.slice(0, 6)}`, display_name: 'bench', email: null, password_hash: await hashPassword('Bench-Password-1234'), must_change_password: false, disabled: false, mfa_secret: null, mfa_enabled: false, mfa_last_step: null });
  await users.replaceMemberships(db, id, [{ user_id: id, organisation_id: org, role: 'operator' }]);
  const { token } = await tokens.create(db, (await loadActor(db, id, 'session', {}))!, { name: 'bench', organisationId: org, role: 'operator', expiresInDays: 1 });
  await db.destroy();
  return token;
}

function bodies(): string[] {
  const base = fs.readFileSync(path.join(SIGMA, 'regression/events_flat.jsonl'), 'utf8').trim().split('\n');
  const out: string[] = [];
  for (let i = 0; i < N; i += CHUNK) {
    const lines: string[] = [];
    for (let j = i; j < Math.min(N, i + CHUNK); j++) lines.push(base[j % base.length].replace(/^\{/, `{"bench_seq":${j},`));
    out.push(lines.join('\n'));
  }
  return out;
}

async function send(url: string, token: string, body: string): Promise<void> {
  for (;;) {
    const r = await fetch(`${url}/api/events`, { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' } });
    if (r.status === 202) return;
    if (r.status !== 429 && r.status !== 503) throw new Error(`ingest answered ${r.status}: ${await r.text()}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

async function processed(dbUrl: string): Promise<number> {
  return Number((await sql<{ n: string }>(dbUrl, 'select count(*) as n from detect_events'))[0].n);
}

/** Sends everything (4 requests in flight) and waits until all is committed; events/s. */
async function throughput(url: string, dbUrl: string, token: string, chunks: string[]): Promise<number> {
  const start = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < chunks.length) await send(url, token, chunks[next++]);
  }));
  while ((await processed(dbUrl)) < N) await new Promise((r) => setTimeout(r, 100));
  return N / ((performance.now() - start) / 1000);
}

/** p99 from the server's event-to-alert histogram (upper bound of the bucket it falls in). */
async function p99(url: string): Promise<string> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const buckets = [...text.matchAll(/qalxan_event_to_alert_seconds_bucket\{le="([^"]+)"\} (\d+)/g)].map((m) => [m[1], Number(m[2])] as const);
  const total = buckets[buckets.length - 1]?.[1] ?? 0;
  const hit = buckets.find(([, n]) => n >= total * 0.99);
  return total ? `≤ ${hit?.[0]} s (of ${total} alert hits)` : 'no alert hits';
}

export async function run(): Promise<void> {
  const pgServer = await benchPostgres();
  if (!pgServer) throw new Error('pipeline bench needs PostgreSQL (DATABASE_URL or Debian postgresql)');
  const nats = await natsServer();
  const chunks = bodies();
  const rules = fs.readdirSync(SIGMA).filter((d) => d.startsWith('rules')).map((d) => path.join(SIGMA, d, 'windows')).filter((d) => fs.existsSync(d)).join(path.delimiter);
  const base = { QALXAN_DETECT_RULES_DIR: rules, QALXAN_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'qalxan-pipe-')), QALXAN_WEB_DIST: '/nonexistent', QALXAN_BUS_CAPACITY: '200000' };
  process.stdout.write(`events: ${N}, rules: SigmaHQ windows (${rules.split(path.delimiter).length} folders)\n`);
  try {
    {
      const { dbUrl, drop } = await prepare(pgServer.url);
      const server = await startBenchServer({ ...base, DATABASE_URL: dbUrl });
      const token = await tokenFor(dbUrl);
      const rate = await throughput(server.url, dbUrl, token, chunks);
      process.stdout.write(`embedded: ${Math.round(rate)} events/s end to end; peak RSS ${vmHwmMb(server.process.pid)} MB\n`);
      // Half rate: one chunk every CHUNK / (rate / 2) seconds, then read the latency histogram.
      const gap = (CHUNK / (rate / 2)) * 1000;
      const before = await processed(dbUrl);
      const count = Math.min(chunks.length, Math.max(5, Math.round(10_000 / gap)));
      for (let i = 0; i < count; i++) {
        const t = performance.now();
        await send(server.url, token, chunks[i]);
        await new Promise((r) => setTimeout(r, Math.max(0, gap - (performance.now() - t))));
      }
      while ((await processed(dbUrl)) < before + count * CHUNK) await new Promise((r) => setTimeout(r, 50));
      process.stdout.write(`embedded: p99 event-to-alert latency at half rate (cumulative histogram) ${await p99(server.url)}\n`);
      await server.stop();
      await drop();
    }
    for (const workers of [1, 2]) {
      const { dbUrl, drop } = await prepare(pgServer.url);
      const prefix = `bench${Date.now().toString(36)}`;
      const env = { ...base, DATABASE_URL: dbUrl, NATS_URL: nats.url, QALXAN_NATS_PREFIX: prefix };
      const api = await startBenchServer({ ...env, ROLE: 'api' });
      const procs: ChildProcess[] = [];
      for (let i = 0; i < workers; i++) {
        const w = spawn(process.execPath, ['bin/qalxan.mjs', 'start'], { env: { ...process.env, QALXAN_LOG_LEVEL: 'warn', ...env, ROLE: 'worker' }, stdio: ['ignore', 'pipe', 'inherit'] });
        await new Promise<void>((r) => w.stdout!.on('data', (d: Buffer) => /joined/.test(d.toString()) && r()));
        procs.push(w);
      }
      const token = await tokenFor(dbUrl);
      const rate = await throughput(api.url, dbUrl, token, chunks);
      process.stdout.write(`jetstream, ${workers} worker(s): ${Math.round(rate)} events/s end to end; peak RSS api ${vmHwmMb(api.process.pid)} MB, workers ${procs.map((p) => vmHwmMb(p.pid)).join(' / ')} MB\n`);
      for (const p of procs) {
        p.kill('SIGTERM');
        await new Promise((r) => p.once('exit', r));
      }
      await api.stop();
      await drop();
    }
  } finally {
    await nats.stop();
    pgServer.stop();
  }
}

if (process.argv.includes('--main')) await run();
