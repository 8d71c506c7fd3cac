/**
 * CERT advisories and the early warnings they cause. CERT analysts and coordinators of an
 * organisation write bilingual advisories as drafts and publish them; publishing matches every
 * organisation's subscription profile (sectors, product keywords, optionally its CII objects'
 * sectors) and creates one warning per match at once — in-app, and as a signed webhook through
 * the incidents notify service (its retries and delivery status). Reads follow the STIX TLP
 * rule (tlp.ts `entitled`): CLEAR and GREEN to every signed-in member, AMBER to the warned
 * organisations, AMBER+STRICT and RED to the author only, drafts to its authors only.
 */
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { newId } from '../../lib/crypto.ts';
import * as audit from '../audit/audit.service.ts';
import * as cii from '../cii/cii.service.ts';
import { auditActor } from '../identity/actor.ts';
import { assertRoleIn, hasRoleIn, scopeForRoles, visibleScope, type Actor } from '../identity/identity.policy.ts';
import type { RoleName } from '../identity/identity.tables.ts';
import * as organisations from '../identity/organisations.service.ts';
import * as users from '../identity/users.service.ts';
import * as notify from '../incidents/notify.service.ts';
import type { AdvisoryBody, AdvisoryPatch, AdvisorySubscriptionBody } from './advisories.schema.ts';
import * as store from './advisories.store.ts';
import { managerRoles, ownOrganisations } from './sharing.policy.ts';
import { amber, entitled, tlpLabels, tlpRank } from './tlp.ts';

/** Who writes and publishes advisories for an organisation. */
export const authorRoles: readonly RoleName[] = ['cert_analyst', 'coordinator'];
const green = tlpRank('GREEN');

function present(a: store.AdvisoryRow) {
  return {
    id: a.id, organisationId: a.organisation_id, status: a.status, tlp: tlpLabels[a.tlp], severity: a.severity,
    title: { az: a.title_az, en: a.title_en }, summary: { az: a.summary_az, en: a.summary_en }, body: { az: a.body_az, en: a.body_en },
    actions: { az: a.actions_az, en: a.actions_en }, sectors: a.sectors, products: a.products, cves: a.cves,
    createdAt: new Date(a.created_at).toISOString(), updatedAt: new Date(a.updated_at).toISOString(), publishedAt: a.published_at ? new Date(a.published_at).toISOString() : null,
  };
}
export type Advisory = ReturnType<typeof present>;

/** Whether the actor may read this advisory: drafts for its authors, published ones by the TLP rule. */
function readable(actor: Actor, a: store.AdvisoryRow, warned: ReadonlySet<string>): boolean {
  if (a.status === 'draft') return hasRoleIn(actor, authorRoles, a.organisation_id);
  return entitled({ ownOrganisations: ownOrganisations(actor), sharedUpTo: warned.has(a.id) ? amber : green }, a);
}

async function warnedFor(db: Executor, actor: Actor, ids: readonly string[]): Promise<Set<string>> {
  return new Set((await store.warnedAmong(db, ids, ownOrganisations(actor))).map((w) => w.advisory_id));
}

export async function list(db: Executor, actor: Actor): Promise<Advisory[]> {
  const rows = await store.candidates(db, scopeForRoles(actor, authorRoles), 500);
  const warned = await warnedFor(db, actor, rows.map((r) => r.id));
  return rows.filter((r) => readable(actor, r, warned)).map(present);
}

async function open(db: Executor, actor: Actor, id: string): Promise<store.AdvisoryRow> {
  const row = await store.get(db, id);
  if (!row || !readable(actor, row, await warnedFor(db, actor, [id]))) throw fail.notFound('Advisory');
  return row;
}

export async function get(db: Executor, actor: Actor, id: string): Promise<Advisory> {
  return present(await open(db, actor, id));
}

function columns(input: AdvisoryPatch) {
  return {
    ...(input.tlp !== undefined && { tlp: tlpRank(input.tlp) }), ...(input.severity ? { severity: input.severity } : {}),
    ...(input.title && { title_az: input.title.az, title_en: input.title.en }), ...(input.summary && { summary_az: input.summary.az, summary_en: input.summary.en }),
    ...(input.body && { body_az: input.body.az, body_en: input.body.en }), ...(input.actions && { actions_az: input.actions.az, actions_en: input.actions.en }),
    ...(input.sectors && { sectors: JSON.stringify(input.sectors) }), ...(input.products && { products: JSON.stringify(input.products) }),
    ...(input.cves && { cves: JSON.stringify([...new Set(input.cves)]) }),
  };
}

