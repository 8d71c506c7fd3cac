/** Tables owned by the action-plan module: the plan as loaded from its data file, and the progress reported on it. */
import type { ColumnType } from 'kysely';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** The three result indicators of a measure, in the order they are reached. */
export const stages = ['initial', 'intermediate', 'final'] as const;
export type Stage = (typeof stages)[number];

export const indicatorStatuses = ['not_started', 'in_progress', 'achieved'] as const;
export type IndicatorStatus = (typeof indicatorStatuses)[number];

export const reportStatuses = ['submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** Which data-file versions have been loaded, so a start with an unchanged file does nothing. */
export interface PlanDataVersionTable {
  version: number;
  items: number;
  synced_at: DefaultTimestamp;
}

/** A priority, goal or measure; `retired` keeps an item a later data file dropped, with its reports. */
export interface PlanItemTable {
  id: string;
  parent_id: string | null;
  kind: 'priority' | 'goal' | 'measure';
  position: number;
  title_az: string;
  title_en: string;
  period_from: number | null;
  period_to: number | null;
  ongoing: boolean;
  period_text: string | null;
  initial_az: string | null;
  initial_en: string | null;
  intermediate_az: string | null;
  intermediate_en: string | null;
  final_az: string | null;
  final_en: string | null;
  /** JSON text: the executors the seed names in words, [{ az, en }]. */
  other_executors: string;
  data_version: number;
  retired: boolean;
}

/** An executing agency of a measure, with the person it names as responsible. */
export interface PlanExecutorTable {
  item_id: string;
  organisation_id: string;
  acronym: string;
  lead: boolean;
  recommended: boolean;
  position: number;
  responsible_name: string | null;
  responsible_contact: string | null;
}

export interface PlanIndicatorTable {
  item_id: string;
  stage: Stage;
  status: IndicatorStatus;
  updated_at: DefaultTimestamp;
}

/** An agency's progress report on one indicator stage of a measure. */
export interface PlanReportTable {
  id: string;
  item_id: string;
  organisation_id: string;
  stage: Stage;
  stage_status: Exclude<IndicatorStatus, 'not_started'>;
  text_az: string;
  text_en: string;
  percent: number;
  /** A calendar day, "YYYY-MM-DD". */
  report_date: string;
  status: ReportStatus;
  submitted_by: string;
  submitted_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  coordinator_comment: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

export interface PlanEvidenceTable {
  id: string;
  report_id: string;
  position: number;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  created_at: DefaultTimestamp;
}

export interface PlanTables {
  plan_data_versions: PlanDataVersionTable;
  plan_items: PlanItemTable;
  plan_executors: PlanExecutorTable;
  plan_indicators: PlanIndicatorTable;
  plan_reports: PlanReportTable;
  plan_evidence: PlanEvidenceTable;
}
