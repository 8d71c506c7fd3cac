/**
 * Time rules of an incident: the SLA per severity (acknowledge, contain, resolve) and the
 * operator's reporting clocks to the National CERT (early warning, notification, final report).
 * Pure functions of the incident's timestamps and "now", so the web, the API and the sweeper agree.
 */
import type { IncidentsConfig } from '../../config.ts';
import type { ReportStage, Severity, SlaMeasure } from './incidents.tables.ts';
import { stages } from './incidents.tables.ts';

const minute = 60_000;
const hour = 60 * minute;

/** Milliseconds allowed per severity (docs/incident-severity.md). */
export const slaTargets: Record<Severity, Record<SlaMeasure, number>> = {
  critical: { acknowledge: 30 * minute, contain: 4 * hour, resolve: 24 * hour },
  high: { acknowledge: hour, contain: 24 * hour, resolve: 72 * hour },
  medium: { acknowledge: 4 * hour, contain: 72 * hour, resolve: 7 * 24 * hour },
  low: { acknowledge: 24 * hour, contain: 7 * 24 * hour, resolve: 30 * 24 * hour },
};

/** One clock: when it is due, when it was met (if it was), and whether it is or was late. */
export interface Clock {
  dueAt: string;
  metAt: string | null;
  late: boolean;
  /** Milliseconds left (negative when overdue); null once met. */
  remainingMs: number | null;
}

function clock(start: Date, allowedMs: number, met: Date | null, now: Date): Clock {
  const due = new Date(start.getTime() + allowedMs);
  return {
    dueAt: due.toISOString(), metAt: met ? met.toISOString() : null,
    late: (met ?? now).getTime() > due.getTime(), remainingMs: met ? null : due.getTime() - now.getTime(),
  };
}

/** The incident timestamps the clocks read. */
export interface Timestamps {
  severity: Severity;
  created_at: Date;
  detected_at: Date;
  acknowledged_at: Date | null;
  contained_at: Date | null;
  resolved_at: Date | null;
}

/** SLA timers from the moment the incident was opened. */
export function slaClocks(i: Timestamps, now: Date): Record<SlaMeasure, Clock> {
  const t = slaTargets[i.severity];
  const start = new Date(i.created_at);
  const at = (d: Date | null) => (d ? new Date(d) : null);
  return {
    acknowledge: clock(start, t.acknowledge, at(i.acknowledged_at), now),
    contain: clock(start, t.contain, at(i.contained_at), now),
    resolve: clock(start, t.resolve, at(i.resolved_at), now),
  };
}

/** Reporting clocks from detection; `submitted` gives each stage's submission time. */
export function reportingClocks(detectedAt: Date, submitted: Partial<Record<ReportStage, Date>>, config: IncidentsConfig, now: Date): Record<ReportStage, Clock> {
  const start = new Date(detectedAt);
  return Object.fromEntries(stages.map((s) => [s, clock(start, config.reportDeadlineHours[s] * hour, submitted[s] ? new Date(submitted[s]) : null, now)])) as Record<ReportStage, Clock>;
}

/** Measures whose SLA is already breached. */
export function breached(i: Timestamps, now: Date): SlaMeasure[] {
  return Object.entries(slaClocks(i, now)).filter(([, c]) => c.late).map(([m]) => m as SlaMeasure);
}
