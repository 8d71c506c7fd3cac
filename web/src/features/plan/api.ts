/** The action-plan API as the web app uses it; the shapes of its answers are the server's own. */
import { api, query } from '../../api/client.ts';
import type { Agency, Dashboard, Figures, PlanTree } from '../../../../src/modules/plan/plan.service.ts';
import type { IndicatorStatus, ReportStatus, Stage } from '../../../../src/modules/plan/plan.tables.ts';
import type { ExecutorView, HeadingView, MeasureView, PlanNode } from '../../../../src/modules/plan/plan.view.ts';
import type { EvidenceInput } from '../../../../src/modules/plan/plan.evidence.ts';
import type { Report, ReportInput, ReportPatch } from '../../../../src/modules/plan/reports.service.ts';

export type { Agency, Dashboard, Figures, IndicatorStatus, PlanNode, PlanTree, Report, ReportInput, ReportPatch, ReportStatus, Stage };
export type Executor = ExecutorView;
export type Measure = MeasureView;
export type Heading = HeadingView;

export const stages: readonly Stage[] = ['initial', 'intermediate', 'final'];
export const indicatorStatuses: readonly IndicatorStatus[] = ['not_started', 'in_progress', 'achieved'];

export interface PlanFilter {
  organisationId?: string;
  year?: number;
  status?: IndicatorStatus;
  overdue?: boolean;
}

/** A chosen file as the API takes it: base64 without the data-URL prefix. */
export function readEvidence(file: File): Promise<EvidenceInput> {
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
  update: (reportId: string, patch: ReportPatch) => api<Report>('PATCH', `/plan/reports/${reportId}`, patch),
  setResponsible: (measureId: string, organisationId: string, name: string | null, contact: string | null) =>
    api<Measure>('PUT', `/plan/measures/${measureId}/executors/${organisationId}/responsible`, { name, contact }),
  decide: (id: string, decision: 'accept' | 'return', comment: string) => api<Report>('POST', `/plan/reports/${id}/decision`, { decision, comment: comment || undefined }),
};

/** Flattens a tree to its measures, in order. */
export function measuresOf(nodes: PlanNode[]): Measure[] {
  return nodes.flatMap((n) => (n.kind === 'measure' ? [n] : measuresOf(n.children)));
}
