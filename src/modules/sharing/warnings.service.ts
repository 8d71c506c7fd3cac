/**
 * Early warnings, whatever caused them (a published advisory or an imported indicator): matching
 * organisations' subscription profiles, queuing each warning's signed deliveries (webhook or
 * e-mail, through the incidents notify service with its retries and status) in the caller's
 * transaction, and the in-app list a subscriber reads.
 */
import type { Executor } from '../../db/database.ts';
import { newId } from '../../lib/crypto.ts';
import * as cii from '../cii/cii.service.ts';
import { visibleScope, type Actor } from '../identity/identity.policy.ts';
import * as organisations from '../identity/organisations.service.ts';
import * as users from '../identity/users.service.ts';
import * as notify from '../incidents/notify.service.ts';
import * as store from './advisories.store.ts';
import { tlpLabels } from './tlp.ts';

/** What a warning is about, in the terms a profile is matched on. */
export interface Subject {
  sectors: string[];
  products: string[];
}

/** Whether a profile keyword names one of the subject's products. */
export type ProductRule = (product: string, keyword: string) => boolean;

const fold = (s: string) => s.trim().toLowerCase();

/** Advisories list product names: either may contain the other ("OpenSSL 3.0.1" ~ "openssl"). */
export const eitherContains: ProductRule = (product, keyword) => product.includes(keyword) || keyword.includes(product);

/** Indicators carry prose (names, descriptions): the keyword must appear there as whole words. */
export const wholeWords: ProductRule = (text, keyword) => {
  const at = text.indexOf(keyword);
  return at !== -1 && [text[at - 1], text[at + keyword.length]].every((c) => c === undefined || !/[\p{L}\p{N}_]/u.test(c));
};

/** Why a profile matches a subject ("sector:x", "product:y", "cii:z"); empty when it does not. */
export function matchReasons(subject: Subject, profile: { sectors: string[]; keywords: string[] }, ciiSectors: readonly string[], rule: ProductRule = eitherContains): string[] {
  const sectors = new Set(subject.sectors.map(fold));
  const products = subject.products.map(fold).filter(Boolean);
  const reasons = [
    ...profile.sectors.filter((s) => sectors.has(fold(s))).map((s) => `sector:${s}`),
    ...profile.keywords.filter((k) => fold(k) && products.some((p) => rule(p, fold(k)))).map((k) => `product:${k}`),
    ...ciiSectors.filter((s) => sectors.has(fold(s))).map((s) => `cii:${s}`),
  ];
  return [...new Set(reasons)];
}

export interface Match {
  organisationId: string;
  reasons: string[];
}

/** Loads every profile but the sender's once, and returns a function matching subjects against them. */
export async function matcher(tx: Executor, sender: string, rule: ProductRule = eitherContains): Promise<(subject: Subject) => Match[]> {
  const profiles = (await store.allSubscriptions(tx)).filter((p) => p.organisation_id !== sender);
  const ciiSectors = await cii.sectorsOf(tx, profiles.filter((p) => p.use_cii_sectors).map((p) => p.organisation_id));
  return (subject) => profiles.map((p) => ({ organisationId: p.organisation_id, reasons: matchReasons(subject, p, ciiSectors.get(p.organisation_id) ?? [], rule) }))
    .filter((m) => m.reasons.length > 0);
}

/** One warning to send: what it is about (advisory_id, or stix_id with its content) and the webhook body. */
export interface Outgoing {
  match: Match;
  about: { advisory_id: string } | { stix_id: string; tlp: number; indicator: string; sender_id: string };
  payload: Record<string, unknown>;
}

/** Stores the warnings and queues their deliveries, in the caller's transaction (an outbox). Returns the warning ids. */
export async function send(tx: Executor, event: string, outgoing: readonly Outgoing[]): Promise<string[]> {
  const rows = [];
  for (const o of outgoing) {
    const id = newId();
    const payload = { warningId: id, organisationId: o.match.organisationId, reasons: o.match.reasons, ...o.payload };
    const deliveries = await notify.queueWebhooks(tx, [o.match.organisationId], event, payload);
    rows.push({ id, organisation_id: o.match.organisationId, reasons: JSON.stringify(o.match.reasons), delivery_ids: JSON.stringify(deliveries.map((d) => d.id)), ...o.about });
  }
  await store.insertWarnings(tx, rows);
  return rows.map((r) => r.id);
}

/** Warnings of the caller's organisations (advisories and indicators), newest first, with whether the caller opened each. */
export async function received(db: Executor, actor: Actor) {
  return (await store.warnings(db, visibleScope(actor), actor.userId, 200)).map((w) => {
    const name = w.stix_id ? String(w.indicator?.name ?? w.indicator?.pattern ?? w.stix_id) : '';
    return {
      id: w.id, kind: w.stix_id ? 'indicator' as const : 'advisory' as const, organisationId: w.organisation_id, advisoryId: w.advisory_id, stixId: w.stix_id,
      reasons: w.reasons, severity: w.severity, tlp: tlpLabels[w.tlp ?? w.advisory_tlp ?? 0],
      title: w.stix_id ? { az: name, en: name } : { az: w.title_az ?? '', en: w.title_en ?? '' },
      createdAt: new Date(w.created_at).toISOString(), openedAt: w.opened_at ? new Date(w.opened_at).toISOString() : null,
    };
  });
}

/** An indicator warning as its reader sees it: the indicator as sent, and why it matched. */
export function indicatorOf(w: store.WarningRow) {
  const o = w.indicator ?? {};
  const text = (key: string) => (typeof o[key] === 'string' ? o[key] as string : null);
  return {
    kind: 'indicator' as const, warningId: w.id, stixId: w.stix_id!, tlp: tlpLabels[w.tlp ?? 0], reasons: w.reasons, name: text('name'), description: text('description'),
    pattern: text('pattern'), validFrom: text('valid_from'), validUntil: text('valid_until'), labels: Array.isArray(o.labels) ? o.labels : [], object: o,
  };
}

/** Per warned organisation: why it matched, who opened the warning when, and delivery status — so the sender sees who has not opened it. */
export async function reachOf(db: Executor, rows: Awaited<ReturnType<typeof store.reach>>) {
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
  return { total: items.length, opened: items.filter((i) => i.opened).length, items };
}
