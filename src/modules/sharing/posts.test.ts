import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation } from '../../testing/app.ts';
import { createLogger } from '../../lib/logger.ts';
import { inlineObjects, runPending } from './posts.service.ts';
import { indicator, member, sharingWorld, taxii, tokenFor, type SharingWorld } from './sharing.fixtures.ts';

let w: SharingWorld;
let base: string;
const quiet = createLogger('silent');

/** More objects than are imported in the request, so the post goes pending. */
const many = (prefix: string) => Array.from({ length: inlineObjects + 20 }, (_, i) => indicator(`${prefix}.${Math.floor(i / 200)}.${i % 200}`, 'GREEN'));

beforeAll(async () => {
  w = await sharingWorld();
  base = `/taxii2/api/collections/${w.collection}`;
});
afterAll(async () => w.ctx.close());

describe('TAXII POST of a large envelope', () => {
  it('answers 202 with a pending status, which the worker completes with successes and a failure per object', async () => {
    const token = await tokenFor(w.ctx, w.owner);
    const good = many('10.20');
    const bad = indicator('10.20.9.9', 'GREEN', { pattern: "[ipv4-addr:value = '10.20.9.9'" });
    const posted = await taxii(w.ctx, token, 'POST', `${base}/objects/`, { objects: [...good, bad] });
    expect(posted.statusCode, posted.body).toBe(202);
    const pending = posted.json();
    expect(pending).toMatchObject({ status: 'pending', total_count: good.length + 1, success_count: 0, failure_count: 0, pending_count: good.length + 1 });
    expect(pending.pendings[0]).toEqual({ id: good[0].id, version: good[0].modified });
    expect((await taxii(w.ctx, token, 'GET', `/taxii2/api/status/${pending.id}/`)).json()).toMatchObject({ status: 'pending' });
    expect((await taxii(w.ctx, token, 'GET', `${base}/objects/${good[0].id}/`)).statusCode).toBe(404);

    expect(await runPending(w.ctx.db, quiet)).toBe(1);
    const status = (await taxii(w.ctx, token, 'GET', `/taxii2/api/status/${pending.id}/`)).json();
    expect(status).toMatchObject({ status: 'complete', total_count: good.length + 1, success_count: good.length, failure_count: 1, pending_count: 0, pendings: [] });
    expect(status.successes[0]).toEqual({ id: good[0].id, version: good[0].modified, message: 'created' });
    expect(status.failures).toEqual([{ id: bad.id, version: bad.modified, message: expect.stringMatching(/^pattern: /) }]);
    expect((await taxii(w.ctx, token, 'GET', `${base}/objects/${good[0].id}/`)).statusCode).toBe(200);
    expect(await runPending(w.ctx.db, quiet)).toBe(0);
  });

  it('is refused at once to a caller who may not write, and fails every object if the right is withdrawn before it runs', async () => {
    const partner = await makeOrganisation(w.ctx, 'cert');
    const partnerToken = await tokenFor(w.ctx, partner);
    const refused = await taxii(w.ctx, partnerToken, 'POST', `${base}/objects/`, { objects: many('10.30') });
    expect(refused.statusCode).toBe(404);
    await w.analyst.request('PUT', `/api/sharing/collections/${w.collection}/grants/${partner}`, { canRead: true, canWrite: true, maxTlp: 'GREEN' });
    const pending = (await taxii(w.ctx, partnerToken, 'POST', `${base}/objects/`, { objects: many('10.31') })).json();
    expect(pending.status).toBe('pending');
    await w.analyst.request('PUT', `/api/sharing/collections/${w.collection}/grants/${partner}`, { canRead: true, canWrite: false, maxTlp: 'GREEN' });
    await runPending(w.ctx.db, quiet);
    const status = (await taxii(w.ctx, partnerToken, 'GET', `/taxii2/api/status/${pending.id}/`)).json();
    expect(status).toMatchObject({ status: 'complete', success_count: 0, failure_count: inlineObjects + 20, pending_count: 0 });
    expect(status.failures[0].message).toBe('You may not add objects to this collection');
  });

  it('runs as the poster stands when the job runs: a token revoked meanwhile fails every object', async () => {
    const poster = await member(w.ctx, w.owner, 'cert_analyst');
    const created = (await poster.request('POST', '/api/tokens', { name: 'feed', organisationId: w.owner, role: 'cert_analyst', expiresInDays: 1 })).json();
    const objects = many('10.32');
    const pending = (await taxii(w.ctx, created.token, 'POST', `${base}/objects/`, { objects })).json();
    expect(pending.status).toBe('pending');
    expect((await poster.request('DELETE', `/api/tokens/${created.id}`)).statusCode).toBe(204);
    await runPending(w.ctx.db, quiet);
    const status = (await w.analyst.request('GET', `/taxii2/api/status/${pending.id}/`, undefined, { accept: 'application/taxii+json;version=2.1' })).json();
    expect(status).toMatchObject({ status: 'complete', success_count: 0, failure_count: inlineObjects + 20 });
    expect(status.failures[0].message).toBe('The token or account that posted these objects is no longer valid');
    expect((await w.analyst.request('GET', `${base}/objects/${objects[0].id}/`, undefined, { accept: 'application/taxii+json;version=2.1' })).statusCode).toBe(404);
  });

  it('keeps small envelopes in the request: complete at once', async () => {
    const token = await tokenFor(w.ctx, w.owner);
    const posted = (await taxii(w.ctx, token, 'POST', `${base}/objects/`, { objects: [indicator('10.40.0.1', 'GREEN')] })).json();
    expect(posted).toMatchObject({ status: 'complete', success_count: 1, pending_count: 0 });
  });
});
