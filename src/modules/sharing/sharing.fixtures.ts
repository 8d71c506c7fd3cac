/** Test set-up shared by the sharing tests: STIX object builders, a publishing organisation with a collection, API tokens and a TAXII caller. */
import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createTestApp, makeOrganisation, makeUser, signIn, type Client, type TestContext } from '../../testing/app.ts';
import type { RoleName } from '../identity/identity.tables.ts';
import { bundleObjects, validateObject } from './stix.validate.ts';
import { tlpMarkingIds, tlpRank, type Tlp } from './tlp.ts';

/** A valid STIX 2.1 indicator for `ip`, marked `tlp` (unmarked when null). */
export function indicator(ip: string, tlp: Tlp | null, options: { id?: string; modified?: string; pattern?: string } = {}): Record<string, unknown> {
  const modified = options.modified ?? '2026-01-01T00:00:00.000Z';
  return {
    type: 'indicator', spec_version: '2.1', id: options.id ?? `indicator--${crypto.randomUUID()}`, created: '2026-01-01T00:00:00.000Z', modified,
    name: `ip ${ip}`, pattern: options.pattern ?? `[ipv4-addr:value = '${ip}']`, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z',
    ...(tlp ? { object_marking_refs: [tlpMarkingIds[tlpRank(tlp)]] } : {}),
  };
}

export function bundle(objects: unknown[]): Record<string, unknown> {
  return { type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects };
}

export interface SharingWorld {
  ctx: TestContext;
  /** The publishing organisation (a sector CERT) and its CERT analyst. */
  owner: string;
  analyst: Client;
  collection: string;
}

export async function sharingWorld(): Promise<SharingWorld> {
  const ctx = await createTestApp();
  const owner = await makeOrganisation(ctx, 'cert');
  const analyst = await member(ctx, owner, 'cert_analyst');
  const created = await analyst.request('POST', '/api/sharing/collections', { organisationId: owner, title: 'Sector indicators' });
  if (created.statusCode !== 201) throw new Error(`collection: ${created.statusCode} ${created.body}`);
  return { ctx, owner, analyst, collection: created.json().id };
}

export async function member(ctx: TestContext, organisationId: string, role: RoleName = 'operator'): Promise<Client> {
  return signIn(ctx, await makeUser(ctx, [{ organisationId, role }]));
}

/** An API token of a new user holding `role` in `organisationId`. */
export async function tokenFor(ctx: TestContext, organisationId: string, role: RoleName = 'operator'): Promise<string> {
  const client = await member(ctx, organisationId, role);
  const response = await client.request('POST', '/api/tokens', { name: 'taxii', organisationId, role, expiresInDays: 1 });
  if (response.statusCode !== 201) throw new Error(`token: ${response.statusCode} ${response.body}`);
  return response.json().token;
}

export const taxiiAccept = 'application/taxii+json;version=2.1';

/** A TAXII request with a Bearer token (or any headers given). */
export function taxii(ctx: TestContext, token: string | null, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return ctx.app.inject({
    method: method as 'GET', url,
    headers: { accept: taxiiAccept, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': taxiiAccept }), ...headers },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Imports a bundle as `client` and returns the report. */
export async function importBundle(client: Client, collection: string, objects: unknown[], extra: Record<string, unknown> = {}) {
  const response = await client.request('POST', `/api/sharing/collections/${collection}/import`, { bundle: bundle(objects), ...extra });
  if (response.statusCode !== 200) throw new Error(`import: ${response.statusCode} ${response.body}`);
  return response.json() as { counts: Record<string, number>; lines: { index: number; id: string; outcome: string; reason?: string; version: string }[]; detection?: { added: number }; warnings?: { warned: number; withheld: number } };
}

/** Routes fetch() into the same in-process app, so a subscription can pull from it. */
export function inProcessFetch(ctx: TestContext): typeof fetch {
  return (async (input: URL | RequestInfo, init?: RequestInit) => {
    const url = new URL(String(input));
    const response = await ctx.app.inject({ method: 'GET', url: url.pathname + url.search, headers: init?.headers as Record<string, string> });
    return new Response(response.body, { status: response.statusCode, headers: response.headers as Record<string, string> });
  }) as typeof fetch;
}

/** Every exported bundle must validate against the official schemas, object by object. */
export function expectValidBundle(exported: unknown): Record<string, unknown>[] {
  const envelope = bundleObjects(exported);
  expect(envelope.ok).toBe(true);
  const objects = (envelope as { objects: Record<string, unknown>[] }).objects;
  for (const o of objects) expect(validateObject(o), JSON.stringify(o)).toEqual({ ok: true });
  return objects;
}