export async function create(tx: Executor, actor: Actor, input: AdvisoryBody): Promise<Advisory> {
  assertRoleIn(actor, authorRoles, input.organisationId);
  const id = newId();
  await store.insert(tx, {
    id, organisation_id: input.organisationId, status: 'draft', created_by: actor.userId, tlp: tlpRank(input.tlp), severity: input.severity,
    title_az: input.title.az, title_en: input.title.en, summary_az: input.summary.az, summary_en: input.summary.en, body_az: input.body.az, body_en: input.body.en,
    actions_az: input.actions.az, actions_en: input.actions.en,
    sectors: JSON.stringify(input.sectors), products: JSON.stringify(input.products), cves: JSON.stringify([...new Set(input.cves)]),
  });
  await audit.record(tx, { actor: auditActor(actor), action: 'sharing.advisory.create', organisationId: input.organisationId, targetType: 'sharing_advisory', targetId: id, after: { title: input.title.en, tlp: input.tlp } });
  return get(tx, actor, id);
}

async function openForAuthor(tx: Executor, actor: Actor, id: string): Promise<store.AdvisoryRow> {
  const row = await open(tx, actor, id);
  assertRoleIn(actor, authorRoles, row.organisation_id);
  if (row.status !== 'draft') throw fail.conflict('A published advisory is not changed; write a new one');
  return row;
}

/** Edits a draft (published advisories are final: what reached organisations stays as they saw it). */
export async function change(tx: Executor, actor: Actor, id: string, patch: AdvisoryPatch): Promise<Advisory> {
  const before = await openForAuthor(tx, actor, id);
  await store.update(tx, id, { ...columns(patch), updated_at: new Date() });
  await audit.record(tx, { actor: auditActor(actor), action: 'sharing.advisory.update', organisationId: before.organisation_id, targetType: 'sharing_advisory', targetId: id, before: present(before), after: patch });
  return get(tx, actor, id);
}

/** Why a profile matches an advisory ("sector:x", "product:y", "cii:z"); empty when it does not. */
export function matchReasons(advisory: { sectors: string[]; products: string[] }, profile: { sectors: string[]; keywords: string[] }, ciiSectors: readonly string[]): string[] {
  const fold = (s: string) => s.trim().toLowerCase();
  const sectors = new Set(advisory.sectors.map(fold));
  const products = advisory.products.map(fold);
  const reasons = [
    ...profile.sectors.filter((s) => sectors.has(fold(s))).map((s) => `sector:${s}`),
    ...profile.keywords.filter((k) => fold(k) && products.some((p) => p.includes(fold(k)) || fold(k).includes(p))).map((k) => `product:${k}`),
    ...ciiSectors.filter((s) => sectors.has(fold(s))).map((s) => `cii:${s}`),
  ];
  return [...new Set(reasons)];
}

/**
 * Publishes a draft and warns each matching organisation in the same transaction: the warnings
 * and their webhook deliveries are committed with the publication or not at all. Only advisories
 * up to AMBER warn others (AMBER+STRICT and RED stay within the author).
 */
export async function publish(tx: Executor, actor: Actor, id: string): Promise<Advisory & { warned: number }> {
  const row = await openForAuthor(tx, actor, id);
  await store.update(tx, id, { status: 'published', published_at: new Date(), updated_at: new Date() });
  const profiles = row.tlp <= amber ? (await store.allSubscriptions(tx)).filter((p) => p.organisation_id !== row.organisation_id) : [];
  const ciiSectors = await cii.sectorsOf(tx, profiles.filter((p) => p.use_cii_sectors).map((p) => p.organisation_id));
  const warnings = profiles.map((p) => ({ id: newId(), organisation_id: p.organisation_id, reasons: matchReasons(row, p, ciiSectors.get(p.organisation_id) ?? []) }))
    .filter((w) => w.reasons.length > 0);
  const deliveries = new Map<string, number[]>();
  for (const w of warnings) {
    const payload = { advisoryId: id, warningId: w.id, organisationId: w.organisation_id, tlp: tlpLabels[row.tlp], severity: row.severity, title: { az: row.title_az, en: row.title_en }, reasons: w.reasons, cves: row.cves };
    deliveries.set(w.id, (await notify.queueWebhooks(tx, [w.organisation_id], 'advisory.warning', payload)).map((d) => d.id));
  }
  await store.insertWarnings(tx, warnings.map((w) => ({ id: w.id, advisory_id: id, organisation_id: w.organisation_id, reasons: JSON.stringify(w.reasons), delivery_ids: JSON.stringify(deliveries.get(w.id) ?? []) })));
  await audit.record(tx, { actor: auditActor(actor), action: 'sharing.advisory.publish', organisationId: row.organisation_id, targetType: 'sharing_advisory', targetId: id, details: { warned: warnings.map((w) => w.organisation_id) } });
  return { ...(await get(tx, actor, id)), warned: warnings.length };
}

