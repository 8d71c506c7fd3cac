/** Tables owned by the incidents module (migration 0500_incidents). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export const statuses = ['new', 'triage', 'containment', 'eradication', 'recovery', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof statuses)[number];
export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];
export const impacts = ['low', 'moderate', 'high'] as const;
export type Impact = (typeof impacts)[number];
export const sources = ['api', 'alert', 'public', 'email'] as const;
export type IncidentSource = (typeof sources)[number];
export const stages = ['early_warning', 'notification', 'final'] as const;
export type ReportStage = (typeof stages)[number];
export const slaMeasures = ['acknowledge', 'contain', 'resolve'] as const;
export type SlaMeasure = (typeof slaMeasures)[number];

export interface IncidentTaxonomyClassTable {
  key: string;
  name_az: string;
  name_en: string;
  risk_category: string | null;
  severity: Json<Record<Impact, Severity>>;
  position: number;
  version: number;
}

export interface IncidentTaxonomyTypeTable {
  class_key: string;
  key: string;
  name_az: string;
  name_en: string;
  description: string;
  position: number;
}

export interface IncidentTable {
  id: string;
  organisation_id: string;
  /** The owning organisation's sector when the incident was opened, for statistics. */
  sector: string | null;
  title: string;
  description: string;
  source: IncidentSource;
  reporter_user_id: string | null;
  reporter_name: string | null;
  reporter_email: string | null;
  reporter_address: string | null;
  class_key: string | null;
  type_key: string | null;
  impact: Impact;
  cii_affected: boolean;
  cii_objects: Json<string[]>;
  severity: Severity;
  status: IncidentStatus;
  /** 0 CLEAR, 1 GREEN, 2 AMBER, 3 AMBER+STRICT, 4 RED. */
  tlp: number;
  /** 0 CLEAR, 1 GREEN, 2 AMBER, 3 RED. */
  pap: number;
  assignee_user_id: string | null;
  team: string | null;
  version: ColumnType<number, number | undefined, number>;
  occurred_at: Timestamp | null;
  detected_at: Timestamp;
  reported_at: Timestamp | null;
  acknowledged_at: Timestamp | null;
  contained_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface IncidentAffectedTable {
  incident_id: string;
  organisation_id: string;
}

export interface IncidentObservableTable {
  id: string;
  incident_id: string;
  type: string;
  value: string;
  tlp: number;
  pap: number;
  created_at: DefaultTimestamp;
}

export interface IncidentTaskTable {
  id: string;
  incident_id: string;
  title: string;
  owner_user_id: string | null;
  due_at: Timestamp | null;
  done_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface IncidentTimelineTable {
  id: Generated<number>;
  incident_id: string;
  at: DefaultTimestamp;
  actor_label: string;
  action: string;
  details: Json<Record<string, unknown>>;
}

export interface IncidentAttachmentTable {
  id: string;
  incident_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  created_at: DefaultTimestamp;
}

export interface IncidentAlertTable {
  alert_id: string;
  incident_id: string;
  added_at: DefaultTimestamp;
}

export interface IncidentStageReportTable {
  incident_id: string;
  stage: ReportStage;
  form: Json<Record<string, unknown>>;
  submitted_at: DefaultTimestamp;
  submitted_by: string | null;
}

export interface IncidentDirectiveTable {
  id: string;
  incident_id: string;
  title: string;
  action: string;
  due_at: Timestamp;
  issued_by: string | null;
  issued_at: DefaultTimestamp;
}

export interface IncidentDirectiveTargetTable {
  directive_id: string;
  organisation_id: string;
  acknowledged_at: Timestamp | null;
  completed_at: Timestamp | null;
  completion_note: string | null;
  escalated_at: Timestamp | null;
}

export interface IncidentSlaBreachTable {
  incident_id: string;
  measure: SlaMeasure;
  breached_at: DefaultTimestamp;
}

export interface IncidentNotificationTable {
  id: Generated<number>;
  organisation_id: string;
  incident_id: string | null;
  kind: string;
  details: Json<Record<string, unknown>>;
  created_at: DefaultTimestamp;
}

export interface IncidentWebhookTable {
  id: string;
  organisation_id: string;
  url: string;
  secret: string;
  created_at: DefaultTimestamp;
}

export interface IncidentWebhookDeliveryTable {
  id: Generated<number>;
  webhook_id: string;
  event: string;
  body: string;
  attempts: ColumnType<number, number | undefined, number>;
  delivered_at: Timestamp | null;
  last_error: string | null;
  created_at: DefaultTimestamp;
}

export interface IncidentPowChallengeTable {
  id: string;
  difficulty: number;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface IncidentsTables {
  incident_taxonomy_classes: IncidentTaxonomyClassTable;
  incident_taxonomy_types: IncidentTaxonomyTypeTable;
  incidents: IncidentTable;
  incident_affected: IncidentAffectedTable;
  incident_observables: IncidentObservableTable;
  incident_tasks: IncidentTaskTable;
  incident_timeline: IncidentTimelineTable;
  incident_attachments: IncidentAttachmentTable;
  incident_alerts: IncidentAlertTable;
  incident_stage_reports: IncidentStageReportTable;
  incident_directives: IncidentDirectiveTable;
  incident_directive_targets: IncidentDirectiveTargetTable;
  incident_sla_breaches: IncidentSlaBreachTable;
  incident_notifications: IncidentNotificationTable;
  incident_webhooks: IncidentWebhookTable;
  incident_webhook_deliveries: IncidentWebhookDeliveryTable;
  incident_pow_challenges: IncidentPowChallengeTable;
}
