import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrganisation, makeUser, signIn, type Client, type TestContext } from '../../testing/app.ts';

let ctx: TestContext;
let owner: Client;
let org: string;
beforeAll(async () => {
  ctx = await createTestApp();
  org = await makeOrganisation(ctx);
  owner = await signIn(ctx, await makeUser(ctx, [{ organisationId: org, role: 'operator' }]));
});
afterAll(async () => ctx.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('API tokens', () => {
  it('is shown once, stored hashed, and authenticates as its one organisation and role', async () => {
    const created = await owner.request('POST', '/api/tokens', { name: 'sensor', organisationId: org, role: 'operator', expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^qx_/);
    const row = await ctx.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(token);
    expect(JSON.stringify((await owner.request('GET', '/api/tokens')).json())).not.toContain(token);
    const viaToken = await ctx.app.inject({ method: 'GET', url: '/api/organisations', headers: bearer(token) });
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.json().items.map((o: { id: string }) => o.id)).toEqual([org]);
  });

  it('works as the password of HTTP Basic, for clients that only speak Basic', async () => {
    const { token } = (await owner.request('POST', '/api/tokens', { name: 'basic', organisationId: org, role: 'operator', expiresInDays: 1 })).json();
    const basic = Buffer.from(`anyone:${token}`).toString('base64');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/organisations', headers: { authorization: `Basic ${basic}` } })).statusCode).toBe(200);
    const password = Buffer.from('anyone:Correct-Horse-Battery-9').toString('base64');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/organisations', headers: { authorization: `Basic ${password}` } })).statusCode).toBe(401);
  });

  it('stops working once revoked or expired', async () => {
    const { token, id } = (await owner.request('POST', '/api/tokens', { name: 'short', organisationId: org, role: 'operator', expiresInDays: 1 })).json();
    expect((await owner.request('DELETE', `/api/tokens/${id}`)).statusCode).toBe(204);
    const revoked = await ctx.app.inject({ method: 'GET', url: '/api/organisations', headers: bearer(token) });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().detail).toMatch(/revoked/);

    const other = (await owner.request('POST', '/api/tokens', { name: 'old', organisationId: org, role: 'operator', expiresInDays: 1 })).json();
    await ctx.db.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', other.id).execute();
    expect((await ctx.app.inject({ method: 'GET', url: '/api/organisations', headers: bearer(other.token) })).statusCode).toBe(401);
  });

  it('cannot carry a role its creator does not hold, nor create more tokens', async () => {
    const escalate = await owner.request('POST', '/api/tokens', { name: 'x', organisationId: org, role: 'admin', expiresInDays: 1 });
    expect(escalate.statusCode).toBe(403);
    const { token } = (await owner.request('POST', '/api/tokens', { name: 'y', organisationId: org, role: 'operator', expiresInDays: 1 })).json();
    const nested = await ctx.app.inject({ method: 'POST', url: '/api/tokens', headers: bearer(token), payload: { name: 'z', organisationId: org, role: 'operator', expiresInDays: 1 } });
    expect(nested.statusCode).toBe(403);
  });
});
