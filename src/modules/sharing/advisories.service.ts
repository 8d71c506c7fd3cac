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
import { auditActor } from '../identity/actor.ts';
import { assertRoleIn, hasRoleIn, scopeForRoles, visibleScope, type Actor } from '../identity/identity.policy.ts';
import { assertSectors } from '../identity/sectors.service.ts';
import type { AdvisoryBody, AdvisoryPatch, AdvisorySubscriptionBody } from './advisories.schema.ts';
import * as store from './advisories.store.ts';
import { authorRoles, managerRoles, ownOrganisations } from './sharing.policy.ts';
import { amber, entitled, tlpLabels, tlpRank } from './tlp.ts';
import * as warnings from './warnings.service.ts';

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
  assertSectors('/sectors', input.sectors);
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
  assertSectors('/sectors', patch.sectors ?? [], before.sectors);
  await store.update(tx, id, { ...columns(patch), updated_at: new Date() });
  await audit.record(tx, { actor: auditActor(actor), action: 'sharing.advisory.update', organisationId: before.organisation_id, targetType: 'sharing_advisory', targetId: id, before: present(before), after: patch });
  return get(tx, actor, id);
}

/**
 * Publishes a draft and warns each matching organisation in the same transaction: the warnings
 * and their webhook deliveries are committed with the publication or not at all. Only advisories
 * up to AMBER warn others (AMBER+STRICT and RED stay within the author).
 */
export async function publish(tx: Executor, actor: Actor, id: string): Promise<Advisory & { warned: number }> {
  const row = await openForAuthor(tx, actor, id);
  await store.update(tx, id, { status: 'published', published_at: new Date(), updated_at: new Date() });
  const matches = row.tlp <= amber ? (await warnings.matcher(tx, row.organisation_id))({ sectors: row.sectors, products: row.products }) : [];
  const payload = { advisoryId: id, tlp: tlpLabels[row.tlp], severity: row.severity, title: { az: row.title_az, en: row.title_en }, cves: row.cves };
  await warnings.send(tx, 'advisory.warning', matches.map((match) => ({ match, about: { advisory_id: id }, payload })));
  await audit.record(tx, { actor: auditActor(actor), action: 'sharing.advisory.publish', organisationId: row.organisation_id, targetType: 'sharing_advisory', targetId: id, details: { warned: matches.map((m) => m.organisationId) } });
  return { ...(await get(tx, actor, id)), warned: matches.length };
}

/** Per exposed organisation: why it matched, who opened the warning when, and webhook delivery status. For the author's analysts. */
export async function reach(db: Executor, actor: Actor, id: string) {
  const row = await open(db, actor, id);
  if (!hasRoleIn(actor, [...authorRoles, ...managerRoles], row.organisation_id)) throw fail.notFound('Advisory');
  return { advisoryId: id, ...(await warnings.reachOf(db, await store.reach(db, { advisoryId: id }))) };
}

/**
 * A read receipt: the caller opened this warning (the first opening is kept). Returns what it is
 * about: the advisory, or the indicator as it was sent.
 */
export async function openWarning(tx: Executor, actor: Actor, id: string) {
  const warning = await store.warning(tx, visibleScope(actor), id);
  if (!warning) throw fail.notFound('Warning');
  await store.markRead(tx, id, actor.userId);
  return warning.advisory_id ? { kind: 'advisory' as const, ...(await get(tx, actor, warning.advisory_id)) } : warnings.indicatorOf(warning);
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
  const [stored] = await store.subscriptions(tx, { all: false, organisationIds: [organisationId] });
  assertSectors('/sectors', input.sectors, stored?.sectors ?? []);
  await store.upsertSubscription(tx, { organisation_id: organisationId, sectors: JSON.stringify(input.sectors), keywords: JSON.stringify(input.keywords), use_cii_sectors: input.useCiiSectors ?? false });
  await audit.record(tx, { actor: auditActor(actor), action: 'sharing.advisory.subscribe', organisationId, targetType: 'sharing_advisory_subscription', targetId: organisationId, after: input });
  return presentSubscription((await store.subscriptions(tx, { all: false, organisationIds: [organisationId] }))[0]);
}

/** TLP:CLEAR published advisories for the public feed (never anything above CLEAR). */
export async function publicFeed(db: Executor): Promise<Advisory[]> {
  return (await store.published(db, tlpRank('CLEAR'), 50)).map(present);
}
