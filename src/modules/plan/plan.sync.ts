/**
 * Loads the action plan's data file into the database at start. Items are upserted by their
 * strategy id, so a newer file rewrites titles, periods, executors and indicators in place while
 * reports, indicator statuses and responsible persons stay; items it drops are retired, not deleted.
 */
import type { Db } from '../../db/database.ts';
import * as audit from '../audit/audit.service.ts';
import * as organisations from '../identity/organisations.service.ts';
import { loadActionPlan, parentId, type ActionPlan, type MeasureItem } from './plan.data.ts';
import * as store from './plan.store.ts';
import { stages } from './plan.tables.ts';

export interface SyncOutcome {
  version: number;
  /** False when the database already held this version (or a newer one). */
  loaded: boolean;
  retired: string[];
}

/** Every agency acronym of the plan, resolved to a seeded organisation; throws naming a missing one. */
async function resolveAgencies(db: Db, plan: ActionPlan): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const measures = plan.items.filter((i): i is MeasureItem => i.kind === 'measure');
  for (const measure of measures) {
    for (const acronym of [...measure.lead, ...measure.coExecutors.map((c) => c.acronym)]) {
      if (ids.has(acronym)) continue;
      const org = await organisations.findByAcronym(db, acronym);
      if (!org) throw new Error(`action plan: item ${measure.id}: no organisation with acronym ${acronym}`);
      ids.set(acronym, org.id);
    }
  }
  return ids;
}

/** Brings the database to the data file's version; safe to call at every start. */
export async function syncActionPlan(db: Db, plan: ActionPlan = loadActionPlan()): Promise<SyncOutcome> {
  const agencies = await resolveAgencies(db, plan);
  return db.transaction().execute(async (tx) => {
    await store.lockVersions(tx);
    const current = await store.latestVersion(tx);
    if (current !== null && current >= plan.version) return { version: current, loaded: false, retired: [] };
    for (const [position, item] of plan.items.entries()) {
      const measure = item.kind === 'measure' ? item : null;
      const period = measure && 'from' in measure.period ? measure.period : null;
      await store.upsertItem(tx, {
        id: item.id, parent_id: parentId(item.id), kind: item.kind, position, title_az: item.title.az, title_en: item.title.en,
        period_from: period?.from ?? null, period_to: period?.to ?? null, ongoing: measure !== null && period === null,
        period_text: measure?.periodText ?? null,
        initial_az: measure?.indicators.initial.az ?? null, initial_en: measure?.indicators.initial.en ?? null,
        intermediate_az: measure?.indicators.intermediate.az ?? null, intermediate_en: measure?.indicators.intermediate.en ?? null,
        final_az: measure?.indicators.final.az ?? null, final_en: measure?.indicators.final.en ?? null,
        other_executors: JSON.stringify(measure?.otherExecutors ?? []), data_version: plan.version, retired: false,
      });
      if (!measure) continue;
      const executors = [
        ...measure.lead.map((acronym) => ({ acronym, lead: true, recommended: false })),
        ...measure.coExecutors.map((c) => ({ acronym: c.acronym, lead: false, recommended: c.recommended })),
      ];
      await store.removeExecutorsExcept(tx, item.id, executors.map((e) => agencies.get(e.acronym)!));
      for (const [index, e] of executors.entries()) {
        await store.upsertExecutor(tx, { item_id: item.id, organisation_id: agencies.get(e.acronym)!, acronym: e.acronym, lead: e.lead, recommended: e.recommended, position: index });
      }
      await store.ensureIndicators(tx, item.id, stages);
    }
    const retired = await store.retireItemsExcept(tx, plan.items.map((i) => i.id));
    await store.recordVersion(tx, plan.version, plan.items.length);
    await audit.record(tx, {
      actor: audit.systemActor, action: 'plan.sync', targetType: 'plan', targetId: String(plan.version),
      details: { version: plan.version, previous: current, items: plan.items.length, retired },
    });
    return { version: plan.version, loaded: true, retired };
  });
}
