/**
 * Deadlines and overdue work, as pure functions of a measure's period and a date.
 *
 * - A year range ("2023 – 2024", or one year) is due at the end of its last year (31 December).
 * - Ongoing work ("mütəmadi", "müntəzəm") reports every half-year (H1 = January–June,
 *   H2 = July–December): it is due at the end of the current half-year, and it is overdue when
 *   the last completed half-year has no accepted report dated inside it.
 * - The plan runs 2023–2027, so half-years are counted from 2023-H1 to 2027-H2.
 * Dates are calendar days in UTC ("YYYY-MM-DD"); a deadline day still counts as on time.
 */
import type { IndicatorStatus } from './plan.tables.ts';

export const PLAN_FIRST_YEAR = 2023;
export const PLAN_LAST_YEAR = 2027;

export type Period = { from: number; to: number } | { ongoing: true };

/** A stretch of calendar days, both ends included; `label` names it ("2024", "2024-H1", "2023–2027"). */
export interface DateRange {
  label: string;
  start: string;
  end: string;
}

/** The UTC calendar day of an instant. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The half-year that contains a day. */
export function halfYearOf(day: string): DateRange {
  const year = Number(day.slice(0, 4));
  const first = Number(day.slice(5, 7)) <= 6;
  return first
    ? { label: `${year}-H1`, start: `${year}-01-01`, end: `${year}-06-30` }
    : { label: `${year}-H2`, start: `${year}-07-01`, end: `${year}-12-31` };
}

/** The last half-year wholly before `asOf` within the plan's years, or null before the first one ends. */
export function lastCompletedHalfYear(asOf: string): DateRange | null {
  const current = halfYearOf(asOf);
  const year = Number(current.start.slice(0, 4));
  const previous = current.label.endsWith('H1') ? halfYearOf(`${year - 1}-07-01`) : halfYearOf(`${year}-01-01`);
  if (Number(previous.start.slice(0, 4)) < PLAN_FIRST_YEAR) return null;
  if (Number(previous.start.slice(0, 4)) > PLAN_LAST_YEAR) return halfYearOf(`${PLAN_LAST_YEAR}-12-31`);
  return previous;
}

/** The day a measure is due: the end of its last year, or (ongoing) the end of the current half-year. */
export function deadlineOf(period: Period, asOf: string): string {
  if ('from' in period) return `${period.to}-12-31`;
  const capped = asOf > `${PLAN_LAST_YEAR}-12-31` ? `${PLAN_LAST_YEAR}-12-31` : asOf < `${PLAN_FIRST_YEAR}-01-01` ? `${PLAN_FIRST_YEAR}-01-01` : asOf;
  return halfYearOf(capped).end;
}

export interface OverdueInput {
  period: Period;
  finalStatus: IndicatorStatus;
  /** Report dates ("YYYY-MM-DD") of the measure's accepted reports. */
  acceptedReportDates: readonly string[];
}

/**
 * Overdue per the issue: the period is over and the final indicator is not achieved; or, for
 * ongoing work, no accepted report is dated in the last completed half-year.
 */
export function isOverdue(input: OverdueInput, asOf: string): boolean {
  if ('from' in input.period) return asOf > deadlineOf(input.period, asOf) && input.finalStatus !== 'achieved';
  const last = lastCompletedHalfYear(asOf);
  if (!last) return false;
  return !input.acceptedReportDates.some((d) => d >= last.start && d <= last.end);
}

/** Whether a measure is scheduled in any part of a range (ongoing work always is). */
export function activeIn(period: Period, range: DateRange): boolean {
  if (!('from' in period)) return true;
  return `${period.from}-01-01` <= range.end && `${period.to}-12-31` >= range.start;
}

/** The whole plan, a year ("2024") or a half-year ("2024-H2"); throws on anything else. */
export function parseRange(text: string | undefined): DateRange {
  if (!text) return { label: `${PLAN_FIRST_YEAR}–${PLAN_LAST_YEAR}`, start: `${PLAN_FIRST_YEAR}-01-01`, end: `${PLAN_LAST_YEAR}-12-31` };
  const match = /^(\d{4})(?:-H([12]))?$/u.exec(text);
  const year = Number(match?.[1]);
  if (!match || year < PLAN_FIRST_YEAR || year > PLAN_LAST_YEAR) throw new RangeError(`period must be a year ${PLAN_FIRST_YEAR}–${PLAN_LAST_YEAR} or YYYY-H1/YYYY-H2, got "${text}"`);
  if (!match[2]) return { label: text, start: `${year}-01-01`, end: `${year}-12-31` };
  return halfYearOf(match[2] === '1' ? `${year}-01-01` : `${year}-07-01`);
}
