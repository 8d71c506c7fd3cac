/** Tables owned by the risk module: the threat taxonomy, register scales, risks and their versions. */
import type { ColumnType } from 'kysely';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A JSON column: read as T, written as its JSON text. */
type Json<T> = ColumnType<T, string, string>;

export const treatments = ['mitigate', 'accept', 'transfer', 'avoid'] as const;
export type Treatment = (typeof treatments)[number];
export const riskLevels = ['organisation', 'national'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const riskStatuses = ['open', 'accepted', 'closed'] as const;
export type RiskStatus = (typeof riskStatuses)[number];
export const procedureStatuses = ['draft', 'agreed', 'approved'] as const;
export type ProcedureStatus = (typeof procedureStatuses)[number];
export type ThreatSource = 'enisa' | 'strategy' | 'custom';

/** One step of a treatment plan. */
export interface RiskAction {
  title: string;
  dueDate: string | null;
  cost: number | null;
  done: boolean;
}

/** A co-executor's agreement to a national risk entry. */
export interface Agreement {
  organisationId: string;
  userId: string;
  at: string;
}

export interface ThreatCategoryTable {
  key: string;
  source: string;
  name_az: string;
  name_en: string;
}

export interface ThreatClassTable {
  key: string;
  category_key: string;
  source: ThreatSource;
  name_az: string;
  name_en: string;
  description: string | null;
  attack_ids: Json<string[]>;
  version: number;
  taxonomy_version: number;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface ThreatClassVersionTable {
  key: string;
  version: number;
  snapshot: Json<Record<string, unknown>>;
  changed_by: string;
  at: DefaultTimestamp;
}

export interface RiskRegisterTable {
  id: string;
  organisation_id: string | null;
  likelihood_levels: number;
  impact_levels: number;
  updated_at: DefaultTimestamp;
}

export interface RiskTable {
  id: string;
  level: RiskLevel;
  organisation_id: string;
  title: string;
  description: string;
  asset: string | null;
  cii_object_id: string | null;
  sector: string | null;
  threat_class_key: string;
  vulnerability: string;
  controls: string;
  likelihood: number;
  impact_people: number;
  impact_economy: number;
  impact_state: number;
  impact_sectors: number;
  inherent_score: number;
  residual_likelihood: number | null;
  residual_impact: number | null;
  residual_score: number | null;
  owner: string;
  treatment: Treatment;
  actions: Json<RiskAction[]>;
  review_date: string | null;
  incident_ids: Json<string[]>;
  status: RiskStatus;
  accepted_by: string | null;
  accepted_at: Timestamp | null;
  acceptance_expires_on: string | null;
  acceptance_note: string | null;
  procedure_status: ProcedureStatus | null;
  co_executors: Json<string[]>;
  agreements: Json<Agreement[]>;
  source_risk_id: string | null;
  escalated_risk_id: string | null;
  version: number;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface RiskVersionTable {
  risk_id: string;
  version: number;
  action: string;
  snapshot: Json<Record<string, unknown>>;
  actor_label: string;
  at: DefaultTimestamp;
}

export interface RiskTables {
  threat_categories: ThreatCategoryTable;
  threat_classes: ThreatClassTable;
  threat_class_versions: ThreatClassVersionTable;
  risk_registers: RiskRegisterTable;
  risks: RiskTable;
  risk_versions: RiskVersionTable;
}
