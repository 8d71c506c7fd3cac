/**
 * Every registered route is guarded: without credentials it answers 401, and a user of
 * organisation A can neither read nor change organisation B's records. The table below must
 * name every route, so a new route cannot be added without saying how it is guarded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, makeOrganisation, makeUser, signIn, type Client, type TestContext } from '../testing/app.ts';

let ctx: TestContext;
let a: Client;
const b = { org: '', user: '', token: '', session: '' };

beforeAll(async () => {
  ctx = await createTestApp();
  const orgA = await makeOrganisation(ctx);
  b.org = await makeOrganisation(ctx);
  a = await signIn(ctx, await makeUser(ctx, [{ organisationId: orgA, role: 'admin' }, { organisationId: orgA, role: 'auditor' }]));
  const userB = await makeUser(ctx, [{ organisationId: b.org, role: 'operator' }]);
  b.user = userB.id;
  const clientB = await signIn(ctx, userB);
  b.token = (await clientB.request('POST', '/api/tokens', { name: 'b', organisationId: b.org, role: 'operator', expiresInDays: 5 })).json().id;
  b.session = ((await clientB.request('GET', '/api/auth/sessions')).json().items[0]).id;
  await ctx.db.updateTable('organisations').set({ sector: 'banking' }).where('id', '=', b.org).execute();
});
afterAll(async () => ctx.close());

type Check = (client: Client) => Promise<void>;
const hidden = (response: LightMyRequestResponse) => expect([403, 404]).toContain(response.statusCode);
const notListed = (response: LightMyRequestResponse, ids: string[]) => {
  expect(response.statusCode).toBe(200);
  expect(response.body).not.toMatch(new RegExp(ids.filter(Boolean).join('|')));
};

const crossOrganisation: Record<string, Check> = {
  'GET /api/auth/session': async (c) => notListed(await c.request('GET', '/api/auth/session'), [b.org, b.user]),
  'POST /api/auth/mfa': async (c) => expect((await c.request('POST', '/api/auth/mfa', { code: '123456' })).statusCode).toBe(409),
  'POST /api/auth/password': async (c) => expect((await c.request('POST', '/api/auth/password', { currentPassword: 'x', newPassword: 'y' })).statusCode).toBe(400),
  'POST /api/auth/mfa/enrolment': async (c) => expect((await c.request('POST', '/api/auth/mfa/enrolment')).statusCode).toBe(409),
  'POST /api/auth/mfa/enrolment/verify': async (c) => expect((await c.request('POST', '/api/auth/mfa/enrolment/verify', { code: '123456' })).statusCode).toBe(409),
  'POST /api/auth/logout': async () => undefined, // acts on the caller's own session only; exercised in sign-in tests
  'GET /api/auth/sessions': async (c) => notListed(await c.request('GET', '/api/auth/sessions'), [b.session]),
  'DELETE /api/auth/sessions/:id': async (c) => hidden(await c.request('DELETE', `/api/auth/sessions/${b.session}`)),
  'GET /api/organisations': async (c) => notListed(await c.request('GET', '/api/organisations'), [b.org]),
  'GET /api/organisations/:id': async (c) => hidden(await c.request('GET', `/api/organisations/${b.org}`)),
  'POST /api/organisations': async (c) => hidden(await c.request('POST', '/api/organisations', { acronym: 'X1', name: { az: 'x', en: 'x' }, kind: 'soc', parentId: b.org })),
  'PATCH /api/organisations/:id': async (c) => hidden(await c.request('PATCH', `/api/organisations/${b.org}`, { sector: 'x' })),
  'GET /api/users': async (c) => notListed(await c.request('GET', '/api/users'), [b.user, b.org]),
  'GET /api/users/:id': async (c) => hidden(await c.request('GET', `/api/users/${b.user}`)),
  'POST /api/users': async (c) => hidden(await c.request('POST', '/api/users', { username: 'intruder', displayName: 'x', password: 'Very-long-password-1', memberships: [{ organisationId: b.org, role: 'operator' }] })),
  'PATCH /api/users/:id': async (c) => hidden(await c.request('PATCH', `/api/users/${b.user}`, { disabled: true })),
  'POST /api/users/:id/mfa-reset': async (c) => hidden(await c.request('POST', `/api/users/${b.user}/mfa-reset`)),
  'GET /api/tokens': async (c) => notListed(await c.request('GET', '/api/tokens'), [b.token]),
  'POST /api/tokens': async (c) => hidden(await c.request('POST', '/api/tokens', { name: 'x', organisationId: b.org, role: 'operator', expiresInDays: 1 })),
  'DELETE /api/tokens/:id': async (c) => hidden(await c.request('DELETE', `/api/tokens/${b.token}`)),
  'GET /api/audit': async (c) => {
    notListed(await c.request('GET', '/api/audit?limit=500'), [b.org, b.user]);
    expect((await c.request('GET', `/api/audit?organisationId=${b.org}`)).json().items).toEqual([]);
  },
  'GET /api/audit/verify': async (c) => hidden(await c.request('GET', '/api/audit/verify')),
};

function guardedRoutes() {
  return ctx.app.registeredRoutes.filter((r) => r.auth !== 'public' && r.method !== 'HEAD');
}

function concrete(url: string): string {
  return url.replace(':id', url.includes('sessions') ? '0123456789abcdef' : '00000000-0000-4000-8000-000000000000');
}

describe('route guards', () => {
  it('every guarded route is named in the cross-organisation table', () => {
    const missing = guardedRoutes().map((r) => `${r.method} ${r.url}`).filter((key) => !(key in crossOrganisation));
    expect(missing).toEqual([]);
    expect(guardedRoutes().length).toBeGreaterThanOrEqual(Object.keys(crossOrganisation).length);
  });

  it('every guarded route answers 401 with a problem body to an unauthenticated caller', async () => {
    for (const route of guardedRoutes()) {
      const response = await ctx.app.inject({ method: route.method as 'GET', url: concrete(route.url), payload: route.method === 'GET' ? undefined : {} });
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode }).toEqual({ route: `${route.method} ${route.url}`, status: 401 });
      expect(response.json().code).toBe('unauthenticated');
    }
  });

  it('an administrator of organisation A cannot read or change organisation B', async () => {
    for (const route of guardedRoutes()) await crossOrganisation[`${route.method} ${route.url}`](a);
  });

  it("B's records are unchanged after A's attempts", async () => {
    const org = await ctx.db.selectFrom('organisations').selectAll().where('id', '=', b.org).executeTakeFirstOrThrow();
    expect(org.sector).toBe('banking');
    const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', b.user).executeTakeFirstOrThrow();
    expect(user.disabled).toBe(false);
    const token = await ctx.db.selectFrom('api_tokens').selectAll().where('id', '=', b.token).executeTakeFirstOrThrow();
    expect(token.revoked_at).toBeNull();
  });
});
