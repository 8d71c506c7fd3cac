import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle, indicator, sharingWorld, taxii, tokenFor, type SharingWorld } from './sharing.fixtures.ts';
import { makeOrganisation } from '../../testing/app.ts';

let w: SharingWorld;
let token: string;
let base: string;
const ids: string[] = [];

beforeAll(async () => {
  w = await sharingWorld();
  token = await tokenFor(w.ctx, w.owner, 'cert_analyst');
  base = `/taxii2/api/collections/${w.collection}`;
  const objects = Array.from({ length: 25 }, (_, i) => indicator(`10.0.0.${i}`, 'GREEN'));
  ids.push(...objects.map((o) => o.id as string));
  await importBundle(w.analyst, w.collection, objects);
});
afterAll(async () => w.ctx.close());

describe('TAXII 2.1 server', () => {
  it('serves discovery and the API root with the exact media type', async () => {
    const discovery = await taxii(w.ctx, null, 'GET', '/taxii2/');
    expect(discovery.statusCode).toBe(200);
    expect(discovery.headers['content-type']).toBe('application/taxii+json;version=2.1');
    expect(discovery.json().api_roots[0]).toMatch(/\/taxii2\/api\/$/);
    const root = await taxii(w.ctx, token, 'GET', '/taxii2/api/');
    expect(root.json().versions).toEqual(['application/taxii+json;version=2.1']);
  });

  it('answers errors with the TAXII error resource, authentication included', async () => {
    const response = await taxii(w.ctx, null, 'GET', '/taxii2/api/collections/');
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toBe('application/taxii+json;version=2.1');
    expect(response.json()).toMatchObject({ title: 'Authentication required', http_status: '401' });
    const unknown = await taxii(w.ctx, token, 'GET', '/taxii2/api/collections/00000000-0000-4000-8000-000000000000/objects/');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().http_status).toBe('404');
  });

  it('takes the API token as Bearer or as the Basic password, never a password', async () => {
    const basic = (secret: string) => ({ authorization: `Basic ${Buffer.from(`any:${secret}`).toString('base64')}` });
    expect((await taxii(w.ctx, null, 'GET', '/taxii2/api/collections/', undefined, basic(token))).statusCode).toBe(200);
    expect((await taxii(w.ctx, null, 'GET', '/taxii2/api/collections/', undefined, basic('Correct-Horse-Battery-9'))).statusCode).toBe(401);
  });

  it('lists collections with rights and media types', async () => {
    const { collections } = (await taxii(w.ctx, token, 'GET', '/taxii2/api/collections/')).json();
    expect(collections).toEqual([{ id: w.collection, title: 'Sector indicators', can_read: true, can_write: true, media_types: ['application/stix+json;version=2.1'] }]);
    expect((await taxii(w.ctx, token, 'GET', `${base}/`)).json().id).toBe(w.collection);
  });

  it('pages objects with limit and next, and sets the Date-Added headers', async () => {
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const response = await taxii(w.ctx, token, 'GET', `${base}/objects/?limit=10${next ? `&next=${next}` : ''}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-taxii-date-added-first']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
      const body = response.json();
      seen.push(...body.objects.map((o: { id: string }) => o.id));
      next = body.more ? body.next : undefined;
      pages += 1;
    } while (next);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
  });

  it('filters by added_after and match[id|type|version|spec_version]', async () => {
    const first = await taxii(w.ctx, token, 'GET', `${base}/objects/?limit=5`);
    const after = first.headers['x-taxii-date-added-last'] as string;
    const rest = (await taxii(w.ctx, token, 'GET', `${base}/objects/?added_after=${after}`)).json();
    expect(rest.objects.map((o: { id: string }) => o.id)).toEqual(ids.slice(5));
    expect((await taxii(w.ctx, token, 'GET', `${base}/objects/?match[id]=${ids[3]},${ids[4]}`)).json().objects).toHaveLength(2);
    expect((await taxii(w.ctx, token, 'GET', `${base}/objects/?match[type]=malware`)).json()).toEqual({ more: false });
    expect((await taxii(w.ctx, token, 'GET', `${base}/objects/?match[spec_version]=2.1&limit=1`)).json().objects).toHaveLength(1);
    expect((await taxii(w.ctx, token, 'GET', `${base}/objects/?match[version]=2026-01-01T00:00:00.000Z&match[id]=${ids[0]}`)).json().objects).toHaveLength(1);
  });

  it('serves versions, the manifest and one object with match[version]', async () => {
    const id = ids[0];
    await importBundle(w.analyst, w.collection, [{ ...indicator('10.0.0.0', 'GREEN', { id }), modified: '2026-05-01T00:00:00.000Z' }]);
    expect((await taxii(w.ctx, token, 'GET', `${base}/objects/${id}/versions/`)).json()).toEqual({ more: false, versions: ['2026-01-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z'] });
    const latest = (await taxii(w.ctx, token, 'GET', `${base}/objects/${id}/`)).json();
    expect(latest.objects.map((o: { modified: string }) => o.modified)).toEqual(['2026-05-01T00:00:00.000Z']);
    const all = (await taxii(w.ctx, token, 'GET', `${base}/objects/${id}/?match[version]=all`)).json();
    expect(all.objects).toHaveLength(2);
    const firstVersion = (await taxii(w.ctx, token, 'GET', `${base}/objects/${id}/?match[version]=first`)).json();
    expect(firstVersion.objects[0].modified).toBe('2026-01-01T00:00:00.000Z');
    const manifest = (await taxii(w.ctx, token, 'GET', `${base}/manifest/?match[id]=${id}`)).json();
    expect(manifest.objects).toEqual([expect.objectContaining({ id, version: '2026-05-01T00:00:00.000Z', media_type: 'application/stix+json;version=2.1' })]);
    expect((await taxii(w.ctx, token, 'GET', `${base}/objects/indicator--00000000-0000-4000-8000-000000000000/`)).statusCode).toBe(404);
  });

  it('answers 400 to malformed query parameters', async () => {
    for (const query of ['limit=0', 'limit=abc', 'added_after=yesterday', 'next=zzz', 'match[colour]=red', 'match[version]=soon', 'limit=1&limit=2', 'match[id]=']) {
      const response = await taxii(w.ctx, token, 'GET', `${base}/objects/?${query}`);
      expect({ query, status: response.statusCode }).toEqual({ query, status: 400 });
      expect(response.json().description).toBeTruthy();
    }
  });

  it('refuses unacceptable media types with 406 and 415', async () => {
    expect((await taxii(w.ctx, token, 'GET', `${base}/objects/`, undefined, { accept: 'application/json' })).statusCode).toBe(406);
    expect((await taxii(w.ctx, token, 'GET', `${base}/objects/`, undefined, { accept: 'application/taxii+json;version=2.0' })).statusCode).toBe(406);
    expect((await taxii(w.ctx, token, 'GET', `${base}/objects/?limit=1`, undefined, { accept: 'application/stix+json;version=2.1' })).statusCode).toBe(200);
    const wrongType = await taxii(w.ctx, token, 'POST', `${base}/objects/`, { objects: [] }, { 'content-type': 'application/json' });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().http_status).toBe('415');
  });

  it('accepts envelopes by POST and reports them in a status resource', async () => {
    const good = indicator('10.9.9.9', 'GREEN');
    const response = await taxii(w.ctx, token, 'POST', `${base}/objects/`, { objects: [good, { ...good, id: 'indicator--bad' }] });
    expect(response.statusCode).toBe(202);
    expect(response.headers['content-type']).toBe('application/taxii+json;version=2.1');
    const status = response.json();
    expect(status).toMatchObject({ status: 'complete', total_count: 2, success_count: 1, failure_count: 1, pending_count: 0 });
    expect(status.failures[0].message).toMatch(/schema indicator/);
    expect((await taxii(w.ctx, token, 'GET', `/taxii2/api/status/${status.id}/`)).json().id).toBe(status.id);
    const again = (await taxii(w.ctx, token, 'POST', `${base}/objects/`, { objects: [{ ...good, modified: '2025-01-01T00:00:00.000Z' }] })).json();
    expect(again.failures[0].message).toMatch(/not newer/);
  });

  it('gives write only to organisations granted it', async () => {
    const reader = await makeOrganisation(w.ctx);
    expect((await w.analyst.request('PUT', `/api/sharing/collections/${w.collection}/grants/${reader}`, { canRead: true, canWrite: false, maxTlp: 'GREEN' })).statusCode).toBe(200);
    const readerToken = await tokenFor(w.ctx, reader);
    expect((await taxii(w.ctx, readerToken, 'GET', `${base}/objects/?limit=1`)).statusCode).toBe(200);
    expect((await taxii(w.ctx, readerToken, 'POST', `${base}/objects/`, { objects: [indicator('10.1.1.1', 'GREEN')] })).statusCode).toBe(403);
    const outsider = await tokenFor(w.ctx, await makeOrganisation(w.ctx));
    expect((await taxii(w.ctx, outsider, 'GET', `${base}/objects/`)).statusCode).toBe(404);
    expect((await taxii(w.ctx, outsider, 'GET', '/taxii2/api/collections/')).json()).toEqual({});
  });
});
