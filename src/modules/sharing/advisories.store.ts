/**
 * The only code that touches the advisory, subscription, warning and read-receipt tables.
 * Advisory reads return candidate rows; the TLP rule itself (tlp.ts `entitled`) is applied by
 * the service, so it stays in one place for STIX objects and advisories alike.
 */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { scopeCondition, type OrgScope } from '../../lib/scope.ts';
import type { SharingAdvisorySubscriptionTable, SharingAdvisoryTable, SharingWarningTable } from './advisories.tables.ts';

export type AdvisoryRow = Selectable<SharingAdvisoryTable>;
export type AdvisorySubscriptionRow = Selectable<SharingAdvisorySubscriptionTable>;
export type WarningRow = Selectable<SharingWarningTable>;

export async function insert(tx: Executor, row: Insertable<SharingAdvisoryTable>): Promise<void> {
  await tx.insertInto('sharing_advisories').values(row).execute();
}

export async function update(tx: Executor, id: string, patch: Updateable<SharingAdvisoryTable>): Promise<void> {
  await tx.updateTable('sharing_advisories').set(patch).where('id', '=', id).execute();
}

export async function get(db: Executor, id: string): Promise<AdvisoryRow | undefined> {
  return db.selectFrom('sharing_advisories').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Published advisories up to a TLP rank (the public feed asks for CLEAR only), newest first. */
export async function published(db: Executor, maxTlp: number, limit: number): Promise<AdvisoryRow[]> {
  return db.selectFrom('sharing_advisories').selectAll().where('status', '=', 'published').where('tlp', '<=', maxTlp)
    .orderBy('published_at', 'desc').limit(limit).execute();
}

/** Candidates for a reader's list: published ones plus drafts of the organisations in `drafts`. */
export async function candidates(db: Executor, drafts: OrgScope, limit: number): Promise<AdvisoryRow[]> {
  return db.selectFrom('sharing_advisories').selectAll()
    .where((eb) => eb.or([eb('status', '=', 'published'), eb.and([eb('status', '=', 'draft'), scopeCondition(drafts, 'organisation_id')])]))
    .orderBy('updated_at', 'desc').limit(limit).execute();
}

export async function subscriptions(db: Executor, scope: OrgScope): Promise<AdvisorySubscriptionRow[]> {
  return db.selectFrom('sharing_advisory_subscriptions').selectAll().where(scopeCondition(scope, 'organisation_id')).execute();
}

export async function allSubscriptions(db: Executor): Promise<AdvisorySubscriptionRow[]> {
  return db.selectFrom('sharing_advisory_subscriptions').selectAll().execute();
}

export async function upsertSubscription(tx: Executor, row: Insertable<SharingAdvisorySubscriptionTable>): Promise<void> {
  await tx.insertInto('sharing_advisory_subscriptions').values(row)
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ sectors: row.sectors, keywords: row.keywords, use_cii_sectors: row.use_cii_sectors, updated_at: new Date() })).execute();
}

// Chunks keep each statement well under PostgreSQL's 65,535 parameters, whatever an import brings.
const chunk = 1000;

/** Stores warnings; one already given (same advisory or indicator, same organisation) is kept as it was. */
export async function insertWarnings(tx: Executor, rows: Insertable<SharingWarningTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await tx.insertInto('sharing_warnings').values(rows.slice(i, i + chunk)).onConflict((oc) => oc.doNothing()).execute();
  }
}

/** "stix_id|organisation_id" of the indicator warnings already given for these indicators. */
export async function indicatorWarningKeys(db: Executor, stixIds: readonly string[]): Promise<Set<string>> {
  const keys = new Set<string>();
  for (let i = 0; i < stixIds.length; i += chunk) {
    const rows = await db.selectFrom('sharing_warnings').select(['stix_id', 'organisation_id']).where('stix_id', 'in', stixIds.slice(i, i + chunk)).execute();
    for (const r of rows) keys.add(`${r.stix_id}|${r.organisation_id}`);
  }
  return keys;
}

