/** Test set-up for advisories: an author CERT with an analyst, subscriber organisations, and an advisory builder. */
import type { Client } from '../../testing/app.ts';
import { makeOrganisation } from '../../testing/app.ts';
import { member, sharingWorld, type SharingWorld } from './sharing.fixtures.ts';
import type { Tlp } from './tlp.ts';

/** A complete advisory body for `organisationId`, with overrides. */
export function advisory(organisationId: string, tlp: Tlp, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organisationId, tlp, severity: 'high',
    title: { az: `Xəbərdarlıq ${tlp}`, en: `Advisory ${tlp}` }, summary: { az: 'Qısa', en: 'Short' }, body: { az: 'Mətn', en: 'Text' },
    actions: { az: 'Yeniləyin', en: 'Update now' }, sectors: ['energy'], products: ['ExampleVPN 9.1'], cves: ['CVE-2026-12345'], ...extra,
  };
}

/** Writes and publishes an advisory as `analyst`; returns its id. */
export async function publishAdvisory(analyst: Client, body: Record<string, unknown>): Promise<string> {
  const created = await analyst.request('POST', '/api/advisories', body);
  if (created.statusCode !== 201) throw new Error(`advisory: ${created.statusCode} ${created.body}`);
  const published = await analyst.request('POST', `/api/advisories/${created.json().id}/publish`);
  if (published.statusCode !== 200) throw new Error(`publish: ${published.statusCode} ${published.body}`);
  return created.json().id;
}

export interface AdvisoryWorld extends SharingWorld {
  /** An operator organisation subscribed to the energy sector, with an operator and a CERT analyst. */
  subscriber: string;
  subscriberUser: Client;
  subscriberManager: Client;
  /** An organisation with no matching profile. */
  bystander: string;
  bystanderUser: Client;
}

export async function advisoryWorld(): Promise<AdvisoryWorld> {
  const w = await sharingWorld();
  const subscriber = await makeOrganisation(w.ctx);
  const bystander = await makeOrganisation(w.ctx);
  const subscriberManager = await member(w.ctx, subscriber, 'cert_analyst');
  const profile = await subscriberManager.request('PUT', `/api/advisories/subscriptions/${subscriber}`, { sectors: ['energy'], keywords: [] });
  if (profile.statusCode !== 200) throw new Error(`profile: ${profile.statusCode} ${profile.body}`);
  return { ...w, subscriber, subscriberManager, subscriberUser: await member(w.ctx, subscriber), bystander, bystanderUser: await member(w.ctx, bystander) };
}
