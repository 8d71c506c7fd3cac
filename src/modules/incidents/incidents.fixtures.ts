/** Test set-up shared by the incident tests: an app with the taxonomy loaded and an operator's organisation. */
import { createTestApp, makeOrganisation, makeUser, signIn, type Client, type TestContext } from '../../testing/app.ts';
import type { RoleName } from '../identity/identity.tables.ts';
import { syncIncidentTaxonomy } from './taxonomy.ts';

export interface IncidentWorld {
  ctx: TestContext;
  org: string;
  operator: Client;
}

/** A test app with the incident taxonomy loaded, an operator organisation and its signed-in operator. */
export async function incidentWorld(env: Record<string, string> = {}): Promise<IncidentWorld> {
  const ctx = await createTestApp(env);
  await syncIncidentTaxonomy(ctx.db);
  const org = await makeOrganisation(ctx);
  return { ctx, org, operator: await signIn(ctx, await makeUser(ctx, [{ organisationId: org, role: 'operator' }])) };
}

/** A signed-in user with one role in one organisation. */
export async function member(ctx: TestContext, organisationId: string, role: RoleName = 'operator'): Promise<Client> {
  return signIn(ctx, await makeUser(ctx, [{ organisationId, role }]));
}

/** Opens an incident through the API and returns its body (fails the test on a non-201). */
export async function openIncident(client: Client, body: Record<string, unknown>): Promise<{ id: string; version: number } & Record<string, unknown>> {
  const response = await client.request('POST', '/api/incidents', body);
  if (response.statusCode !== 201) throw new Error(`open incident: ${response.statusCode} ${response.body}`);
  return response.json();
}
