/** Calls to the detection API used by the pages of this feature. */
import { api, query } from '../../api/client.ts';
import type { Sample } from '../../../../src/modules/detect/metrics.ts';

export type { Sample };

export interface Alert {
  id: string;
  organisationId: string;
  ruleKind: string;
  ruleId: string;
  ruleTitle: string;
  severity: string;
  techniques: string[];
  host: string;
  firstSeen: string;
  lastSeen: string;
  count: number;
  status: 'open' | 'acknowledged';
}

export interface AlertFilter {
  status?: string;
  severity?: string;
  q?: string;
}

export interface Stats {
  totals: Omit<Sample, 'at'>;
  history: Sample[];
  bus: { kind: string; lag: Record<string, number> };
  rules: number | null;
  alertsPerMinute: { minute: string; n: number }[];
}

export interface Rule {
  id: string;
  organisation_id: string | null;
  sigma_id: string;
  title: string;
  level: string;
  version: number;
  enabled: boolean;
}

export interface Indicator {
  id: string;
  organisation_id: string | null;
  type: string;
  value: string;
  confidence: number;
  tlp: string;
  enabled: boolean;
}

export const detectionApi = {
  alerts: (f: AlertFilter) => api<{ items: Alert[] }>('GET', `/detect/alerts${query({ status: f.status, q: f.q, limit: 200 })}${f.severity ? `&severity=${f.severity}` : ''}`),
  count: () => api<{ open: number; bySeverity: Record<string, number> }>('GET', '/detect/alerts/count'),
  acknowledge: (ids: string[]) => api<{ acknowledged: string[] }>('POST', '/detect/alerts/acknowledge', { ids }),
  stats: () => api<Stats>('GET', '/detect/stats'),
  rules: () => api<{ items: Rule[] }>('GET', '/detect/rules'),
  addRule: (organisationId: string | null, yaml: string) => api<Rule>('POST', '/detect/rules', { organisationId, yaml }),
  setRule: (id: string, enabled: boolean) => api<Rule>('PUT', `/detect/rules/${id}`, { enabled }),
  indicators: () => api<{ items: Indicator[] }>('GET', '/detect/indicators'),
  addIndicator: (organisationId: string | null, value: string, confidence: number) => api<Indicator>('POST', '/detect/indicators', { organisationId, value, confidence }),
  setIndicator: (id: string, enabled: boolean) => api<Indicator>('PUT', `/detect/indicators/${id}`, { enabled }),
};
