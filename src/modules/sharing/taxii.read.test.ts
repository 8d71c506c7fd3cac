/**
 * The TAXII read path judges the reader's rights and TLP ceiling inside its one statement
 * (objects.store `page`) and the policy judges them again: cases the TLP matrix does not reach —
 * a reader in several organisations signed in with a session, a write-only grantee, and pages
 * that end exactly at the limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../testing/app.ts';
import { importBundle, indicator, member, sharingWorld, taxii, tokenFor, type SharingWorld } from './sharing.fixtures.ts';
import { tlpLabels, type Tlp } from './tlp.ts';

let w: SharingWorld;
let base: string;
const byLevel = new Map<Tlp, string>();

beforeAll(async () => {
  w = await sharingWorld();
  base = `/taxii2/api/collections/${w.collection}`;
  const objects = tlpLabels.map((t, i) => indicator(`192.0.2.${i}`, t));
  tlpLabels.forEach((t, i) => byLevel.set(t, objects[i].id as string));
  await importBundle(w.analyst, w.collection, objects);
});
afterAll(async () => w.ctx.close());

async function grant(maxTlp: Tlp, rights = { canRead: true, canWrite: false }): Promise<string> {
  const org = await makeOrganisation(w.ctx);
  const response = await w.analyst.request('PUT', `/api/sharing/collections/${w.collection}/grants/${org}`, { ...rights, maxTlp });
  expect(response.statusCode, response.body).toBe(200);
  return org;
}

function levelsIn(body: string): Tlp[] {
  return tlpLabels.filter((t) => body.includes(byLevel.get(t)!));
}

describe('TAXII reads judged in one statement', () => {
  it('gives a reader in several organisations the highest of their read grants, capped at AMBER', async () => {
    const green = await grant('GREEN');
    const red = await grant('RED');
    const writeOnly = await grant('RED', { canRead: false, canWrite: true });
    const both = await signIn(w.ctx, await makeUser(w.ctx, [{ organisationId: green, role: 'operator' }, { organisationId: red, role: 'operator' }]));
    for (const path of ['objects/', 'manifest/']) {
      const response = await both.request('GET', `${base}/${path}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(levelsIn(response.body)).toEqual(['CLEAR', 'GREEN', 'AMBER']);
    }
    const greenAndWriter = await signIn(w.ctx, await makeUser(w.ctx, [{ organisationId: green, role: 'operator' }, { organisationId: writeOnly, role: 'operator' }]));
    expect(levelsIn((await greenAndWriter.request('GET', `${base}/objects/`)).body)).toEqual(['CLEAR', 'GREEN']);
  });

  it('refuses a write-only grantee every read, its own objects included', async () => {
    const writer = await grant('AMBER', { canRead: false, canWrite: true });
    const own = indicator('192.0.2.99', 'RED');
    await importBundle(await member(w.ctx, writer, 'operator'), w.collection, [own]);
    const token = await tokenFor(w.ctx, writer);
    for (const path of ['objects/', 'manifest/', `objects/${own.id}/`, `objects/${own.id}/versions/`]) {
      const response = await taxii(w.ctx, token, 'GET', `${base}/${path}`);
      expect({ path, status: response.statusCode }).toEqual({ path, status: 403 });
      expect(response.body).not.toContain('192.0.2.');
    }
  });

  it('says more and gives next only while objects remain, also when the last page is exactly full', async () => {
    const token = await tokenFor(w.ctx, w.owner);
    const all = (await taxii(w.ctx, token, 'GET', `${base}/objects/`)).json().objects.length;
    const full = (await taxii(w.ctx, token, 'GET', `${base}/objects/?limit=${all}`)).json();
    expect({ more: full.more, next: full.next, count: full.objects.length }).toEqual({ more: false, next: undefined, count: all });
    const short = (await taxii(w.ctx, token, 'GET', `${base}/manifest/?limit=${all - 1}`)).json();
    expect({ more: short.more, count: short.objects.length }).toEqual({ more: true, count: all - 1 });
    const rest = await taxii(w.ctx, token, 'GET', `${base}/manifest/?limit=${all - 1}&next=${short.next}`);
    expect(rest.json()).toMatchObject({ more: false, objects: [{ id: expect.any(String) }] });
    expect(rest.headers['x-taxii-date-added-first']).toBe(rest.headers['x-taxii-date-added-last']);
    const past = await taxii(w.ctx, token, 'GET', `${base}/objects/?limit=1&added_after=${rest.headers['x-taxii-date-added-last']}`);
    expect({ status: past.statusCode, body: past.json(), first: past.headers['x-taxii-date-added-first'] }).toEqual({ status: 200, body: { more: false }, first: undefined });
  });
});
