import { describe, expect, it } from 'vitest';
import { activeIn, deadlineOf, halfYearOf, isOverdue, lastCompletedHalfYear, parseRange } from './plan.schedule.ts';

describe('plan schedule', () => {
  it('makes a year range due on 31 December of its last year', () => {
    expect(deadlineOf({ from: 2023, to: 2024 }, '2023-05-01')).toBe('2024-12-31');
    expect(deadlineOf({ from: 2025, to: 2025 }, '2026-11-25')).toBe('2025-12-31');
  });

  it('makes ongoing work due at the end of the current half-year, within 2023–2027', () => {
    expect(deadlineOf({ ongoing: true }, '2026-03-10')).toBe('2026-06-30');
    expect(deadlineOf({ ongoing: true }, '2026-11-25')).toBe('2026-12-31');
    expect(deadlineOf({ ongoing: true }, '2030-01-01')).toBe('2027-12-31');
  });

  it('counts half-years from January and July', () => {
    expect(halfYearOf('2024-06-30').label).toBe('2024-H1');
    expect(halfYearOf('2024-07-01')).toEqual({ label: '2024-H2', start: '2024-07-01', end: '2024-12-31' });
    expect(lastCompletedHalfYear('2026-11-25')?.label).toBe('2026-H1');
    expect(lastCompletedHalfYear('2026-03-01')?.label).toBe('2025-H2');
    expect(lastCompletedHalfYear('2023-05-01')).toBeNull();
  });

  it('flags a finished range overdue until its final indicator is achieved, the deadline day still on time', () => {
    const base = { period: { from: 2023, to: 2024 }, acceptedReportDates: [] };
    expect(isOverdue({ ...base, finalStatus: 'in_progress' }, '2024-12-31')).toBe(false);
    expect(isOverdue({ ...base, finalStatus: 'in_progress' }, '2025-01-01')).toBe(true);
    expect(isOverdue({ ...base, finalStatus: 'achieved' }, '2025-01-01')).toBe(false);
  });

  it('flags ongoing work overdue without an accepted report dated in the last completed half-year', () => {
    const ongoing = { period: { ongoing: true } as const, finalStatus: 'not_started' as const };
    expect(isOverdue({ ...ongoing, acceptedReportDates: [] }, '2026-11-25')).toBe(true);
    expect(isOverdue({ ...ongoing, acceptedReportDates: ['2025-12-01'] }, '2026-11-25')).toBe(true);
    expect(isOverdue({ ...ongoing, acceptedReportDates: ['2026-04-15'] }, '2026-11-25')).toBe(false);
    expect(isOverdue({ ...ongoing, acceptedReportDates: [] }, '2023-03-01')).toBe(false);
  });

  it('reads a period as the whole plan, a year or a half-year and refuses others', () => {
    expect(parseRange(undefined)).toMatchObject({ start: '2023-01-01', end: '2027-12-31' });
    expect(parseRange('2025')).toMatchObject({ start: '2025-01-01', end: '2025-12-31' });
    expect(parseRange('2025-H2')).toMatchObject({ start: '2025-07-01', end: '2025-12-31' });
    expect(() => parseRange('2031')).toThrow(RangeError);
    expect(() => parseRange('2025-Q1')).toThrow(RangeError);
    expect(activeIn({ from: 2023, to: 2024 }, parseRange('2025'))).toBe(false);
    expect(activeIn({ from: 2023, to: 2025 }, parseRange('2025-H1'))).toBe(true);
    expect(activeIn({ ongoing: true }, parseRange('2027'))).toBe(true);
  });
});
