/** The sharing API as the web app uses it: collections, bundle import with its report, subscriptions and their sync status, advisories and early warnings. */
import { api } from '../../api/client.ts';
import type { Bilingual, Items } from '../../api/types.ts';
import type { CollectionView } from '../../../../src/modules/sharing/collections.service.ts';

export type Collection = CollectionView;

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

/** An advisory as the API returns it (drafts only to its authors). */
export interface Advisory {
  id: string;
  organisationId: string;
  status: 'draft' | 'published';
  tlp: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  title: Bilingual;
  summary: Bilingual;
  body: Bilingual;
  actions: Bilingual;
  sectors: string[];
  products: string[];
  cves: string[];
  publishedAt: string | null;
}

export type AdvisoryInput = Omit<Advisory, 'id' | 'status' | 'publishedAt'>;

/** Per exposed organisation: opened or not, by whom, and webhook delivery status. */
export interface Reach {
  total: number;
  opened: number;
  items: { warningId: string; acronym: string; reasons: string[]; opened: boolean; reads: { username: string; openedAt: string }[]; deliveries: { status: string; attempts: number }[] }[];
}

export interface Warning {
  id: string;
  advisoryId: string;
  title: Bilingual;
  severity: string;
  tlp: string;
  reasons: string[];
  createdAt: string;
  openedAt: string | null;
}

export const advisoriesApi = {
  list: () => api<Items<Advisory>>('GET', '/api/advisories'),
  create: (input: AdvisoryInput) => api<Advisory>('POST', '/api/advisories', input),
  update: (id: string, input: Partial<AdvisoryInput>) => api<Advisory>('PATCH', `/api/advisories/${id}`, input),
  publish: (id: string) => api<Advisory>('POST', `/api/advisories/${id}/publish`),
  reach: (id: string) => api<Reach>('GET', `/api/advisories/${id}/reach`),
  warnings: () => api<Items<Warning>>('GET', '/api/advisories/warnings'),
  openWarning: (id: string) => api<Advisory>('POST', `/api/advisories/warnings/${id}/open`),
};
