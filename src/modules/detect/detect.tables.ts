/** Tables owned by the detect module (migrations 0400_detect, 0401_detect_pipeline, 0402_detect_event_text). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface DetectEventTable {
  received_at: Timestamp;
  id: string;
  organisation_id: string;
  host: string;
  kind: string;
  source: string;
  event_time: Timestamp;
  event: Json<Record<string, unknown>>;
}

export type AlertStatus = 'open' | 'acknowledged';

export interface DetectAlertTable {
  id: string;
  organisation_id: string;
  rule_kind: string;
  rule_id: string;
  rule_title: string;
  severity: string;
  techniques: Json<string[]>;
  host: string;
  first_seen: Timestamp;
  last_seen: Timestamp;
  count: number;
  status: ColumnType<AlertStatus, AlertStatus | undefined, AlertStatus>;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
  sample_event_id: string;
  sample_event: Json<Record<string, unknown>>;
  created_at: DefaultTimestamp;
}

export interface DetectAlertEventTable {
  alert_id: string;
  event_id: string;
  received_at: Timestamp;
  recorded_at: DefaultTimestamp;
}

export interface DetectIngestKeyTable {
  organisation_id: string;
  key: string;
  body_sha256: string;
  /** The answer given; null while the first request with the key is still being ingested. */
  outcome: Json<{ accepted: number; rejected: number }> | null;
  created_at: DefaultTimestamp;
}

export interface DetectDeadLetterTable {
  id: Generated<number>;
  organisation_id: string | null;
  source: string;
  reason: string;
  raw: string;
  raw_bytes: number;
  at: DefaultTimestamp;
}

export interface DetectSpoolTable {
  id: Generated<number>;
  /** A batch as the bus encodes it (src/events/codec.ts). */
  events: string;
  created_at: DefaultTimestamp;
}

export interface DetectRuleTable {
  id: string;
  organisation_id: string | null;
  sigma_id: string;
  title: string;
  level: string;
  yaml: string;
  version: number;
  enabled: boolean;
  updated_at: DefaultTimestamp;
  updated_by: string | null;
}

export interface DetectRuleVersionTable {
  rule_id: string;
  version: number;
  yaml: string;
  enabled: boolean;
  changed_at: DefaultTimestamp;
  changed_by: string | null;
}

export interface DetectIndicatorTable {
  id: string;
  organisation_id: string | null;
  type: string;
  value: string;
  confidence: number;
  tlp: string;
  source: string;
  valid_from: Timestamp | null;
  valid_until: Timestamp | null;
  enabled: boolean;
  version: number;
  updated_at: DefaultTimestamp;
  updated_by: string | null;
}

export interface DetectContentVersionTable {
  singleton: ColumnType<boolean, boolean | undefined, boolean>;
  version: number;
}

export interface DetectTables {
  detect_events: DetectEventTable;
  detect_alerts: DetectAlertTable;
  detect_alert_events: DetectAlertEventTable;
  detect_dead_letters: DetectDeadLetterTable;
  detect_spool: DetectSpoolTable;
  detect_ingest_keys: DetectIngestKeyTable;
  detect_rules: DetectRuleTable;
  detect_rule_versions: DetectRuleVersionTable;
  detect_indicators: DetectIndicatorTable;
  detect_content_version: DetectContentVersionTable;
}
