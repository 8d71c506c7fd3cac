/**
 * Reading the action plan: the tree with filters, one measure, the caller's agency's measures,
 * dashboard figures and the rows of the exports; and naming an agency's responsible person.
 * Everyone signed in reads the plan; figures count accepted reports of every agency.
 */
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { everything } from '../../lib/scope.ts';
import * as audit from '../audit/audit.service.ts';
import { auditActor } from '../identity/actor.ts';
import { assertRoleIn, type Actor } from '../identity/identity.policy.ts';
import * as organisations from '../identity/organisations.service.ts';
import type { Bilingual } from './plan.data.ts';
import { ownOrganisations, reportScope, reporterRoles } from './plan.policy.ts';
import { dayOf } from './plan.schedule.ts';
import * as store from './plan.store.ts';
import * as reports from './reports.store.ts';
import { buildMeasures, buildTree, matches, meanCompletion, type MeasureFilter, type MeasureView, type PlanNode, type PlanRows } from './plan.view.ts';

/** An executing agency as the plan's views name it. */
export interface Agency {
  organisationId: string;
  acronym: string;
  name: Bilingual;
}

export interface PlanTree {
  version: number | null;
  asOf: string;
  agencies: Agency[];
  items: PlanNode[];
}

export interface Figures {
  measures: number;
  completion: number;
  achieved: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
}

export interface Dashboard {
  asOf: string;
  totals: Figures & { pendingReports: number };
  priorities: (Figures & { id: string; title: Bilingual })[];
  agencies: (Figures & Agency & { leads: number })[];
}

async function rows(db: Executor, includeRetired = false): Promise<PlanRows> {
  // Aggregates only: figures count every agency's accepted reports, never show their text.
  const [items, executors, indicators, facts] = await Promise.all([
    store.listItems(db, includeRetired), store.listExecutors(db), store.listIndicators(db), reports.acceptedFacts(db, everything),
  ]);
  return { items, executors, indicators, facts };
}

/** The measures passing a filter, as of a day, with the rows they came from. */
export async function measures(db: Executor, filter: MeasureFilter = {}, asOf = dayOf(new Date())): Promise<{ rows: PlanRows; measures: MeasureView[] }> {
  const all = await rows(db);
  return { rows: all, measures: buildMeasures(all, asOf).filter((m) => matches(m, filter)) };
}

/** The agencies that execute any measure, with their names. */
export async function agencies(db: Executor, executors: PlanRows['executors']): Promise<Agency[]> {
  const acronyms = [...new Set(executors.map((e) => e.acronym))].sort((a, b) => a.localeCompare(b, 'az'));
  const found = await Promise.all(acronyms.map((a) => organisations.findByAcronym(db, a)));
  return found.filter((o) => o !== undefined).map((o) => ({ organisationId: o.id, acronym: o.acronym, name: o.name }));
}

/** Priorities → goals → measures with indicators and status, filtered. */
export async function tree(db: Executor, _actor: Actor, filter: MeasureFilter): Promise<PlanTree> {
  const asOf = dayOf(new Date());
  const { rows: all, measures: shown } = await measures(db, filter, asOf);
  return { version: await store.latestVersion(db), asOf, agencies: await agencies(db, all.executors), items: buildTree(all.items, shown) };
}

export async function measure(db: Executor, _actor: Actor, id: string): Promise<MeasureView> {
  const found = (await measures(db)).measures.find((m) => m.id === id);
  if (!found) throw fail.notFound('Measure');
  return found;
}

/** The measures the caller's own agencies execute (lead or co-executor). */
export async function mine(db: Executor, actor: Actor, filter: MeasureFilter): Promise<{ organisations: string[]; items: MeasureView[] }> {
  const own = ownOrganisations(actor);
  const { measures: all } = await measures(db, filter);
  return { organisations: own, items: all.filter((m) => m.executors.some((e) => own.includes(e.organisationId))) };
}

function figures(list: readonly MeasureView[]): Figures {
  return {
    measures: list.length,
    completion: meanCompletion(list),
    achieved: list.filter((m) => m.status === 'achieved').length,
    inProgress: list.filter((m) => m.status === 'in_progress').length,
    notStarted: list.filter((m) => m.status === 'not_started').length,
    overdue: list.filter((m) => m.overdue).length,
  };
}

/** Completion per priority and per agency, and overdue counts, for the measures passing a filter. */
export async function dashboard(db: Executor, actor: Actor, filter: MeasureFilter = {}, asOf = dayOf(new Date())): Promise<Dashboard> {
  const { rows: all, measures: list } = await measures(db, filter, asOf);
  const priorities = all.items.filter((i) => i.kind === 'priority').map((p) => ({
    id: p.id, title: { az: p.title_az, en: p.title_en }, ...figures(list.filter((m) => m.priorityId === p.id)),
  }));
  const agencyList = (await agencies(db, all.executors)).map((a) => {
    const theirs = list.filter((m) => m.executors.some((e) => e.organisationId === a.organisationId));
    return { ...a, leads: theirs.filter((m) => m.executors.some((e) => e.organisationId === a.organisationId && e.lead)).length, ...figures(theirs) };
  }).filter((a) => a.measures > 0);
  const pendingReports = await reports.countByStatus(db, reportScope(actor), 'submitted');
  return { asOf, totals: { ...figures(list), pendingReports }, priorities, agencies: agencyList };
}

/** Names the person an executing agency makes responsible for a measure (its admins and operators). */
export async function setResponsible(tx: Executor, actor: Actor, itemId: string, organisationId: string, input: { name: string | null; contact: string | null }): Promise<MeasureView> {
  const before = await measure(tx, actor, itemId);
  const executor = before.executors.find((e) => e.organisationId === organisationId);
  if (!executor) throw fail.forbidden('This organisation does not execute this measure');
  assertRoleIn(actor, reporterRoles, organisationId);
  await store.setResponsible(tx, itemId, organisationId, input.name, input.name ? input.contact : null);
  const after = await measure(tx, actor, itemId);
  await audit.record(tx, {
    actor: auditActor(actor), action: 'plan.responsible', organisationId, targetType: 'plan_measure', targetId: itemId,
    before: executor.responsible, after: after.executors.find((e) => e.organisationId === organisationId)?.responsible ?? null,
  });
  return after;
}

/** One row of the whole plan for `qalxan plan export`: headings carry only id, parent, kind and title. */
export interface ExportRow {
  id: string;
  parent: string | null;
  kind: 'priority' | 'goal' | 'measure';
  title: Bilingual;
  measure: MeasureView | null;
}

/** The whole plan in the data file's order, each measure with its current status. */
export async function exportRows(db: Executor): Promise<{ version: number | null; asOf: string; rows: ExportRow[] }> {
  const asOf = dayOf(new Date());
  const { rows: all, measures: list } = await measures(db, {}, asOf);
  const byId = new Map(list.map((m) => [m.id, m]));
  return {
    version: await store.latestVersion(db), asOf,
    rows: all.items.map((i) => ({ id: i.id, parent: i.parent_id, kind: i.kind, title: { az: i.title_az, en: i.title_en }, measure: byId.get(i.id) ?? null })),
  };
}
