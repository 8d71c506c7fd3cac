/**
 * No client ever receives an object whose marking it is not entitled to: every TLP level against
 * every kind of reader, on every TAXII read path and the export API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, nationalCertId, signIn, type Client } from '../../testing/app.ts';
import { expectValidBundle, importBundle, indicator, member, sharingWorld, taxii, tokenFor, type SharingWorld } from './sharing.fixtures.ts';
import { tlpLabels, type Tlp } from './tlp.ts';

let w: SharingWorld;
const byLevel = new Map<Tlp, string>();
let writerObject: string;
const readers: { name: string; token: string; client: Client; sees: Tlp[] | 'nothing'; seesWriterObject: boolean }[] = [];

beforeAll(async () => {
  w = await sharingWorld();
  const objects = tlpLabels.map((t, i) => indicator(`172.16.0.${i}`, t));
  tlpLabels.forEach((t, i) => byLevel.set(t, objects[i].id as string));
  await importBundle(w.analyst, w.collection, objects);
  // A second version of each, so the versions paths have something to leak.
  await importBundle(w.analyst, w.collection, objects.map((o) => ({ ...o, modified: '2026-06-01T00:00:00.000Z' })));
  const grant = async (maxTlp: Tlp, canWrite = false) => {
    const org = await makeOrganisation(w.ctx);
    const r = await w.analyst.request('PUT', `/api/sharing/collections/${w.collection}/grants/${org}`, { canRead: true, canWrite, maxTlp });
    expect(r.statusCode, r.body).toBe(200);
    return org;
  };
  const reader = async (name: string, org: string, sees: Tlp[] | 'nothing', seesWriterObject: boolean, role: 'operator' | 'admin' = 'operator') => {
    const user = await makeUser(w.ctx, [{ organisationId: org, role }]);
    const client = await signIn(w.ctx, user);
    const token = (await client.request('POST', '/api/tokens', { name: 't', organisationId: org, role, expiresInDays: 1 })).json().token;
    readers.push({ name, token, client, sees, seesWriterObject });
  };
  const writer = await grant('GREEN', true);
  const writerToken = await tokenFor(w.ctx, writer);
  writerObject = indicator('172.16.9.9', 'AMBER+STRICT').id as string;
  const posted = await taxii(w.ctx, writerToken, 'POST', `/taxii2/api/collections/${w.collection}/objects/`, { objects: [{ ...indicator('172.16.9.9', 'AMBER+STRICT'), id: writerObject }] });
  expect(posted.json().success_count).toBe(1);
  await reader('owner organisation member', w.owner, ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'], false);
  await reader('granted GREEN', await grant('GREEN'), ['CLEAR', 'GREEN'], false);
  await reader('granted CLEAR', await grant('CLEAR'), ['CLEAR'], false);
  await reader('granted AMBER', await grant('AMBER'), ['CLEAR', 'GREEN', 'AMBER'], false);
  await reader('granted RED (capped at AMBER)', await grant('RED'), ['CLEAR', 'GREEN', 'AMBER'], false);
  await reader('writer organisation (GREEN)', writer, ['CLEAR', 'GREEN'], true);
  await reader('organisation without a grant', await makeOrganisation(w.ctx), 'nothing', false);
  await reader('platform administrator without a grant', await nationalCertId(w.ctx), 'nothing', false, 'admin');
});
afterAll(async () => w.ctx.close());

function expectOnly(name: string, body: string, allowed: Tlp[] | 'nothing', seesWriterObject: boolean) {
  for (const level of tlpLabels) {
    const id = byLevel.get(level)!;
    const expected = allowed !== 'nothing' && allowed.includes(level);
    expect({ name, level, present: body.includes(id) }).toEqual({ name, level, present: expected });
  }
  expect({ name, writerObject: body.includes(writerObject) }).toEqual({ name, writerObject: seesWriterObject });
}

describe('TLP matrix', () => {
  const base = () => `/taxii2/api/collections/${w.collection}`;
  const paths: [string, () => string][] = [
    ['objects', () => `${base()}/objects/`],
    ['objects, every version', () => `${base()}/objects/?match[version]=all`],
    ['objects, first versions', () => `${base()}/objects/?match[version]=first`],
    ['manifest', () => `${base()}/manifest/?match[version]=all`],
  ];
  for (const [path, url] of paths) {
    it(`${path}: each reader receives exactly its TLP levels`, async () => {
      for (const r of readers) {
        const response = await taxii(w.ctx, r.token, 'GET', url());
        if (r.sees === 'nothing') expect([403, 404], r.name).toContain(response.statusCode);
        expectOnly(`${r.name} ${path}`, response.body, r.sees, r.seesWriterObject);
      }
    });
  }

  it('object by id and its versions: hidden levels are 404', async () => {
    for (const r of readers) {
      for (const [level, id] of [...byLevel, ['AMBER+STRICT', writerObject] as const]) {
        const entitled = id === writerObject ? r.seesWriterObject : r.sees !== 'nothing' && r.sees.includes(level as Tlp);
        const one = await taxii(w.ctx, r.token, 'GET', `${base()}/objects/${id}/`);
        const versions = await taxii(w.ctx, r.token, 'GET', `${base()}/objects/${id}/versions/`);
        const hidden = r.sees === 'nothing' ? [403, 404] : [404];
        expect(entitled ? [200] : hidden, `${r.name} ${level}`).toContain(one.statusCode);
        expect(entitled ? [200] : hidden, `${r.name} ${level} versions`).toContain(versions.statusCode);
        if (!entitled) expect(one.body + versions.body).not.toContain('172.16.');
      }
    }
  });

  it('bundle export through the API follows the same rule', async () => {
    for (const r of readers) {
      const response = await r.client.request('GET', `/api/sharing/export?collectionId=${w.collection}`);
      if (r.sees === 'nothing') {
        expect([403, 404], r.name).toContain(response.statusCode);
        expect(response.body).not.toContain('172.16.');
        continue;
      }
      expectOnly(`${r.name} export`, response.body, r.sees, r.seesWriterObject);
      const all = await r.client.request('GET', '/api/sharing/export');
      expectOnly(`${r.name} export of all collections`, all.body, r.sees, r.seesWriterObject);
      expectValidBundle(response.json());
      expectValidBundle(all.json());
    }
  });

  it('a national CERT analyst with no grant sees nothing either', async () => {
    const analyst = await member(w.ctx, await nationalCertId(w.ctx), 'cert_analyst');
    expect((await analyst.request('GET', `/api/sharing/export?collectionId=${w.collection}`)).statusCode).toBe(404);
  });
});
