import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, nationalCertId, signIn, type Client, type TestContext } from '../testing/app.ts';

let ctx: TestContext;
let admin: Client;
let organisationCount = 0;
beforeAll(async () => {
  ctx = await createTestApp({ QALXAN_BODY_LIMIT_BYTES: '4096' });
  admin = await signIn(ctx, await makeUser(ctx, [{ organisationId: await nationalCertId(ctx), role: 'admin' }]));
  organisationCount = (await admin.request('GET', '/api/organisations')).json().items.length;
});
afterAll(async () => ctx.close());

const valid = { acronym: 'NEW-SOC', name: { az: 'Yeni SOC', en: 'New SOC' }, kind: 'soc' };

async function expectProblem(response: Awaited<ReturnType<Client['request']>>, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json()).toMatchObject({ status, code, requestId: expect.any(String) });
}

describe('bad input', () => {
  it('malformed JSON is a 400 problem', async () => {
    await expectProblem(await admin.request('POST', '/api/organisations', '{"acronym": ', { 'content-type': 'application/json' }), 400, 'validation');
  });
  it('a wrong type is a 400 naming the field, not coerced', async () => {
    const response = await admin.request('POST', '/api/organisations', { ...valid, acronym: 12345 });
    await expectProblem(response, 400, 'validation');
    expect(response.json().errors[0].path).toContain('acronym');
  });
  it('an unknown field is a 400 naming it', async () => {
    const response = await admin.request('POST', '/api/organisations', { ...valid, isNationalCert: true });
    await expectProblem(response, 400, 'validation');
    expect(response.json().detail).toContain('isNationalCert');
  });
  it('an oversized body is a 413', async () => {
    await expectProblem(await admin.request('POST', '/api/organisations', { ...valid, name: { az: 'a'.repeat(5000), en: 'b' } }), 413, 'payload_too_large');
  });
  it('a wrong media type is a 415', async () => {
    await expectProblem(await admin.request('POST', '/api/organisations', '<acronym/>', { 'content-type': 'application/xml' }), 415, 'unsupported_media_type');
  });
  it('an unknown route is a 404 problem', async () => {
    await expectProblem(await admin.request('GET', '/api/nothing-here'), 404, 'not_found');
  });
  it('a duplicate is a 409, and none of the rejected requests stored anything', async () => {
    expect((await admin.request('POST', '/api/organisations', valid)).statusCode).toBe(201);
    await expectProblem(await admin.request('POST', '/api/organisations', valid), 409, 'conflict');
    expect((await admin.request('GET', '/api/organisations')).json().items).toHaveLength(organisationCount + 1);
  });
  it('an organisation cannot become its own ancestor', async () => {
    const parent = (await admin.request('POST', '/api/organisations', { ...valid, acronym: 'PARENT' })).json();
    const child = (await admin.request('POST', '/api/organisations', { ...valid, acronym: 'CHILD', parentId: parent.id })).json();
    await expectProblem(await admin.request('PATCH', `/api/organisations/${parent.id}`, { parentId: child.id }), 400, 'validation');
  });
});