/** Organisations among `organisations` that were warned of this advisory (they may read it up to AMBER). */
export async function warnedAmong(db: Executor, advisoryIds: readonly string[], organisations: readonly string[]): Promise<{ advisory_id: string; organisation_id: string }[]> {
  if (advisoryIds.length === 0 || organisations.length === 0) return [];
  return db.selectFrom('sharing_warnings').select(['advisory_id', 'organisation_id'])
    .where('advisory_id', 'in', [...advisoryIds]).where('organisation_id', 'in', [...organisations]).$narrowType<{ advisory_id: string }>().execute();
}

/** Warnings of the organisations in scope, newest first, with their advisory or indicator and whether `userId` opened each. */
export async function warnings(db: Executor, scope: OrgScope, userId: string, limit: number) {
  return db.selectFrom('sharing_warnings as w').leftJoin('sharing_advisories as a', 'a.id', 'w.advisory_id')
    .leftJoin('sharing_warning_reads as r', (join) => join.onRef('r.warning_id', '=', 'w.id').on('r.user_id', '=', userId))
    .select(['w.id', 'w.organisation_id', 'w.advisory_id', 'w.stix_id', 'w.indicator', 'w.tlp', 'w.reasons', 'w.created_at', 'a.title_az', 'a.title_en', 'a.severity', 'a.tlp as advisory_tlp', 'r.opened_at'])
    .where(scopeCondition(scope, 'w.organisation_id')).orderBy('w.created_at', 'desc').limit(limit).execute();
}

export async function warning(db: Executor, scope: OrgScope, id: string): Promise<WarningRow | undefined> {
  return db.selectFrom('sharing_warnings').selectAll().where('id', '=', id).where(scopeCondition(scope, 'organisation_id')).executeTakeFirst();
}

/** Records that a user opened a warning; the first opening is kept. */
export async function markRead(tx: Executor, warningId: string, userId: string): Promise<void> {
  await tx.insertInto('sharing_warning_reads').values({ warning_id: warningId, user_id: userId }).onConflict((oc) => oc.columns(['warning_id', 'user_id']).doNothing()).execute();
}

/** Every warning of an advisory, or of an indicator sent by one of `senders`, with its read receipts (user id, when). */
export async function reach(db: Executor, about: { advisoryId: string } | { stixId: string; senders: readonly string[] }) {
  if ('senders' in about && about.senders.length === 0) return [];
  const rows = await db.selectFrom('sharing_warnings as w')
    .select(['w.id', 'w.organisation_id', 'w.reasons', 'w.delivery_ids', 'w.created_at'])
    .where((eb) => ('advisoryId' in about ? eb('w.advisory_id', '=', about.advisoryId) : eb.and([eb('w.stix_id', '=', about.stixId), eb('w.sender_id', 'in', [...about.senders])])))
    .execute();
  const reads = rows.length === 0 ? [] : await db.selectFrom('sharing_warning_reads as r')
    .select(['r.warning_id', 'r.user_id', 'r.opened_at']).where('r.warning_id', 'in', rows.map((r) => r.id)).orderBy('r.opened_at').execute();
  return rows.map((r) => ({ ...r, reads: reads.filter((x) => x.warning_id === r.id) }));
}

/** Indicator warnings sent by `senders`, newest first, each with whether anyone of the warned organisation opened it. */
export async function sentIndicatorWarnings(db: Executor, senders: readonly string[], limit: number) {
  if (senders.length === 0) return [];
  return db.selectFrom('sharing_warnings as w')
    .select((eb) => ['w.stix_id', 'w.tlp', 'w.created_at', sql<string | null>`w.indicator->>'name'`.as('name'),
      eb.exists(eb.selectFrom('sharing_warning_reads as r').select('r.user_id').whereRef('r.warning_id', '=', 'w.id')).as('opened')])
    .where('w.sender_id', 'in', [...senders]).where('w.stix_id', 'is not', null).$narrowType<{ stix_id: string; tlp: number }>()
    .orderBy('w.created_at', 'desc').limit(limit).execute();
}
