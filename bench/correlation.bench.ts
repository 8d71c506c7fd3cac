/**
 * Observable correlation benchmark (issue 7): an incident with 1,000 observables against
 * 1,000,000 stored ones in 10,000 incidents of two organisations with mixed TLP markings, read
 * by an operator (so the visibility rule is applied). Goal: under 100 ms. PGlite in memory, or
 * the PostgreSQL server named by DATABASE_URL. Run alone with `npm run bench -- correlation`.
 */
import { sql } from 'kysely';
import { createTestDatabase } from '../src/testing/database.ts';
import { readerOf } from '../src/modules/incidents/incidents.policy.ts';
import { observablesWithCorrelations } from '../src/modules/incidents/observables.service.ts';
import type { Actor } from '../src/modules/identity/identity.policy.ts';

const STORED = Number(process.env.BENCH_OBSERVABLES ?? 1_000_000);
const INCIDENTS = 10_000;
const OWN = 1000;
const MATCHING = 100;
const runs = 10;

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

export async function run(): Promise<void> {
  const database = await createTestDatabase();
  const { db } = database;
  try {
    const [mine, theirs] = (await db.selectFrom('organisations').select('id').orderBy('acronym').limit(2).execute()).map((r) => r.id);
    let t = process.hrtime.bigint();
    await sql`insert into incidents (id, organisation_id, title, source, severity, status, tlp, pap, detected_at)
      select lpad(to_hex(n), 32, '0')::uuid, case when n % 2 = 0 then ${mine}::uuid else ${theirs}::uuid end, 'bench ' || n, 'api', 'medium', 'new', n % 5, 0, now()
      from generate_series(1, ${INCIDENTS}) n`.execute(db);
    await sql`insert into incident_observables (id, incident_id, type, value, tlp, pap)
      select gen_random_uuid(), lpad(to_hex(g % ${INCIDENTS} + 1), 32, '0')::uuid, 'md5', md5(g::text), g % 3, 0
      from generate_series(1, ${STORED}) g`.execute(db);
    const subject = '00000000-0000-4000-8000-00000000bead';
    await sql`insert into incidents (id, organisation_id, title, source, severity, status, tlp, pap, detected_at) values (${subject}, ${mine}, 'subject', 'api', 'high', 'new', 2, 0, now())`.execute(db);
    await sql`insert into incident_observables (id, incident_id, type, value, tlp, pap)
      select gen_random_uuid(), ${subject}::uuid, 'md5', case when k <= ${MATCHING} then md5((k * 7919)::text) else md5('fresh-' || k) end, 0, 0
      from generate_series(1, ${OWN}) k`.execute(db);
    await sql`analyze`.execute(db);
    process.stdout.write(`loaded ${INCIDENTS.toLocaleString('en')} incidents and ${STORED.toLocaleString('en')} observables in ${(ms(t) / 1000).toFixed(1)} s (${database.target.databaseUrl ? 'PostgreSQL' : 'PGlite'})\n`);

    const actor: Actor = { userId: 'bench', username: 'bench', via: 'session', address: null, memberships: [{ organisationId: mine, role: 'operator', reach: [mine], national: false }] };
    const reader = readerOf(actor);
    await observablesWithCorrelations(db, reader, subject);
    const times: number[] = [];
    let links = 0;
    for (let i = 0; i < runs; i += 1) {
      t = process.hrtime.bigint();
      const result = await observablesWithCorrelations(db, reader, subject);
      times.push(ms(t));
      links = result.reduce((n, o) => n + o.correlations.length, 0);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(runs / 2)];
    process.stdout.write(`correlate ${OWN} observables against ${STORED.toLocaleString('en')}: median ${median.toFixed(1)} ms, best ${times[0].toFixed(1)} ms, worst ${times[runs - 1].toFixed(1)} ms; ${links} visible links — goal < 100 ms: ${median < 100 ? 'met' : 'NOT met'}\n`);
  } finally {
    await database.drop();
  }
}
