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
  /** Whether its imports warn matching organisations (only a CERT analyst's or coordinator's do). */
  raisesWarnings: boolean;
  lastRunAt: string | null;
  lastStatus: 'never' | 'ok' | 'error';
  lastError: string | null;
  objectsImported: number;
  nextRunAt: string;
}

export const sharingApi = {
  collections: () => api<Items<Collection>>('GET', '/sharing/collections'),
  importBundle: (collectionId: string, bundle: unknown, defaultTlp: string) =>
    api<ImportReport>('POST', `/sharing/collections/${collectionId}/import`, { bundle, defaultTlp }),
  subscriptions: () => api<Items<Subscription>>('GET', '/sharing/subscriptions'),
  syncNow: (id: string) => api<unknown>('POST', `/sharing/subscriptions/${id}/sync`),
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

/** An early warning received: about an advisory, or about an indicator another CERT imported. */
export interface Warning {
  id: string;
  kind: 'advisory' | 'indicator';
  advisoryId: string | null;
  stixId: string | null;
  title: Bilingual;
  severity: string | null;
  tlp: string;
  reasons: string[];
  createdAt: string;
  openedAt: string | null;
}

/** The indicator of a warning, as it was sent. */
export interface IndicatorWarning {
  kind: 'indicator';
  stixId: string;
  tlp: string;
  reasons: string[];
  name: string | null;
  description: string | null;
  pattern: string | null;
  validFrom: string | null;
  validUntil: string | null;
  labels: string[];
}

export type OpenedWarning = (Advisory & { kind: 'advisory' }) | IndicatorWarning;

/** An imported indicator the caller's organisations warned others of. */
export interface SentIndicatorWarning {
  stixId: string;
  name: string | null;
  tlp: string;
  warnedAt: string;
  total: number;
  opened: number;
}

/** An organisation's early-warning profile. */
export interface Profile {
  organisationId: string;
  sectors: string[];
  keywords: string[];
  useCiiSectors: boolean;
}

export const advisoriesApi = {
  list: () => api<Items<Advisory>>('GET', '/advisories'),
  create: (input: AdvisoryInput) => api<Advisory>('POST', '/advisories', input),
  update: (id: string, input: Partial<AdvisoryInput>) => api<Advisory>('PATCH', `/advisories/${id}`, input),
  publish: (id: string) => api<Advisory>('POST', `/advisories/${id}/publish`),
  reach: (id: string) => api<Reach>('GET', `/advisories/${id}/reach`),
  warnings: () => api<Items<Warning>>('GET', '/advisories/warnings'),
  openWarning: (id: string) => api<OpenedWarning>('POST', `/advisories/warnings/${id}/open`),
  profiles: () => api<Items<Profile>>('GET', '/advisories/subscriptions'),
  sentIndicatorWarnings: () => api<Items<SentIndicatorWarning>>('GET', '/sharing/indicator-warnings'),
  indicatorReach: (stixId: string) => api<Reach>('GET', `/sharing/indicators/${stixId}/reach`),
  saveProfile: (profile: Profile) => api<Profile>('PUT', `/advisories/subscriptions/${profile.organisationId}`, { sectors: profile.sectors, keywords: profile.keywords, useCiiSectors: profile.useCiiSectors }),
};
