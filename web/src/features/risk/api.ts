/** The risk API as the web app uses it, with the shapes of its answers. */
import { api, query } from '../../api/client.ts';
import type { Risk as ServerRisk } from '../../../../src/modules/risk/risk.service.ts';
import type { ThreatClassBody, ThreatClassPatchBody } from '../../../../src/modules/risk/risk.schema.ts';
import type { history, ThreatCategory, ThreatClass } from '../../../../src/modules/risk/taxonomy.service.ts';
import type { Items, Json } from '../../api/types.ts';

export type Level = 'organisation' | 'national';
export type Treatment = 'mitigate' | 'accept' | 'transfer' | 'avoid';
export const treatments: readonly Treatment[] = ['mitigate', 'accept', 'transfer', 'avoid'];

export type { ThreatCategory, ThreatClass, ThreatClassBody, ThreatClassPatchBody };
/** One numbered version of a threat class: who changed it, when, and the class as it then was. */
export type ClassVersion = Json<Awaited<ReturnType<typeof history>>[number]>;

export interface Impact {
  people: number;
  economy: number;
  stateFunctions: number;
  otherSectors: number;
}

export interface RiskAction {
  title: string;
  dueDate: string | null;
  cost: number | null;
  done: boolean;
}

/** A risk as the API answers it (the server's type; its dates are already ISO strings). */
export type Risk = Json<ServerRisk>;

/** The fields of a risk that can be changed after it is recorded. */
export interface RiskPatch {
  title?: string;
  sector?: string | null;
  description?: string;
  vulnerability?: string;
  controls?: string;
  likelihood?: number;
  impact?: Impact;
  residualLikelihood?: number | null;
  residualImpact?: number | null;
  owner?: string;
  treatment?: Treatment;
  actions?: RiskAction[];
  reviewDate?: string | null;
}

export type FileFormat = 'csv' | 'json' | 'xlsx';
export const fileFormats: readonly FileFormat[] = ['csv', 'xlsx', 'json'];

export interface RiskInput {
  organisationId: string;
  level: Level;
  title: string;
  threatClass: string;
  ciiObjectId: string | null;
  /** The sector the risk is about, from the vocabulary (null: none named). */
  sector: string | null;
  asset: string | null;
  vulnerability: string;
  controls: string;
  likelihood: number;
  impact: Impact;
  treatment: Treatment;
  owner: string;
  reviewDate: string | null;
}

export interface Heatmap {
  likelihoodLevels: number;
  impactLevels: number;
  cells: { likelihood: number; impact: number; count: number }[];
  summary: { total: number; open: number; accepted: number; reviewOverdue: number; actionsDone: number; actionsTotal: number; plannedCost: number };
}

export interface RiskFilter {
  level: Level;
  threatClass?: string;
  overdue?: boolean;
  likelihood?: number;
  impact?: number;
}

const id = (value: string) => encodeURIComponent(value);

export const riskApi = {
  taxonomy: () => api<{ categories: ThreatCategory[]; classes: ThreatClass[] }>('GET', '/risk/taxonomy'),
  addClass: (input: ThreatClassBody) => api<ThreatClass>('POST', '/risk/taxonomy/classes', input),
  updateClass: (key: string, patch: ThreatClassPatchBody) => api<ThreatClass>('PATCH', `/risk/taxonomy/classes/${id(key)}`, patch),
  classVersions: (key: string) => api<Items<ClassVersion>>('GET', `/risk/taxonomy/classes/${id(key)}/versions`),
  list: (f: RiskFilter) => api<Items<Risk>>('GET', `/risks${query({ ...f, overdue: f.overdue ? 'true' : undefined })}`),
  heatmap: (level: Level) => api<Heatmap>('GET', `/risks/heatmap${query({ level })}`),
  create: (input: RiskInput) => api<Risk>('POST', '/risks', input),
  escalate: (riskId: string) => api<Risk>('POST', `/risks/${id(riskId)}/escalate`),
  agree: (riskId: string) => api<Risk>('POST', `/risks/${id(riskId)}/agree`),
  approve: (riskId: string) => api<Risk>('POST', `/risks/${id(riskId)}/approve`),
  register: (organisationId?: string) => api<{ likelihoodLevels: number; impactLevels: number }>('GET', `/risk/register${query({ organisationId })}`),
  get: (riskId: string) => api<Risk>('GET', `/risks/${id(riskId)}`),
  update: (riskId: string, patch: RiskPatch) => api<Risk>('PATCH', `/risks/${id(riskId)}`, patch),
  accept: (riskId: string, input: { expiresOn: string; note?: string }) => api<Risk>('POST', `/risks/${id(riskId)}/accept`, input),
  setCoExecutors: (riskId: string, acronyms: string[]) => api<Risk>('PUT', `/risks/${id(riskId)}/co-executors`, { acronyms }),
  /** Imports a file; XLSX content goes as base64. Rejects with the line-numbered report in ApiError.errors. */
  importFile: (organisationId: string, format: FileFormat, content: string) =>
    api<{ imported: number; ids: string[] }>('POST', '/risks/import', { organisationId, format, content }),
  /** The address the browser downloads an export from (the session cookie authorises it). */
  exportUrl: (level: Level, format: FileFormat, organisationId?: string) => `/api/risks/export${query({ level, organisationId, format })}`,
};

/** The import format a file's name implies, or null for anything else. */
export function formatOf(fileName: string): FileFormat | null {
  const extension = fileName.toLowerCase().split('.').pop();
  return extension === 'csv' || extension === 'json' || extension === 'xlsx' ? extension : null;
}

/** A file's content as the import expects it: text for CSV and JSON, base64 for XLSX. */
export async function fileContent(file: File, format: FileFormat): Promise<string> {
  if (format !== 'xlsx') return file.text();
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
