/** How an incident row is shown by the API and exports (markings as labels, dates as ISO). */
import { papLabel, tlpLabel } from './markings.ts';
import type { IncidentRow } from './incidents.store.ts';
import type { ObservableRow } from './work.store.ts';

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

/** The summary of an incident, as lists, search results and exports show it. */
export function presentIncident(r: IncidentRow) {
  return {
    id: r.id, organisationId: r.organisation_id, sector: r.sector, title: r.title, description: r.description, source: r.source,
    reporter: { userId: r.reporter_user_id, name: r.reporter_name, email: r.reporter_email },
    classification: r.class_key && r.type_key ? { classKey: r.class_key, typeKey: r.type_key } : null,
    impact: r.impact, ciiAffected: r.cii_affected, ciiObjects: r.cii_objects, severity: r.severity, status: r.status,
    tlp: tlpLabel(r.tlp), pap: papLabel(r.pap), assigneeUserId: r.assignee_user_id, team: r.team, version: r.version,
    affectedOrganisations: r.affected, occurredAt: iso(r.occurred_at), detectedAt: iso(r.detected_at), reportedAt: iso(r.reported_at),
    acknowledgedAt: iso(r.acknowledged_at), containedAt: iso(r.contained_at), resolvedAt: iso(r.resolved_at), closedAt: iso(r.closed_at),
    createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}
export type IncidentSummary = ReturnType<typeof presentIncident>;

export function presentObservable(o: ObservableRow) {
  return { id: o.id, type: o.type, value: o.value, tlp: tlpLabel(o.tlp), pap: papLabel(o.pap), createdAt: iso(o.created_at) };
}

/** CSV of incidents (RFC 4180 quoting), one row per incident. */
export function incidentsCsv(items: IncidentSummary[]): string {
  const columns = ['id', 'title', 'organisationId', 'sector', 'status', 'severity', 'classKey', 'typeKey', 'tlp', 'pap', 'source', 'detectedAt', 'createdAt', 'acknowledgedAt', 'containedAt', 'resolvedAt', 'closedAt'] as const;
  const cell = (v: unknown) => {
    const text = v == null ? '' : String(v);
    return /[",\r\n]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = items.map((i) => {
    const flat: Record<string, unknown> = { ...i, classKey: i.classification?.classKey, typeKey: i.classification?.typeKey };
    return columns.map((c) => cell(flat[c])).join(',');
  });
  return [columns.join(','), ...rows].join('\r\n') + '\r\n';
}
