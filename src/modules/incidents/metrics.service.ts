/**
 * Detection and response indicators over the incidents the viewer may see: MTTD (occurrence →
 * detection), MTTA (opened → acknowledged), MTTR (opened → resolved), counts per class, sector,
 * organisation, severity, status and month; as JSON for dashboards and as CSV.
 */
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import type { Actor } from '../identity/identity.policy.ts';
import { readerOf } from './incidents.policy.ts';
import { dimensionLabels, type Bilingual } from './labels.ts';
import * as store from './incidents.store.ts';

type Row = Awaited<ReturnType<typeof store.metricRows>>[number];

/** Mean duration in minutes over the rows that have both ends; null when none has. */
function meanMinutes(rows: Row[], start: (r: Row) => Date | null, end: (r: Row) => Date | null): number | null {
  const spans = rows.map((r) => [start(r), end(r)] as const).filter(([a, b]) => a && b).map(([a, b]) => (new Date(b!).getTime() - new Date(a!).getTime()) / 60_000);
  return spans.length ? Math.round((spans.reduce((x, y) => x + y, 0) / spans.length) * 10) / 10 : null;
}

function figures(rows: Row[]) {
  return {
    count: rows.length,
    resolved: rows.filter((r) => r.resolved_at).length,
    mttdMinutes: meanMinutes(rows, (r) => r.occurred_at, (r) => r.detected_at),
    mttaMinutes: meanMinutes(rows, (r) => r.created_at, (r) => r.acknowledged_at),
    mttrMinutes: meanMinutes(rows, (r) => r.created_at, (r) => r.resolved_at),
  };
}

function groupBy(rows: Row[], key: (r: Row) => string, label: (key: string) => Bilingual) {
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, list]) => ({ key: k, label: label(k), ...figures(list) }));
}

/** The period asked for, defaulting to the last 12 months. */
export function period(from?: string, to?: string): { from: Date; to: Date } {
  const end = to ? new Date(to) : new Date(Date.now() + 1000);
  const start = from ? new Date(from) : new Date(end.getTime() - 365 * 24 * 3600_000);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start >= end) throw fail.validation('from must be a date before to');
  return { from: start, to: end };
}

export async function metrics(db: Executor, actor: Actor, q: { from?: string; to?: string }) {
  const range = period(q.from, q.to);
  const rows = await store.metricRows(db, readerOf(actor), range.from, range.to);
  const labels = await dimensionLabels(db, [...new Set(rows.map((r) => r.organisation_id))]);
  return {
    from: range.from.toISOString(), to: range.to.toISOString(), totals: figures(rows),
    byClass: groupBy(rows, (r) => r.class_key ?? 'unclassified', labels.class),
    bySector: groupBy(rows, (r) => r.sector ?? 'unknown', labels.sector),
    byOrganisation: groupBy(rows, (r) => r.organisation_id, labels.organisation),
    bySeverity: groupBy(rows, (r) => r.severity, labels.severity),
    byStatus: groupBy(rows, (r) => r.status, labels.status),
    byMonth: groupBy(rows, (r) => new Date(r.created_at).toISOString().slice(0, 7), labels.month),
  };
}
export type Metrics = Awaited<ReturnType<typeof metrics>>;

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** The metrics as CSV: one line per dimension and key, with the key's names in both languages. */
export function metricsCsv(m: Metrics): string {
  const lines = ['dimension,key,name_az,name_en,count,resolved,mttd_minutes,mtta_minutes,mttr_minutes'];
  const add = (dimension: string, g: ReturnType<typeof figures> & { key: string; label: Bilingual }) =>
    lines.push([dimension, quoted(g.key), quoted(g.label.az), quoted(g.label.en), g.count, g.resolved, g.mttdMinutes ?? '', g.mttaMinutes ?? '', g.mttrMinutes ?? ''].join(','));
  const period = `${m.from}/${m.to}`;
  add('total', { key: period, label: { az: 'Cəmi', en: 'Total' }, ...m.totals });
  for (const [dimension, groups] of [['class', m.byClass], ['sector', m.bySector], ['organisation', m.byOrganisation], ['severity', m.bySeverity], ['status', m.byStatus], ['month', m.byMonth]] as const) {
    for (const g of groups) add(dimension, g);
  }
  return `${lines.join('\r\n')}\r\n`;
}
