/**
 * Early warnings from imported indicators, whichever way they arrived (bundle import, TAXII
 * POST, TAXII client, MISP): each new, live indicator is matched against the other
 * organisations' profiles and every match is warned at once, in the import's transaction, through
 * the same channels as advisory warnings. Only imports by those who may write advisories
 * (authorRoles of the importing organisation) warn others, so an operator's import cannot alert
 * a whole sector. The TLP rule is the advisories': up to AMBER reaches the matched organisations
 * (need to know); AMBER+STRICT and RED never leave the importer and are only counted as withheld.
 */
import type { Executor } from '../../db/database.ts';
import { hasRoleIn, type Actor } from '../identity/identity.policy.ts';
import * as store from './advisories.store.ts';
import type { ImportReport } from './import.service.ts';
import { authorRoles, managerRoles, ownOrganisations } from './sharing.policy.ts';
import { amber, tlpLabels } from './tlp.ts';
import * as warnings from './warnings.service.ts';

export interface WarningOutcome {
  /** Warnings sent (one per indicator and organisation). */
  warned: number;
  /** Matches not warned because the marking is above AMBER. */
  withheld: number;
}

type StixObject = Record<string, unknown>;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');

function live(o: StixObject, now: number): boolean {
  return o.type === 'indicator' && o.revoked !== true && !(typeof o.valid_until === 'string' && Date.parse(o.valid_until) <= now);
}

/** The reports of an import by the ids they refer to, so each indicator finds its own in one look-up. */
function reportsByReference(stored: ImportReport['stored']): Map<string, StixObject[]> {
  const byId = new Map<string, StixObject[]>();
  for (const report of stored.map((s) => s.object).filter((o) => o.type === 'report')) {
    for (const ref of strings(report.object_refs)) byId.set(ref, [...(byId.get(ref) ?? []), report]);
  }
  return byId;
}

/**
 * What an indicator is about: its own name, description and labels, and those of the reports in
 * the same import that refer to it (a MISP event's title and tags arrive on its report). Labels
 * such as "sector:energy" or "energy" name sectors.
 */
function subjectOf(indicator: StixObject, reports: readonly StixObject[]): warnings.Subject {
  const context = [indicator, ...reports];
  const labels = context.flatMap((o) => strings(o.labels));
  return { sectors: labels.map((l) => l.replace(/^sector[:=]/i, '')), products: [...context.flatMap((o) => [...strings(o.name), ...strings(o.description)]), ...labels] };
}

/** Warns matching organisations of the live indicators among `stored`; undefined when the actor may not warn. */
export async function warnOfIndicators(tx: Executor, actor: Actor, sender: string, stored: ImportReport['stored']): Promise<WarningOutcome | undefined> {
  if (!hasRoleIn(actor, authorRoles, sender)) return undefined;
  const now = Date.now();
  const indicators = [...new Map(stored.filter((s) => live(s.object, now)).map((s) => [s.object.id as string, s])).values()];
  if (indicators.length === 0) return { warned: 0, withheld: 0 };
  const match = await warnings.matcher(tx, sender, warnings.wholeWords);
  const reports = reportsByReference(stored);
  const matched = indicators.map((s) => ({ ...s, matches: match(subjectOf(s.object, reports.get(s.object.id as string) ?? [])) })).filter((m) => m.matches.length > 0);
  const given = await store.indicatorWarningKeys(tx, matched.map((m) => m.object.id as string));
  const outgoing: warnings.Outgoing[] = [];
  let withheld = 0;
  for (const { object, tlp, matches } of matched) {
    const stixId = object.id as string;
    const fresh = matches.filter((m) => !given.has(`${stixId}|${m.organisationId}`));
    if (tlp > amber) {
      withheld += fresh.length;
      continue;
    }
    const payload = { stixId, tlp: tlpLabels[tlp], name: object.name ?? null, pattern: object.pattern, validFrom: object.valid_from ?? null };
    outgoing.push(...fresh.map((match) => ({ match, about: { stix_id: stixId, tlp, indicator: JSON.stringify(object), sender_id: sender }, payload })));
  }
  await warnings.send(tx, 'indicator.warning', outgoing);
  return { warned: outgoing.length, withheld };
}

/** The caller's organisations whose sent warnings it may follow: as an author, administrator or CERT analyst there. */
function sendersFor(actor: Actor): string[] {
  return ownOrganisations(actor).filter((o) => hasRoleIn(actor, [...authorRoles, ...managerRoles], o));
}

/** Who was warned of an indicator by the caller's organisations, and who opened it. */
export async function reach(db: Executor, actor: Actor, stixId: string) {
  return { stixId, ...(await warnings.reachOf(db, await store.reach(db, { stixId, senders: sendersFor(actor) }))) };
}

/** Indicators the caller's organisations warned others of, newest first, with how many warned organisations opened each. */
export async function sent(db: Executor, actor: Actor) {
  const byIndicator = new Map<string, { stixId: string; name: string | null; tlp: string; warnedAt: string; total: number; opened: number }>();
  for (const w of await store.sentIndicatorWarnings(db, sendersFor(actor), 2000)) {
    const entry = byIndicator.get(w.stix_id) ?? { stixId: w.stix_id, name: w.name, tlp: tlpLabels[w.tlp], warnedAt: new Date(w.created_at).toISOString(), total: 0, opened: 0 };
    entry.total += 1;
    entry.opened += w.opened ? 1 : 0;
    byIndicator.set(w.stix_id, entry);
  }
  return [...byIndicator.values()];
}
