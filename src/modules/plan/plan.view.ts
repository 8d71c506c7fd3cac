/**
 * How the plan is shown: measures with their executors, indicator statuses, deadline, overdue
 * flag and completion, computed from stored rows. Pure functions, so the tree, the dashboard,
 * the exports and the CLI all count the same way.
 *
 * Completion of a measure is the percentage of its latest accepted report (100 once its final
 * indicator is achieved, 0 before any report is accepted); a priority's or an agency's completion
 * is the mean over its measures.
 */
import type { Bilingual } from './plan.data.ts';
import type { ExecutorRow, IndicatorRow, ItemRow } from './plan.store.ts';
import { advance, notStarted, type Statuses } from './indicators.ts';
import { activeIn, dayOf, deadlineOf, isOverdue, type DateRange, type Period } from './plan.schedule.ts';
import { stages, type IndicatorStatus, type Stage } from './plan.tables.ts';
import type { AcceptedFact } from './reports.store.ts';

export interface ExecutorView {
  organisationId: string;
  acronym: string;
  lead: boolean;
  recommended: boolean;
  responsible: { name: string; contact: string | null } | null;
}

export interface MeasureView {
  id: string;
  kind: 'measure';
  parentId: string | null;
  priorityId: string;
  title: Bilingual;
  lead: string[];
  coExecutors: { acronym: string; recommended: boolean }[];
  executors: ExecutorView[];
  otherExecutors: Bilingual[];
  period: Period;
  periodText: string;
  deadline: string;
  indicators: Record<Stage, { text: Bilingual; status: IndicatorStatus }>;
  status: IndicatorStatus;
  completion: number;
  overdue: boolean;
  acceptedReports: number;
}

export interface HeadingView {
  id: string;
  kind: 'priority' | 'goal';
  parentId: string | null;
  title: Bilingual;
  children: PlanNode[];
}

export type PlanNode = HeadingView | MeasureView;

export interface PlanRows {
  items: ItemRow[];
  executors: ExecutorRow[];
  indicators: IndicatorRow[];
  facts: AcceptedFact[];
}

export interface MeasureFilter {
  organisationId?: string;
  year?: number;
  status?: IndicatorStatus;
  overdue?: boolean;
  range?: DateRange;
}

/** Rounded to one decimal, so figures read the same in JSON, PDF and XLSX. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The mean completion of some measures (0 for none). */
export function meanCompletion(measures: readonly MeasureView[]): number {
  return measures.length ? round1(measures.reduce((sum, m) => sum + m.completion, 0) / measures.length) : 0;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function overallStatus(statuses: Record<Stage, IndicatorStatus>): IndicatorStatus {
  if (statuses.final === 'achieved') return 'achieved';
  return stages.every((s) => statuses[s] === 'not_started') ? 'not_started' : 'in_progress';
}

/**
 * A measure's indicator statuses on a day: today's are stored; an earlier day's are replayed from
 * the reports accepted by then (stored statuses move only by that same rule, indicators.ts).
 */
function statusesOf(stored: readonly IndicatorRow[], facts: readonly AcceptedFact[], asOf: string, today: string): Statuses {
  if (asOf >= today) return { ...notStarted(), ...Object.fromEntries(stored.map((i) => [i.stage, i.status])) };
  return facts.reduce((statuses, f) => advance(statuses, f.stage, f.stage_status), notStarted());
}

/** Every measure of the plan as it stood at the end of a day: only reports accepted by then count. */
export function buildMeasures(rows: PlanRows, asOf: string, today = dayOf(new Date())): MeasureView[] {
  const executorsOf = groupBy(rows.executors, (e) => e.item_id);
  const indicatorsOf = groupBy(rows.indicators, (i) => i.item_id);
  const factsOf = groupBy(rows.facts.filter((f) => dayOf(new Date(f.decided_at)) <= asOf), (f) => f.item_id);
  return rows.items.filter((i) => i.kind === 'measure').map((item) => {
    const period: Period = item.ongoing ? { ongoing: true } : { from: item.period_from!, to: item.period_to! };
    const facts = factsOf.get(item.id) ?? [];
    const statuses = statusesOf(indicatorsOf.get(item.id) ?? [], facts, asOf, today);
    const executors = executorsOf.get(item.id) ?? [];
    const status = overallStatus(statuses);
    return {
      id: item.id, kind: 'measure', parentId: item.parent_id, priorityId: item.id.split('.').slice(0, 2).join('.'),
      title: { az: item.title_az, en: item.title_en },
      lead: executors.filter((e) => e.lead).map((e) => e.acronym),
      coExecutors: executors.filter((e) => !e.lead).map((e) => ({ acronym: e.acronym, recommended: e.recommended })),
      executors: executors.map((e) => ({
        organisationId: e.organisation_id, acronym: e.acronym, lead: e.lead, recommended: e.recommended,
        responsible: e.responsible_name ? { name: e.responsible_name, contact: e.responsible_contact } : null,
      })),
      otherExecutors: JSON.parse(item.other_executors) as Bilingual[],
      period, periodText: item.period_text ?? '', deadline: deadlineOf(period, asOf),
      indicators: {
        initial: { text: { az: item.initial_az ?? '', en: item.initial_en ?? '' }, status: statuses.initial },
        intermediate: { text: { az: item.intermediate_az ?? '', en: item.intermediate_en ?? '' }, status: statuses.intermediate },
        final: { text: { az: item.final_az ?? '', en: item.final_en ?? '' }, status: statuses.final },
      },
      status,
      completion: status === 'achieved' ? 100 : (facts.at(-1)?.percent ?? 0),
      overdue: isOverdue({ period, finalStatus: statuses.final, acceptedReportDates: facts.map((f) => f.report_date) }, asOf),
      acceptedReports: facts.length,
    };
  });
}

/** Whether a measure passes the filters; the agency filter matches lead and co-executors. */
export function matches(measure: MeasureView, filter: MeasureFilter): boolean {
  if (filter.organisationId && !measure.executors.some((e) => e.organisationId === filter.organisationId)) return false;
  if (filter.year !== undefined && !activeIn(measure.period, { label: '', start: `${filter.year}-01-01`, end: `${filter.year}-12-31` })) return false;
  if (filter.range && !activeIn(measure.period, filter.range)) return false;
  if (filter.status && measure.status !== filter.status) return false;
  if (filter.overdue !== undefined && measure.overdue !== filter.overdue) return false;
  return true;
}

/** Priorities → goals → measures, keeping only the given measures and the headings above them. */
export function buildTree(items: readonly ItemRow[], measures: readonly MeasureView[]): PlanNode[] {
  const shown = new Map(measures.map((m) => [m.id, m]));
  const nodes = new Map<string, PlanNode>();
  const roots: PlanNode[] = [];
  for (const item of items) {
    const node: PlanNode | undefined = item.kind === 'measure'
      ? shown.get(item.id)
      : { id: item.id, kind: item.kind, parentId: item.parent_id, title: { az: item.title_az, en: item.title_en }, children: [] };
    if (!node) continue;
    nodes.set(item.id, node);
    const parent = item.parent_id ? nodes.get(item.parent_id) : undefined;
    if (parent && parent.kind !== 'measure') parent.children.push(node);
    else if (!item.parent_id) roots.push(node);
  }
  const prune = (list: PlanNode[]): PlanNode[] => list
    .map((n) => (n.kind === 'measure' ? n : { ...n, children: prune(n.children) }))
    .filter((n) => n.kind === 'measure' || n.children.length > 0);
  return prune(roots);
}
