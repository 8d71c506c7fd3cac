/**
 * Shared shape of the route-guard tests: each module describes, in `<module>.guards.ts`, how
 * each of its routes must refuse organisation A's user access to organisation B's records.
 */
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Client, TestContext, TestUser } from './app.ts';

export interface GuardFixture {
  ctx: TestContext;
  /** Organisation A: its user holds admin and auditor there (the strongest non-national roles). */
  a: { org: string; client: Client };
  /** Organisation B, a sibling of A, with an operator signed in. */
  b: { org: string; client: Client; user: TestUser };
  /** Ids of B's records that modules create in their setup, by name. */
  records: Record<string, string>;
}

export type GuardCheck = (f: GuardFixture) => Promise<void>;

export interface ModuleGuards {
  /** Creates the module's records in organisation B (as B's client or directly). */
  setup?: (f: GuardFixture) => Promise<void>;
  /** One check per route, keyed "METHOD /url/:param" exactly as registered. */
  checks: Record<string, GuardCheck>;
}

export function expectHidden(response: LightMyRequestResponse): void {
  expect([403, 404], `${response.statusCode} ${response.body}`).toContain(response.statusCode);
}

export function expectNotListed(response: LightMyRequestResponse, ids: (string | undefined)[]): void {
  expect(response.statusCode, response.body).toBe(200);
  for (const id of ids) if (id) expect(response.body).not.toContain(id);
}
