/**
 * Every registered route is guarded: without credentials it answers 401, and a user of
 * organisation A can neither read nor change organisation B's records. Each module's
 * `<module>.guards.ts` must name every route of the module, so no route goes unchecked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrganisation, makeUser, signIn, type TestContext } from '../testing/app.ts';
import type { GuardCheck, GuardFixture, ModuleGuards } from '../testing/guards.ts';

const modules = Object.values(import.meta.glob<{ guards: ModuleGuards }>('../modules/**/*.guards.ts', { eager: true })).map((m) => m.guards);
const checks: Record<string, GuardCheck> = Object.assign({}, ...modules.map((m) => m.checks));

let ctx: TestContext;
let fixture: GuardFixture;

beforeAll(async () => {
  ctx = await createTestApp();
  const orgA = await makeOrganisation(ctx);
  const orgB = await makeOrganisation(ctx);
  const userB = await makeUser(ctx, [{ organisationId: orgB, role: 'operator' }]);
  fixture = {
    ctx,
    a: { org: orgA, client: await signIn(ctx, await makeUser(ctx, [{ organisationId: orgA, role: 'admin' }, { organisationId: orgA, role: 'auditor' }])) },
    b: { org: orgB, client: await signIn(ctx, userB), user: userB },
    records: {},
  };
  for (const m of modules) await m.setup?.(fixture);
});
afterAll(async () => ctx.close());

function guardedRoutes() {
  return ctx.app.registeredRoutes.filter((r) => r.auth !== 'public' && r.method !== 'HEAD');
}

function concrete(url: string): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => (name === 'id' && url.includes('sessions') ? '0123456789abcdef' : '00000000-0000-4000-8000-000000000000'));
}

describe('route guards', () => {
  it('every guarded route has a cross-organisation check', () => {
    const missing = guardedRoutes().map((r) => `${r.method} ${r.url}`).filter((key) => !(key in checks));
    expect(missing).toEqual([]);
  });

  it('every guarded route answers 401 with a problem body to an unauthenticated caller', async () => {
    for (const route of guardedRoutes()) {
      const response = await ctx.app.inject({ method: route.method as 'GET', url: concrete(route.url), payload: route.method === 'GET' ? undefined : {} });
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode }).toEqual({ route: `${route.method} ${route.url}`, status: 401 });
      expect(response.json().code).toBe('unauthenticated');
    }
  });

  it("a user of organisation A can neither read nor change organisation B's records", async () => {
    for (const route of guardedRoutes()) await checks[`${route.method} ${route.url}`](fixture);
  });

  it("B's records are unchanged after A's attempts", async () => {
    const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', fixture.b.user.id).executeTakeFirstOrThrow();
    expect(user.disabled).toBe(false);
    const token = await ctx.db.selectFrom('api_tokens').selectAll().where('id', '=', fixture.records.token).executeTakeFirstOrThrow();
    expect(token.revoked_at).toBeNull();
    expect((await fixture.b.client.request('GET', `/api/organisations/${fixture.b.org}`)).statusCode).toBe(200);
  });
});
