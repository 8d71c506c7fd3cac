/** The sharing API as the web app uses it: collections, bundle import with its report, subscriptions and their sync status. */
import { api } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export interface Collection {
  id: string;
  organisationId: string;
  title: string;
  description: string;
  canRead: boolean;
  canWrite: boolean;
  canManage: boolean;
  objects?: number;
}

export interface ReportLine {
  index: number;
  id: string | null;
  type: string | null;
  version: string | null;
  outcome: 'created' | 'new_version' | 'skipped' | 'rejected';
  reason?: string;
}

export interface ImportReport {
  counts: Record<ReportLine['outcome'], number>;
  lines: ReportLine[];
}

export interface Subscription {
  id: string;
  name: string;
  apiRoot: string;
  remoteCollection: string;
  collectionId: string;
  intervalSeconds: number;
  enabled: boolean;
  lastRunAt: string | null;
  lastStatus: 'never' | 'ok' | 'error';
  lastError: string | null;
  objectsImported: number;
  nextRunAt: string;
}

export const sharingApi = {
  collections: () => api<Items<Collection>>('GET', '/api/sharing/collections'),
  importBundle: (collectionId: string, bundle: unknown, defaultTlp: string) =>
    api<ImportReport>('POST', `/api/sharing/collections/${collectionId}/import`, { bundle, defaultTlp }),
  subscriptions: () => api<Items<Subscription>>('GET', '/api/sharing/subscriptions'),
  syncNow: (id: string) => api<unknown>('POST', `/api/sharing/subscriptions/${id}/sync`),
};
