/**
 * Event pipeline benchmark, end to end (HTTP NDJSON in → raw events and alerts committed) with
 * every SigmaHQ Windows rule loaded: embedded bus, then JetStream with 1 and 2 worker processes;
 * p99 event-to-alert latency at half of each single-worker rate; peak memory of each process.
 * Needs a PostgreSQL server (worker processes share it) and nats-server. BENCH_PIPELINE_EVENTS
 * sets the number of events (default 100,000); BENCH_PIPELINE_MODES runs only some of the modes
 * (`embedded,1,2`: embedded, JetStream with 1 and with 2 workers). The regression corpus has nine hosts, two of
 * them with nine events in ten; each event's host gets one of HOST_SPREAD suffixes so that the
 * load looks like a fleet rather than two machines (partitions are keyed by host).
 * Besides events/s, the throughput runs report the CPU time each process spent per event (and
 * all PostgreSQL and nats-server processes together): on a shared 2-core machine the rate moves
 * with whatever else runs, the CPU cost much less.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from 'nats';
import pg from 'pg';
import { benchPostgres } from './support/postgres.ts';
import { startBenchServer } from './support/server.ts';
import { dropStreams, natsServer } from '../src/testing/nats.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIGMA = path.resolve(here, '../../shared/data/sigma');
const N = Number(process.env.BENCH_PIPELINE_EVENTS ?? 100_000);
const CHUNK = 2000;
const HOST_SPREAD = 16;
const LATENCY_SECONDS = 10;
const MODES = (process.env.BENCH_PIPELINE_MODES ?? 'embedded,1,2').split(',');

function vmHwmMb(pid: number | undefined): number {
  const status = pid ? fs.readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** CPU time (ms) a process has used, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0; // gone meanwhile
  }
}

/** CPU time (ms) of every process whose command name starts with `name`. */
function cpuMsNamed(name: string): number {
  let total = 0;
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    const comm = (() => {
      try {
        return fs.readFileSync(`/proc/${p}/comm`, 'utf8');
      } catch {
        return '';
      }
    })();
    if (comm.startsWith(name)) total += cpuMs(Number(p));
  }
  return total;
}

type CpuProbe = Record<string, () => number>;

/** Runs `f` and returns the CPU µs per event each probe spent meanwhile. */
async function cpuPerEvent<T>(probes: CpuProbe, events: number, f: () => Promise<T>): Promise<{ value: T; cpu: string }> {
  const before = Object.fromEntries(Object.entries(probes).map(([k, p]) => [k, p()]));
  const value = await f();
  const cpu = Object.entries(probes).map(([k, p]) => `${k} ${Math.round(((p() - before[k]) * 1000) / events)}`).join(', ');
  return { value, cpu: `CPU per event (µs): ${cpu}` };
}

const sharedProbes: CpuProbe = {
  postgres: () => cpuMsNamed('postgres'), 'nats-server': () => cpuMsNamed('nats-server'),
  'bench client': () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; },
};

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

