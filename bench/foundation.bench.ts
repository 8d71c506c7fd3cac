/**
 * Platform foundation: time from `qalxan start` (web app already built) to ready, and the
 * latency and throughput of an authenticated list endpoint over 10,000 users at 50 concurrent
 * connections (autocannon), on PGlite and on PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase, type DbTarget } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { newId } from '../src/lib/crypto.ts';
import { loadActor } from '../src/modules/identity/actor.ts';
import { hashPassword } from '../src/modules/identity/password.ts';
import * as organisations from '../src/modules/identity/organisations.store.ts';
import * as tokens from '../src/modules/identity/tokens.service.ts';
import * as users from '../src/modules/identity/users.store.ts';
import { buildWebIfStale } from '../src/cli/commands/start.ts';
import { benchPostgres } from './support/postgres.ts';
import { startBenchServer } from './support/server.ts';

const userCount = 10_000;

/** Inserts the users straight through the store (one shared hash: scrypt is slow on purpose). */
async function seedUsers(target: DbTarget): Promise<string> {
  const db = await openDatabase(target);
  await migrateToLatest(db);
  const [national] = await organisations.nationalCertIds(db);
  const hash = await hashPassword('Bench-user-password-1');
  for (let batch = 0; batch < userCount / 1000; batch += 1) {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      id: newId(), username: `bench${batch * 1000 + i}`, display_name: `Bench user ${batch * 1000 + i}`, email: null, password_hash: hash,
      must_change_password: false, disabled: false, mfa_secret: null, mfa_enabled: false, mfa_last_step: null,
    }));
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('users').values(rows).execute();
      await tx.insertInto('memberships').values(rows.map((r) => ({ user_id: r.id, organisation_id: national, role: 'operator' as const }))).execute();
    });
  }
  const admin = await users.findByUsername(db, 'admin');
  const actor = await loadActor(db, admin!.id, 'session', { address: null });
  const { token } = await db.transaction().execute((tx) => tokens.create(tx, actor!, { name: 'bench', organisationId: national, role: 'admin', expiresInDays: 1 }));
  await db.destroy();
  return token;
}

async function measure(label: string, env: Record<string, string>, target: DbTarget): Promise<void> {
  const first = await startBenchServer(env);
  await first.stop();
  const token = await seedUsers(target);
  const server = await startBenchServer(env);
  const result = await autocannon({
    url: `${server.url}/api/users?limit=50`, connections: 50, duration: 10, headers: { authorization: `Bearer ${token}` },
  });
  await server.stop();
  const errors = result.non2xx + result.errors;
  console.log(`${label}: first start to ready ${first.readyMs.toFixed(0)} ms; start to ready ${server.readyMs.toFixed(0)} ms`);
  console.log(`${label}: GET /api/users?limit=50 over ${userCount} users, 50 connections, 10 s: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.average.toFixed(0)} req/s, ${errors} errors`);
}

export async function run(): Promise<void> {
  buildWebIfStale(path.resolve('dist/web'));
  const env = { QALXAN_ADMIN_PASSWORD: 'Bench-operator-passphrase-1' };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qalxan-bench-'));
  await measure('PGlite', { ...env, QALXAN_DATA_DIR: dataDir }, { dataDir });
  const postgres = await benchPostgres();
  if (!postgres) {
    console.log('PostgreSQL: no server binaries found (apt-get install postgresql); skipped');
    return;
  }
  try {
    await measure('PostgreSQL', { ...env, QALXAN_DATA_DIR: dataDir, DATABASE_URL: postgres.url }, { databaseUrl: postgres.url });
  } finally {
    postgres.stop();
  }
}
