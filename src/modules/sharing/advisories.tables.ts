/**
 * Tables of advisories and early warnings: CERT advisories (bilingual, TLP as a rank like the
 * STIX objects), organisations' subscription profiles, one warning per advisory (or imported
 * indicator) and matching organisation, and who of that organisation opened it when (read receipts).
 */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

export interface SharingAdvisoryTable {
  id: string;
  /** The authoring CERT: its members see drafts and every marking. */
  organisation_id: string;
  status: 'draft' | 'published';
  tlp: number;
  severity: Severity;
  title_az: string;
  title_en: string;
  summary_az: string;
  summary_en: string;
  body_az: string;
  body_en: string;
  actions_az: string;
  actions_en: string;
  sectors: Json<string[]>;
  products: Json<string[]>;
  cves: Json<string[]>;
  created_by: string;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  published_at: Timestamp | null;
}

/** What an organisation runs, so advisories reach it: sectors, product keywords, and optionally its CII objects' sectors. */
export interface SharingAdvisorySubscriptionTable {
  organisation_id: string;
  sectors: Json<string[]>;
  keywords: Json<string[]>;
  use_cii_sectors: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: DefaultTimestamp;
}

/** One warning to one organisation: about an advisory, or about an imported indicator (exactly one of the two). */
export interface SharingWarningTable {
  id: string;
  organisation_id: string;
  advisory_id: ColumnType<string | null, string | undefined, never>;
  stix_id: ColumnType<string | null, string | undefined, never>;
  /** The indicator's TLP rank (an advisory's is on the advisory). */
  tlp: ColumnType<number | null, number | undefined, never>;
  /** The indicator as it was when the warning went out. */
  indicator: ColumnType<Record<string, unknown> | null, string | undefined, never>;
  /** The organisation whose import raised an indicator warning (its analysts see the reach). */
  sender_id: ColumnType<string | null, string | undefined, never>;
  /** Why it matched: "sector:energy", "product:openssl", "cii:energy". */
  reasons: Json<string[]>;
  /** The incident_webhook_deliveries queued for it (their status is read through the incidents notify service). */
  delivery_ids: ColumnType<number[], string | undefined, string>;
  created_at: DefaultTimestamp;
}

export interface SharingWarningReadTable {
  warning_id: string;
  user_id: string;
  opened_at: DefaultTimestamp;
}

export interface AdvisoryTables {
  sharing_advisories: SharingAdvisoryTable;
  sharing_advisory_subscriptions: SharingAdvisorySubscriptionTable;
  sharing_warnings: SharingWarningTable;
  sharing_warning_reads: SharingWarningReadTable;
}
