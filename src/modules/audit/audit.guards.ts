/** How the audit routes keep organisation A's auditor out of organisation B's trail. */
import { expect } from 'vitest';
import { expectHidden, expectNotListed, type ModuleGuards } from '../../testing/guards.ts';

export const guards: ModuleGuards = {
  checks: {
    'GET /api/audit': async (f) => {
      expectNotListed(await f.a.client.request('GET', '/api/audit?limit=500'), [f.b.org, f.b.user.id]);
      expect((await f.a.client.request('GET', `/api/audit?organisationId=${f.b.org}`)).json().items).toEqual([]);
    },
    'GET /api/audit/verify': async (f) => expectHidden(await f.a.client.request('GET', '/api/audit/verify')),
  },
};
