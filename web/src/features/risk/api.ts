/** The risk API as the web app uses it, with the shapes of its answers. */
import { api, query } from '../../api/client.ts';
import type { Bilingual, Items } from '../../api/types.ts';

export type Level = 'organisation' | 'national';
export type Treatment = 'mitigate' | 'accept' | 'transfer' | 'avoid';
export const treatments: readonly Treatment[] = ['mitigate', 'accept', 'transfer', 'avoid'];
export type Procedure = 'draft' | 'agreed' | 'approved';

export interface ThreatClass {
  key: string;
  categoryKey: string;
  name: Bilingual;
  attack: string[];
}

export interface Impact {
  people: number;
  economy: number;
  stateFunctions: number;
  otherSectors: number;
}

export interface Risk {
  id: string;
  level: Level;
  organisationId: string;
  title: string;
  ciiObjectId: string | null;
  sector: string | null;
  asset: string | null;
  threatClass: string;
  vulnerability: string;
  controls: string;
  likelihood: number;
  impact: Impact;
  impactLevel: number;
  inherentScore: number;
  residualScore: number | null;
  owner: string;
  treatment: Treatment;
  progress: { done: number; total: number; cost: number };
  reviewDate: string | null;
  reviewOverdue: boolean;
  status: 'open' | 'accepted' | 'closed';
  procedure: { status: Procedure; coExecutors: string[] } | null;
  escalatedRiskId: string | null;
}

export interface RiskInput {
  organisationId: string;
  level: Level;
  title: string;
  threatClass: string;
  ciiObjectId: string | null;
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
  taxonomy: () => api<{ classes: ThreatClass[] }>('GET', '/risk/taxonomy'),
  list: (f: RiskFilter) => api<Items<Risk>>('GET', `/risks${query({ ...f, overdue: f.overdue ? 'true' : undefined })}`),
  heatmap: (level: Level) => api<Heatmap>('GET', `/risks/heatmap${query({ level })}`),
  create: (input: RiskInput) => api<Risk>('POST', '/risks', input),
  escalate: (riskId: string) => api<Risk>('POST', `/risks/${id(riskId)}/escalate`),
  agree: (riskId: string) => api<Risk>('POST', `/risks/${id(riskId)}/agree`),
  approve: (riskId: string) => api<Risk>('POST', `/risks/${id(riskId)}/approve`),
};
