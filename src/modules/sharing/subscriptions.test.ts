import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../lib/logger.ts';
import { importBundle, indicator, inProcessFetch, member, sharingWorld, tokenFor, type SharingWorld } from './sharing.fixtures.ts';
import { run, runDue } from './subscriptions.service.ts';

let w: SharingWorld;
let target: string;

beforeAll(async () => {
  w = await sharingWorld();
  target = (await w.analyst.request('POST', '/api/sharing/collections', { organisationId: w.owner, title: 'Inbound' })).json().id;
});
afterAll(async () => w.ctx.close());

describe('TAXII client subscriptions', () => {
  it('pulls new objects on each run, resumes after the last date added and shows its status', async () => {
    await importBundle(w.analyst, w.collection, [indicator('192.0.2.10', 'GREEN'), indicator('192.0.2.11', 'GREEN')]);
    const token = await tokenFor(w.ctx, w.owner, 'cert_analyst');
    const created = await w.analyst.request('POST', '/api/sharing/subscriptions', {
      organisationId: w.owner, name: 'self', apiRoot: 'http://qalxan.test/taxii2/api/', remoteCollection: w.collection, token, collectionId: target, intervalSeconds: 5,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).not.toHaveProperty('token');
    const row = await w.ctx.db.selectFrom('sharing_subscriptions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(await run(w.ctx.db, row, inProcessFetch(w.ctx))).toMatchObject({ created: 2, error: null });
    await importBundle(w.analyst, w.collection, [indicator('192.0.2.12', 'GREEN')]);
    const again = await w.ctx.db.selectFrom('sharing_subscriptions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(await run(w.ctx.db, again, inProcessFetch(w.ctx))).toMatchObject({ created: 1, skipped: 0, error: null });
    const status = (await w.analyst.request('GET', `/api/sharing/subscriptions/${id}`)).json();
    expect(status).toMatchObject({ lastStatus: 'ok', objectsImported: 3 });
    expect(status.runs).toHaveLength(2);
  });

  it('records errors from the remote side and keeps polling on schedule', async () => {
    const created = (await w.analyst.request('POST', '/api/sharing/subscriptions', {
      organisationId: w.owner, name: 'unreachable', apiRoot: 'http://127.0.0.1:9/taxii2/api/', remoteCollection: 'nope', token: 'qx_wrong', collectionId: target, intervalSeconds: 60,
    })).json();
    await runDue(w.ctx.db, createLogger('silent'));
    const status = (await w.analyst.request('GET', `/api/sharing/subscriptions/${created.id}`)).json();
    expect(status.lastStatus).toBe('error');
    expect(status.lastError).toMatch(/fetch failed|ECONNREFUSED/);
    expect(Date.parse(status.nextRunAt)).toBeGreaterThan(Date.now() + 30_000);
    const paused = await w.analyst.request('PATCH', `/api/sharing/subscriptions/${created.id}`, { enabled: false });
    expect(paused.json().enabled).toBe(false);
  });

  it("says whether a subscription's imports warn others: an analyst's do, an administrator's do not", async () => {
    const admin = await member(w.ctx, w.owner, 'admin');
    const body = { organisationId: w.owner, apiRoot: 'http://127.0.0.1:9/taxii2/api/', remoteCollection: 'feed', token: 'qx_x', collectionId: target, intervalSeconds: 60 };
    const byAdmin = await admin.request('POST', '/api/sharing/subscriptions', { ...body, name: 'by admin' });
    const byAnalyst = await w.analyst.request('POST', '/api/sharing/subscriptions', { ...body, name: 'by analyst' });
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    expect(byAdmin.json().raisesWarnings).toBe(false);
    expect(byAnalyst.json().raisesWarnings).toBe(true);
    const listed = (await admin.request('GET', '/api/sharing/subscriptions')).json().items as { name: string; raisesWarnings: boolean }[];
    expect(Object.fromEntries(listed.map((s) => [s.name, s.raisesWarnings]))).toMatchObject({ 'by admin': false, 'by analyst': true });
  });
});