/** Per exposed organisation: why it matched, who opened the warning when, and webhook delivery status. For the author's analysts. */
export async function reach(db: Executor, actor: Actor, id: string) {
  const row = await open(db, actor, id);
  if (!hasRoleIn(actor, [...authorRoles, ...managerRoles], row.organisation_id)) throw fail.notFound('Advisory');
  const rows = await store.reach(db, id);
  const status = new Map((await notify.deliveryStatus(db, rows.flatMap((r) => r.delivery_ids))).map((d) => [d.id, d]));
  const orgs = await organisations.labelsOf(db, rows.map((r) => r.organisation_id));
  const names = await users.usernamesOf(db, rows.flatMap((r) => r.reads.map((x) => x.user_id)));
  const items = rows.map((r) => ({
    warningId: r.id, organisationId: r.organisation_id, acronym: orgs.get(r.organisation_id)?.acronym ?? '', name: orgs.get(r.organisation_id)?.name ?? { az: '', en: '' },
    reasons: r.reasons, warnedAt: new Date(r.created_at).toISOString(),
    opened: r.reads.length > 0, reads: r.reads.map((x) => ({ username: names.get(x.user_id) ?? '', openedAt: new Date(x.opened_at).toISOString() })),
    deliveries: r.delivery_ids.map((d) => status.get(Number(d))).filter((d) => d !== undefined),
  }));
  items.sort((a, b) => a.acronym.localeCompare(b.acronym));
  return { advisoryId: id, total: items.length, opened: items.filter((i) => i.opened).length, items };
}

/** Warnings of the caller's organisations, newest first, with whether the caller opened each. */
export async function warnings(db: Executor, actor: Actor) {
  return (await store.warnings(db, visibleScope(actor), actor.userId, 200)).map((w) => ({
    id: w.id, organisationId: w.organisation_id, advisoryId: w.advisory_id, reasons: w.reasons, severity: w.severity, tlp: tlpLabels[w.tlp],
    title: { az: w.title_az, en: w.title_en }, createdAt: new Date(w.created_at).toISOString(), openedAt: w.opened_at ? new Date(w.opened_at).toISOString() : null,
  }));
}

/** A read receipt: the caller opened this warning (the first opening is kept). Returns the advisory. */
export async function openWarning(tx: Executor, actor: Actor, id: string): Promise<Advisory> {
  const warning = await store.warning(tx, visibleScope(actor), id);
  if (!warning) throw fail.notFound('Warning');
  await store.markRead(tx, id, actor.userId);
  return get(tx, actor, warning.advisory_id);
}

function presentSubscription(s: store.AdvisorySubscriptionRow) {
  return { organisationId: s.organisation_id, sectors: s.sectors, keywords: s.keywords, useCiiSectors: s.use_cii_sectors, updatedAt: new Date(s.updated_at).toISOString() };
}

export async function subscriptions(db: Executor, actor: Actor) {
  return (await store.subscriptions(db, scopeForRoles(actor, managerRoles))).map(presentSubscription);
}

/** Sets an organisation's profile (its admins and CERT analysts). */
export async function subscribe(tx: Executor, actor: Actor, organisationId: string, input: AdvisorySubscriptionBody) {
  assertRoleIn(actor, managerRoles, organisationId);
  await store.upsertSubscription(tx, { organisation_id: organisationId, sectors: JSON.stringify(input.sectors), keywords: JSON.stringify(input.keywords), use_cii_sectors: input.useCiiSectors ?? false });
  await audit.record(tx, { actor: auditActor(actor), action: 'sharing.advisory.subscribe', organisationId, targetType: 'sharing_advisory_subscription', targetId: organisationId, after: input });
  return presentSubscription((await store.subscriptions(tx, { all: false, organisationIds: [organisationId] }))[0]);
}

/** TLP:CLEAR published advisories for the public feed (never anything above CLEAR). */
export async function publicFeed(db: Executor): Promise<Advisory[]> {
  return (await store.published(db, tlpRank('CLEAR'), 50)).map(present);
}
