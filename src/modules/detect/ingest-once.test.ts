import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrganisation, makeUser, signIn, type TestContext } from '../../testing/app.ts';
import { eventToken, send, sysmon, waitFor } from './testing.ts';

let ctx: TestContext;
let org: string;
let token: string;

beforeAll(async () => {
  ctx = await createTestApp();
  org = await makeOrganisation(ctx);
  token = await eventToken(await signIn(ctx, await makeUser(ctx, [{ organisationId: org, role: 'operator' }])), org);
}, 60_000);
afterAll(async () => ctx.close());

async function stored(host: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from detect_events where host = ${host}`.execute(ctx.db);
  return rows[0].n;
}

const body = (host: string) => [sysmon(host, 'C:\\a.exe'), sysmon(host, 'C:\\b.exe'), { not: 'closed' }].map((e) => JSON.stringify(e)).join('\n') + '\n{bad';

describe('POST /api/events with an Idempotency-Key', () => {
  it('answers a retry with the first answer and stores nothing new', async () => {
    const first = await send(ctx, token, body('idem-1'), { 'idempotency-key': 'batch-0001' });
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toEqual({ accepted: 3, rejected: 1 });
    await waitFor(async () => ((await stored('idem-1')) === 2 ? true : undefined));
    const retry = await send(ctx, token, body('idem-1'), { 'idempotency-key': 'batch-0001' });
    expect(retry.statusCode).toBe(202);
    expect(retry.json()).toEqual({ accepted: 3, rejected: 1 });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    await new Promise((r) => setTimeout(r, 500));
    expect(await stored('idem-1')).toBe(2);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from detect_dead_letters where organisation_id = ${org}`.execute(ctx.db);
    expect(rows[0].n).toBe(1);
  });

  it('refuses the same key with a different body (422 problem)', async () => {
    expect((await send(ctx, token, body('idem-2'), { 'idempotency-key': 'batch-0002' })).statusCode).toBe(202);
    const other = await send(ctx, token, body('idem-3'), { 'idempotency-key': 'batch-0002' });
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(other.json()).toMatchObject({ code: 'unprocessable', status: 422 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await stored('idem-3')).toBe(0);
  });

  it('keeps keys per organisation and ingests requests without a key every time', async () => {
    const other = await makeOrganisation(ctx);
    const otherToken = await eventToken(await signIn(ctx, await makeUser(ctx, [{ organisationId: other, role: 'operator' }])), other);
    expect((await send(ctx, otherToken, body('idem-4'), { 'idempotency-key': 'batch-0001' })).json()).toEqual({ accepted: 3, rejected: 1 });
    expect((await send(ctx, token, JSON.stringify(sysmon('idem-5', 'C:\\a.exe')))).statusCode).toBe(202);
    expect((await send(ctx, token, JSON.stringify(sysmon('idem-5', 'C:\\a.exe')))).statusCode).toBe(202);
    await waitFor(async () => ((await stored('idem-4')) === 2 && (await stored('idem-5')) === 2 ? true : undefined));
  });

  it('refuses a key that is not visible ASCII (400 problem)', async () => {
    const r = await send(ctx, token, body('idem-6'), { 'idempotency-key': 'with space' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'validation' });
  });
});
