/** The incidents API as the web app uses it, with the shapes of its answers. */
import { api, query } from '../../api/client.ts';
import type { Bilingual } from '../../api/types.ts';

export const statuses = ['new', 'triage', 'containment', 'eradication', 'recovery', 'resolved', 'closed'] as const;
export type Status = (typeof statuses)[number];
export const severities = ['low', 'medium', 'high', 'critical'] as const;
export const tlps = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export const observableTypes = ['ip', 'domain', 'url', 'md5', 'sha1', 'sha256', 'sha512', 'email', 'file-name', 'registry-key', 'cve'] as const;

export interface Incident {
  id: string;
  organisationId: string;
  title: string;
  description: string;
  source: string;
  classification: { classKey: string; typeKey: string } | null;
  severity: string;
  status: Status;
  tlp: string;
  pap: string;
  version: number;
  detectedAt: string;
  createdAt: string;
  resolvedAt: string | null;
}

export interface Clock {
  dueAt: string;
  metAt: string | null;
  late: boolean;
  remainingMs: number | null;
}

export interface IncidentDetail extends Incident {
  allowedMoves: Status[];
  observables: { id: string; type: string; value: string; tlp: string; correlations: { incidentId: string; title: string; status: string }[] }[];
  tasks: { id: string; title: string; dueAt: string | null; doneAt: string | null; overdue: boolean }[];
  timeline: { at: string; actor: string; action: string }[];
  sla: { clocks: Record<'acknowledge' | 'contain' | 'resolve', Clock>; breaches: { measure: string }[] };
  reporting: { clocks: Record<Stage, Clock>; forms: { stage: Stage; form: Record<string, string | boolean>; submittedAt: string }[] };
  directives: { id: string; title: string; action: string; dueAt: string; organisationId: string; acknowledgedAt: string | null; completedAt: string | null; escalatedAt: string | null }[];
}

export const reportStages = ['early_warning', 'notification', 'final'] as const;
export type Stage = (typeof reportStages)[number];
/** The structured form of each reporting stage (as the server checks it). */
export const stageForms: Record<Stage, { texts: readonly string[]; flags: readonly string[] }> = {
  early_warning: { texts: ['summary'], flags: ['suspectedMalicious', 'crossBorder'] },
  notification: { texts: ['summary', 'impact', 'indicators'], flags: ['crossBorder'] },
  final: { texts: ['summary', 'rootCause', 'mitigation'], flags: ['crossBorder'] },
};

export interface TaxonomyClass {
  key: string;
  name: Bilingual;
  types: { key: string; name: Bilingual }[];
}

export interface Group {
  key: string;
  /** The key's names (class, sector, status… in both languages); absent on the totals. */
  label?: { az: string; en: string };
  count: number;
  resolved: number;
  mttdMinutes: number | null;
  mttaMinutes: number | null;
  mttrMinutes: number | null;
}

export interface Metrics {
  from: string;
  to: string;
  totals: Omit<Group, 'key'>;
  byClass: Group[];
  bySector: Group[];
  byMonth: Group[];
  bySeverity: Group[];
}

/** An open alert of the detect module, as its queue lists it. */
export interface Alert {
  id: string;
  ruleTitle: string;
  host: string;
  severity: string;
  lastSeen: string;
}

export interface IncidentFilter {
  status?: string;
  severity?: string;
  classKey?: string;
  q?: string;
}

export const incidentsApi = {
  list: (filter: IncidentFilter) => api<{ items: Incident[] }>('GET', `/incidents${query({ ...filter })}`),
  get: (id: string) => api<IncidentDetail>('GET', `/incidents/${id}`),
  create: (body: { title: string; description?: string; tlp: string }) => api<Incident>('POST', '/incidents', body),
  taxonomy: () => api<{ items: TaxonomyClass[] }>('GET', '/incidents/taxonomy'),
  classify: (id: string, version: number, classKey: string, typeKey: string) => api<Incident>('POST', `/incidents/${id}/classification`, { version, classKey, typeKey }),
  move: (id: string, version: number, status: Status) => api<Incident>('POST', `/incidents/${id}/status`, { version, status }),
  addObservable: (id: string, type: string, value: string) => api('POST', `/incidents/${id}/observables`, { observables: [{ type, value }] }),
  addTask: (id: string, title: string) => api('POST', `/incidents/${id}/tasks`, { title }),
  metrics: () => api<Metrics>('GET', '/incidents/metrics'),
  submitStage: (id: string, stage: Stage, form: Record<string, string | boolean>) => api('POST', `/incidents/${id}/stage-reports/${stage}`, { form }),
  answerDirective: (id: string, organisationId: string, kind: 'acknowledge' | 'complete') => api('POST', `/incidents/directives/${id}/answer`, { organisationId, kind }),
  openAlerts: () => api<{ items: Alert[] }>('GET', '/detect/alerts?status=open&limit=20'),
  promote: (alertIds: string[]) => api<{ incidentId: string }>('POST', '/incidents/from-alerts', { alertIds }),
};