/** NDJSON bodies of `size` events each, `total` in all. */
function bodies(total: number, size: number): string[] {
  const base = fs.readFileSync(path.join(SIGMA, 'regression/events_flat.jsonl'), 'utf8').trim().split('\n');
  const out: string[] = [];
  for (let i = 0; i < total; i += size) {
    const lines: string[] = [];
    for (let j = i; j < Math.min(total, i + size); j++) {
      lines.push(base[j % base.length].replace(/^\{/, `{"bench_seq":${j},`).replace(/"Computer": "([^"]*)"/, `"Computer": "$1-${j % HOST_SPREAD}"`));
    }
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

/**
 * Sends at `rate` events/s for LATENCY_SECONDS in requests of 200 events, waits for them to be
 * committed, and reads the p99 of (hit recorded − event received) over their alert hits.
 */
async function latency(url: string, dbUrl: string, token: string, rate: number): Promise<string> {
  const size = 200;
  const total = Math.round(rate * LATENCY_SECONDS);
  const paced = bodies(total, size);
  const before = await processed(dbUrl);
  const since = new Date().toISOString();
  const start = performance.now();
  for (let i = 0; i < paced.length; i++) {
    await new Promise((r) => setTimeout(r, Math.max(0, start + (i * size * 1000) / rate - performance.now())));
    await send(url, token, paced[i]);
  }
  while ((await processed(dbUrl)) < before + total) await new Promise((r) => setTimeout(r, 50));
  const [row] = await sql<{ p99: number; hits: string }>(dbUrl, `select percentile_cont(0.99) within group (order by extract(epoch from recorded_at - received_at)) * 1000 as p99,
    count(*) as hits from detect_alert_events where received_at >= '${since}'`);
  return `p99 event-to-alert ${Math.round(row.p99)} ms at ${Math.round(rate)} events/s (${row.hits} alert hits)`;
}

/** Waits until the workers have shared out every partition (leases settle a few seconds after a join). */
async function settled(natsUrl: string, prefix: string, workers: number, partitions = 8): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  const kv = await nc.jetstream().views.kv(`${prefix}_detect_leases`);
  for (;;) {
    const owners: string[] = [];
    for await (const key of await kv.keys('partition.*')) owners.push((await kv.get(key))?.string() ?? '');
    const share = owners.filter((o) => o).reduce((m, o) => m.set(o, (m.get(o) ?? 0) + 1), new Map<string, number>());
    if (owners.length === partitions && share.size === workers && [...share.values()].every((n) => n === partitions / workers)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await nc.close();
}

export async function run(): Promise<void> {
  const pgServer = await benchPostgres();
  if (!pgServer) throw new Error('pipeline bench needs PostgreSQL (DATABASE_URL or Debian postgresql)');
  const nats = await natsServer();
  const chunks = bodies(N, CHUNK);
  const rules = fs.readdirSync(SIGMA).filter((d) => d.startsWith('rules')).map((d) => path.join(SIGMA, d, 'windows')).filter((d) => fs.existsSync(d)).join(path.delimiter);
  const base = { QALXAN_DETECT_RULES_DIR: rules, QALXAN_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'qalxan-pipe-')), QALXAN_WEB_DIST: '/nonexistent', QALXAN_BUS_CAPACITY: '200000' };
  process.stdout.write(`events: ${N} over ${9 * HOST_SPREAD} hosts, rules: SigmaHQ windows (${rules.split(path.delimiter).length} folders); load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  try {
    if (MODES.includes('embedded')) {
      const { dbUrl, drop } = await prepare(pgServer.url);
      const server = await startBenchServer({ ...base, DATABASE_URL: dbUrl });
      const token = await tokenFor(dbUrl);
      const { value: rate, cpu } = await cpuPerEvent({ server: () => cpuMs(server.process.pid), ...sharedProbes }, N, () => throughput(server.url, dbUrl, token, chunks));
      process.stdout.write(`embedded: ${Math.round(rate)} events/s end to end; ${cpu}\n`);
      process.stdout.write(`embedded: ${await latency(server.url, dbUrl, token, rate / 2)}; peak RSS ${vmHwmMb(server.process.pid)} MB\n`);
      await server.stop();
      await drop();
    }
    for (const workers of [1, 2].filter((w) => MODES.includes(String(w)))) {
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
      await settled(nats.url, prefix, workers);
      const token = await tokenFor(dbUrl);
      const probes: CpuProbe = { api: () => cpuMs(api.process.pid), ...Object.fromEntries(procs.map((p, i) => [`worker ${i + 1}`, () => cpuMs(p.pid)])), ...sharedProbes };
      const { value: rate, cpu } = await cpuPerEvent(probes, N, () => throughput(api.url, dbUrl, token, chunks));
      process.stdout.write(`jetstream, ${workers} worker(s): ${Math.round(rate)} events/s end to end; ${cpu}\n`);
      if (workers === 1) process.stdout.write(`jetstream, 1 worker: ${await latency(api.url, dbUrl, token, rate / 2)}\n`);
      process.stdout.write(`jetstream, ${workers} worker(s): peak RSS api ${vmHwmMb(api.process.pid)} MB, workers ${procs.map((p) => vmHwmMb(p.pid)).join(' / ')} MB\n`);
      for (const p of procs) {
        p.kill('SIGTERM');
        await new Promise((r) => p.once('exit', r));
      }
      await api.stop();
      await drop();
      await dropStreams(nats.url, prefix);
    }
  } finally {
    await nats.stop();
    pgServer.stop();
  }
}

if (process.argv.includes('--main')) await run();
