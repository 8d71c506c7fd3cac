/**
 * Restart the server (SIGKILL, then start again on the same database) while clients send events
 * over HTTP: every event answered with 2xx is processed. Clients retry what was not answered
 * with 2xx, so events may arrive twice; none may be missing.
 */
import type { ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../lib/crypto.ts';
import { loadActor } from '../identity/actor.ts';
import * as organisations from '../identity/organisations.store.ts';
import { hashPassword } from '../identity/password.ts';
import * as tokens from '../identity/tokens.service.ts';
import * as users from '../identity/users.store.ts';
import { freePort } from '../../testing/nats.ts';
import { kill, serverDatabase, startProcess } from './reliability.support.ts';
import { sysmon } from './testing.ts';

let database: Awaited<ReturnType<typeof serverDatabase>>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await serverDatabase();
}, 60_000);
afterAll(async () => {
  for (const c of children) await kill(c);
  await database?.drop();
});

it('processes every event acknowledged with 2xx across a server restart during HTTP ingestion', async () => {
  const { db, url } = database;
  const org = newId();
  await organisations.insert(db, { id: org, acronym: `R${org.slice(0, 6)}`, name_az: 'r', name_en: 'r', kind: 'soc', sector: 'energy', parent_id: null, is_national_cert: false });
  const userId = newId();
  await users.insert(db, { id: userId, username: `sender${org.slice(0, 6)}`, display_name: 's', email: null, password_hash: await hashPassword('Sender-Password-123'), must_change_password: false, disabled: false, mfa_secret: null, mfa_enabled: false, mfa_last_step: null });
  await users.replaceMemberships(db, userId, [{ user_id: userId, organisation_id: org, role: 'operator' }]);
  const { token } = await tokens.create(db, (await loadActor(db, userId, 'session', {}))!, { name: 'restart', organisationId: org, role: 'operator', expiresInDays: 1 });

  const port = await freePort();
  const env = { DATABASE_URL: url, QALXAN_PORT: String(port), QALXAN_WEB_DIST: '/nonexistent' };
  const ready = /Qalxan is serving/;
  children.push(await startProcess(env, ready));

  const acknowledged = new Set<number>();
  const BATCHES = 120;
  const PER = 250;
  let restarted = false;
  const sendBatch = async (b: number) => {
    const body = Array.from({ length: PER }, (_, i) => JSON.stringify(sysmon(`r${i % 20}`, 'C:\\ok.exe', { seq: b * PER + i }))).join('\n');
    for (let attempt = 0; attempt < 400; attempt++) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/events`, { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' } });
        if (r.status === 202) {
          for (let i = 0; i < PER; i++) acknowledged.add(b * PER + i);
          return;
        }
      } catch {
        // Connection refused or reset while the server is down: retry below.
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`batch ${b} never accepted`);
  };
  let next = 0;
  const client = async () => {
    while (next < BATCHES) {
      const b = next++;
      if (b === BATCHES / 3 && !restarted) {
        restarted = true;
        await kill(children[0]);
        children.push(await startProcess(env, ready));
      }
      await sendBatch(b);
    }
  };
  await Promise.all([client(), client(), client(), client()]);
  expect(restarted).toBe(true);

  const until = Date.now() + 90_000;
  let missing: number[] = [];
  for (;;) {
    const { rows } = await sql<{ seq: number }>`select distinct (event->>'seq')::int as seq from detect_events`.execute(db);
    const seen = new Set(rows.map((r) => Number(r.seq)));
    missing = [...acknowledged].filter((s) => !seen.has(s));
    if (missing.length === 0 || Date.now() > until) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(acknowledged.size).toBe(BATCHES * PER);
  expect(missing).toEqual([]);
}, 180_000);
