/** The action-plan API as the web app uses it, with the shapes of its answers. */
import { api, query } from '../../api/client.ts';
import type { Bilingual } from '../../api/types.ts';

export type Stage = 'initial' | 'intermediate' | 'final';
export const stages: readonly Stage[] = ['initial', 'intermediate', 'final'];
export type IndicatorStatus = 'not_started' | 'in_progress' | 'achieved';
export const indicatorStatuses: readonly IndicatorStatus[] = ['not_started', 'in_progress', 'achieved'];
export type ReportStatus = 'submitted' | 'accepted' | 'returned';

export interface Executor {
  organisationId: string;
  acronym: string;
  lead: boolean;
  recommended: boolean;
  responsible: { name: string; contact: string | null } | null;
}

export interface Measure {
  id: string;
  kind: 'measure';
  parentId: string | null;
  priorityId: string;
  title: Bilingual;
  lead: string[];
  coExecutors: { acronym: string; recommended: boolean }[];
  executors: Executor[];
  otherExecutors: Bilingual[];
  period: { from: number; to: number } | { ongoing: true };
  periodText: string;
  deadline: string;
  indicators: Record<Stage, { text: Bilingual; status: IndicatorStatus }>;
  status: IndicatorStatus;
  completion: number;
  overdue: boolean;
  acceptedReports: number;
}

export interface Heading {
  id: string;
  kind: 'priority' | 'goal';
  title: Bilingual;
  children: PlanNode[];
}

export type PlanNode = Heading | Measure;

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

export interface PlanFilter {
  organisationId?: string;
  year?: number;
  status?: IndicatorStatus;
  overdue?: boolean;
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

export interface Report {
  id: string;
  measureId: string;
  organisationId: string;
  acronym: string;
  stage: Stage;
  stageStatus: 'in_progress' | 'achieved';
  text: Bilingual;
  percent: number;
  date: string;
  period: string;
  status: ReportStatus;
  submittedAt: string;
  coordinatorComment: string | null;
  decidedAt: string | null;
  evidence: { id: string; name: string; mediaType: string; size: number; sha256: string }[];
}

export interface ReportInput {
  organisationId?: string;
  stage: Stage;
  stageStatus: 'in_progress' | 'achieved';
  text: Bilingual;
  percent: number;
  date: string;
  evidence: { name: string; mediaType: string; contentBase64: string }[];
}

/** A chosen file as the API takes it: base64 without the data-URL prefix. */
export function readEvidence(file: File): Promise<ReportInput['evidence'][number]> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, mediaType: file.type || 'application/octet-stream', contentBase64: String(reader.result).replace(/^data:[^,]*,/, '') });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The address of a report file; the browser downloads it with the session cookie. */
export function progressReportUrl(format: 'pdf' | 'xlsx', organisationId: string, period: string): string {
  return `/api/plan/progress-report${query({ format, organisationId, period })}`;
}

export const planApi = {
  tree: (filter: PlanFilter) => api<PlanTree>('GET', `/plan${query({ ...filter, overdue: filter.overdue === undefined ? undefined : String(filter.overdue) })}`),
  mine: () => api<{ organisations: string[]; items: Measure[] }>('GET', '/plan/my-measures'),
  dashboard: (period?: string) => api<Dashboard>('GET', `/plan/dashboard${query({ period })}`),
  reports: (filter: { status?: ReportStatus; measureId?: string }) => api<{ items: Report[] }>('GET', `/plan/reports${query(filter)}`),
  submit: (measureId: string, input: ReportInput) => api<Report>('POST', `/plan/measures/${measureId}/reports`, input),
  setResponsible: (measureId: string, organisationId: string, name: string | null, contact: string | null) =>
    api<Measure>('PUT', `/plan/measures/${measureId}/executors/${organisationId}/responsible`, { name, contact }),
  decide: (id: string, decision: 'accept' | 'return', comment: string) => api<Report>('POST', `/plan/reports/${id}/decision`, { decision, comment: comment || undefined }),
};

/** Flattens a tree to its measures, in order. */
export function measuresOf(nodes: PlanNode[]): Measure[] {
  return nodes.flatMap((n) => (n.kind === 'measure' ? [n] : measuresOf(n.children)));
}
