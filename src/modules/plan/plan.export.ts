/**
 * The content of a progress report (national, or one agency's), for a chosen period, in both
 * languages; plan.pdf.ts and plan.xlsx.ts lay the same content out. Everything stands as at the
 * end of the period, or today while it runs: only reports accepted by then count, for indicator
 * statuses as for completion and overdue measures.
 */
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import type { Actor } from '../identity/identity.policy.ts';
import type { Bilingual } from './plan.data.ts';
import { dayOf, parseRange, type DateRange } from './plan.schedule.ts';
import * as plan from './plan.service.ts';
import type { MeasureView } from './plan.view.ts';

export interface ProgressReport {
  title: Bilingual;
  scope: Bilingual;
  range: DateRange;
  asOf: string;
  generatedAt: string;
  dashboard: plan.Dashboard;
  measures: (MeasureView & { reportsInPeriod: number })[];
}

/** Labels shared by both layouts. */
export const labels = {
  title: { az: 'Fəaliyyət planının icrası üzrə hesabat', en: 'Action plan progress report' },
  national: { az: 'Milli hesabat', en: 'National report' },
  period: { az: 'Dövr', en: 'Period' },
  asOf: { az: 'Vəziyyət tarixi', en: 'As of' },
  measures: { az: 'Tədbirlər', en: 'Measures' },
  completion: { az: 'İcra, %', en: 'Completion, %' },
  achieved: { az: 'İcra olunub', en: 'Achieved' },
  inProgress: { az: 'İcradadır', en: 'In progress' },
  notStarted: { az: 'Başlanmayıb', en: 'Not started' },
  overdue: { az: 'Gecikir', en: 'Overdue' },
  priority: { az: 'Prioritet', en: 'Priority' },
  measure: { az: 'Tədbir', en: 'Measure' },
  lead: { az: 'Əsas icraçı', en: 'Lead' },
  coExecutors: { az: 'Digər icraçılar', en: 'Co-executors' },
  deadline: { az: 'Son tarix', en: 'Deadline' },
  initial: { az: 'İlkin nəticə', en: 'Initial result' },
  intermediate: { az: 'Aralıq nəticə', en: 'Intermediate result' },
  final: { az: 'Yekun nəticə', en: 'Final result' },
  reports: { az: 'Qəbul edilmiş hesabatlar (dövr)', en: 'Accepted reports (period)' },
  status: { az: 'Status', en: 'Status' },
  yes: { az: 'bəli', en: 'yes' },
} as const satisfies Record<string, Bilingual>;

export const statusLabels: Record<MeasureView['status'], Bilingual> = {
  not_started: labels.notStarted, in_progress: labels.inProgress, achieved: labels.achieved,
};

/** Co-executors as the seed writes them, "(tövsiyə olunur)" / "(recommended)" marking the asked-only ones. */
export function coExecutorText(m: MeasureView, lang: keyof Bilingual): string {
  const mark = lang === 'az' ? ' (tövsiyə olunur)' : ' (recommended)';
  return [...m.coExecutors.map((c) => c.acronym + (c.recommended ? mark : '')), ...m.otherExecutors.map((o) => o[lang])].join(', ');
}

/** Assembles the report for the national view or one executing agency. */
export async function progressReport(db: Executor, actor: Actor, input: { organisationId?: string; period?: string }, now = new Date()): Promise<ProgressReport> {
  let range: DateRange;
  try {
    range = parseRange(input.period);
  } catch (error) {
    throw fail.validation((error as Error).message);
  }
  const today = dayOf(now);
  const asOf = today < range.end ? today : range.end;
  const { rows, measures } = await plan.measures(db, { range, organisationId: input.organisationId }, asOf);
  let scope: Bilingual = labels.national;
  if (input.organisationId) {
    const agency = (await plan.agencies(db, rows.executors)).find((a) => a.organisationId === input.organisationId);
    if (!agency) throw fail.notFound('Executing agency');
    scope = { az: `${agency.acronym} — ${agency.name.az}`, en: `${agency.acronym} — ${agency.name.en}` };
  }
  const dashboard = await plan.dashboard(db, actor, { range, organisationId: input.organisationId }, asOf);
  if (input.organisationId) dashboard.agencies = dashboard.agencies.filter((a) => a.organisationId === input.organisationId);
  const inPeriod = rows.facts.filter((f) => f.report_date >= range.start && f.report_date <= range.end && (!input.organisationId || f.organisation_id === input.organisationId));
  return {
    title: labels.title, scope, range, asOf, generatedAt: now.toISOString(), dashboard,
    measures: measures.map((m) => ({ ...m, reportsInPeriod: inPeriod.filter((f) => f.item_id === m.id).length })),
  };
}
