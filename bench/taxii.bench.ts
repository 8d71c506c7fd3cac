/**
 * Sharing (issue 8), on PostgreSQL: import of a 100,000-indicator bundle through the import
 * service (objects/s, peak RSS), then a TAXII client walking that collection with limit=1000
 * three times (objects/s served), then GET /taxii2/ (discovery) and the token-authenticated API
 * root with 50 connections (autocannon).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { newId } from '../src/lib/crypto.ts';
import { loadActor } from '../src/modules/identity/actor.ts';
import { ensureAdministrator, seedOrganisations } from '../src/modules/identity/bootstrap.ts';
import * as organisations from '../src/modules/identity/organisations.store.ts';
import * as tokens from '../src/modules/identity/tokens.service.ts';
import * as users from '../src/modules/identity/users.store.ts';
import * as collections from '../src/modules/sharing/collections.store.ts';
import { importObjects } from '../src/modules/sharing/import.service.ts';
import { tlpMarkingIds } from '../src/modules/sharing/tlp.ts';
import { benchPostgres } from './support/postgres.ts';
import { startBenchServer } from './support/server.ts';

const count = 100_000;

function indicators(): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'indicator', spec_version: '2.1', id: `indicator--${crypto.randomUUID()}`, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z',
    name: `bench ${i}`, pattern: `[ipv4-addr:value = '10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}']`, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z',
    object_marking_refs: [tlpMarkingIds[i % 2]],
  }));
}

/** Imports the bundle through the import service; its objects are garbage once it returns, so the walks do not pay for a large heap. */
async function importBench(db: Db, collectionId: string, organisationId: string): Promise<void> {
  const objects = indicators();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const report = await db.transaction().execute((tx) => importObjects(tx, { collectionId, organisationId, source: 'bench', defaultTlp: 2 }, objects));
  const importMs = performance.now() - started;
  clearInterval(sampler);
  console.log(`import of a ${count.toLocaleString('en')}-object bundle (schema + pattern validation, versions, one transaction): ${(count / (importMs / 1000)).toFixed(0)} objects/s, ${(importMs / 1000).toFixed(1)} s, peak RSS ${(peak / 1_048_576).toFixed(0)} MiB, created ${report.counts.created}`);
}

/** A TAXII client reading every page of a collection, as a subscriber does. */
async function walk(url: string, headers: Record<string, string>): Promise<{ served: number; ms: number }> {
  let next: string | undefined;
  let served = 0;
  const started = performance.now();
  do {
    const response = await fetch(`${url}?limit=1000${next ? `&next=${next}` : ''}`, { headers });
    const body = (await response.json()) as { more: boolean; next?: string; objects?: unknown[] };
    served += body.objects?.length ?? 0;
    next = body.more ? body.next : undefined;
  } while (next);
  return { served, ms: performance.now() - started };
}

/**
 * CPU time a process has used (Linux /proc, in clock ticks of 10 ms), undefined elsewhere: unlike
 * objects/s it hardly moves when other work shares the machine.
 */
function cpuMs(pid: number | undefined): number | undefined {
  const stat = pid && fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, 'utf8') : undefined;
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields && (Number(fields[11]) + Number(fields[12])) * 10;
}

async function walkAndReport(label: string, url: string, headers: Record<string, string>, pid: number | undefined): Promise<void> {
  const cpuBefore = cpuMs(pid);
  const { served, ms } = await walk(url, headers);
  const cpuAfter = cpuMs(pid);
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? '' : `, server CPU ${((cpuAfter - cpuBefore) / (served / 1000)).toFixed(1)} ms per page`;
  console.log(`TAXII ${label}, limit=1000: ${served.toLocaleString('en')} objects in ${(ms / 1000).toFixed(2)} s = ${(served / (ms / 1000)).toFixed(0)} objects/s${cpu} (reference: medallion ~15,000)`);
}

/** The machine is shared (two cores): the figures mean little without its load beside them. */
function load(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(', ');
}

export async function run(): Promise<void> {
  const pg = await benchPostgres();
  if (!pg) {
    console.log('taxii: skipped (no PostgreSQL: set DATABASE_URL or install postgresql)');
    return;
  }
  try {
    console.log(`load average at start: ${load()}`);
    const db = await openDatabase({ databaseUrl: pg.url });
    await migrateToLatest(db);
    await seedOrganisations(db);
    await ensureAdministrator(db, 'Bench-Sharing-Passw0rd-9');
    const [national] = await organisations.nationalCertIds(db);
    const collectionId = newId();
    await collections.insert(db, { id: collectionId, organisation_id: national, title: 'bench', description: '' });
    const admin = await loadActor(db, (await users.findByUsername(db, 'admin'))!.id, 'session', { address: null });
    const { token } = await db.transaction().execute((tx) => tokens.create(tx, admin!, { name: 'bench', organisationId: national, role: 'admin', expiresInDays: 1 }));

    await importBench(db, collectionId, national);

    try {
      const server = await startBenchServer({ DATABASE_URL: pg.url });
      try {
        const headers = { accept: 'application/taxii+json;version=2.1', authorization: `Bearer ${token}` };
        const url = `${server.url}/taxii2/api/collections/${collectionId}/objects/`;
        // The import service is called directly, without collections.importInto's statistics
        // refresh for large imports: the first walk shows a page planned with no statistics (and a
        // server just started); the next ones what clients get after a platform import.
        await walkAndReport('first walk, right after the import', url, headers, server.process.pid);
        await sql`analyze sharing_collection_objects, sharing_objects`.execute(db);
        for (const label of ['walk after analyse', 'walk after analyse, again']) await walkAndReport(label, url, headers, server.process.pid);

        const discovery = await autocannon({ url: `${server.url}/taxii2/`, connections: 50, duration: 10, headers: { accept: 'application/taxii+json;version=2.1' } });
        console.log(`GET /taxii2/ (public discovery), 50 connections, 10 s: ${discovery.requests.average.toFixed(0)} req/s, p50 ${discovery.latency.p50} ms, p99 ${discovery.latency.p99} ms, ${discovery.non2xx + discovery.errors} errors (reference: medallion ~1,900)`);
        const root = await autocannon({ url: `${server.url}/taxii2/api/`, connections: 50, duration: 10, headers });
        console.log(`GET /taxii2/api/ (API root, token-authenticated), 50 connections, 10 s: ${root.requests.average.toFixed(0)} req/s, p99 ${root.latency.p99} ms, ${root.non2xx + root.errors} errors`);
        console.log(`load average at end: ${load()}`);
      } finally {
        await server.stop();
      }
    } finally {
      await db.destroy();
    }
  } finally {
    pg.stop();
  }
}
