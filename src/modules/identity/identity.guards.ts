/** How each identity route keeps organisation A's user out of organisation B. */
import { expect } from 'vitest';
import { expectHidden, expectNotListed, type ModuleGuards } from '../../testing/guards.ts';

export const guards: ModuleGuards = {
  async setup(f) {
    f.records.token = (await f.b.client.request('POST', '/api/tokens', { name: 'b', organisationId: f.b.org, role: 'operator', expiresInDays: 5 })).json().id;
    f.records.session = ((await f.b.client.request('GET', '/api/auth/sessions')).json().items[0]).id;
  },
  checks: {
    'GET /api/auth/session': async (f) => expectNotListed(await f.a.client.request('GET', '/api/auth/session'), [f.b.org, f.b.user.id]),
    'POST /api/auth/mfa': async (f) => expect((await f.a.client.request('POST', '/api/auth/mfa', { code: '123456' })).statusCode).toBe(409),
    'POST /api/auth/password': async (f) => expect((await f.a.client.request('POST', '/api/auth/password', { currentPassword: 'x', newPassword: 'y' })).statusCode).toBe(400),
    'POST /api/auth/mfa/enrolment': async (f) => expect((await f.a.client.request('POST', '/api/auth/mfa/enrolment')).statusCode).toBe(409),
    'POST /api/auth/mfa/enrolment/verify': async (f) => expect((await f.a.client.request('POST', '/api/auth/mfa/enrolment/verify', { code: '123456' })).statusCode).toBe(409),
    // Acts on the caller's own session only; its effect is tested in sign-in.test.ts.
    'POST /api/auth/logout': async () => undefined,
    'GET /api/auth/sessions': async (f) => expectNotListed(await f.a.client.request('GET', '/api/auth/sessions'), [f.records.session]),
    'DELETE /api/auth/sessions/:id': async (f) => expectHidden(await f.a.client.request('DELETE', `/api/auth/sessions/${f.records.session}`)),
    'GET /api/organisations': async (f) => expectNotListed(await f.a.client.request('GET', '/api/organisations'), [f.b.org]),
    'GET /api/organisations/:id': async (f) => expectHidden(await f.a.client.request('GET', `/api/organisations/${f.b.org}`)),
    'POST /api/organisations': async (f) => expectHidden(await f.a.client.request('POST', '/api/organisations', { acronym: 'X1', name: { az: 'x', en: 'x' }, kind: 'soc', parentId: f.b.org })),
    'PATCH /api/organisations/:id': async (f) => expectHidden(await f.a.client.request('PATCH', `/api/organisations/${f.b.org}`, { sector: 'energy' })),
    // Reference data readable by any signed-in user; the check is that no organisation's records leak into it.
    'GET /api/reference/sectors': async (f) => expectNotListed(await f.a.client.request('GET', '/api/reference/sectors'), [f.b.org, f.b.user.id]),
    'GET /api/users': async (f) => expectNotListed(await f.a.client.request('GET', '/api/users'), [f.b.user.id, f.b.org]),
    'GET /api/users/:id': async (f) => expectHidden(await f.a.client.request('GET', `/api/users/${f.b.user.id}`)),
    'POST /api/users': async (f) => expectHidden(await f.a.client.request('POST', '/api/users', { username: 'intruder', displayName: 'x', password: 'Very-long-password-1', memberships: [{ organisationId: f.b.org, role: 'operator' }] })),
    'PATCH /api/users/:id': async (f) => expectHidden(await f.a.client.request('PATCH', `/api/users/${f.b.user.id}`, { disabled: true })),
    'POST /api/users/:id/mfa-reset': async (f) => expectHidden(await f.a.client.request('POST', `/api/users/${f.b.user.id}/mfa-reset`)),
    'GET /api/tokens': async (f) => expectNotListed(await f.a.client.request('GET', '/api/tokens'), [f.records.token]),
    'POST /api/tokens': async (f) => expectHidden(await f.a.client.request('POST', '/api/tokens', { name: 'x', organisationId: f.b.org, role: 'operator', expiresInDays: 1 })),
    'DELETE /api/tokens/:id': async (f) => expectHidden(await f.a.client.request('DELETE', `/api/tokens/${f.records.token}`)),
  },
};
