/** Tables owned by the CII module: objects, dependencies, recovery plans and exercises. */
import type { ColumnType } from 'kysely';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A JSON column: read as T, written as its JSON text. */
type Json<T> = ColumnType<T, string, string>;

export const criticalities = ['I', 'II', 'III'] as const;
export type Criticality = (typeof criticalities)[number];
export const strengths = ['low', 'medium', 'high'] as const;
export type Strength = (typeof strengths)[number];
export const dependencyKinds = ['power', 'telecom', 'data', 'financial', 'transport', 'water', 'fuel', 'service', 'other'] as const;
export type DependencyKind = (typeof dependencyKinds)[number];
export const exerciseResults = ['passed', 'partial', 'failed'] as const;
export type ExerciseResult = (typeof exerciseResults)[number];

/** A responsible person to call. */
export interface Contact {
  name: string;
  role: string;
  phone: string;
  email: string;
}

/** One step of a recovery plan. */
export interface RecoveryStep {
  title: string;
  owner: string;
  durationHours: number | null;
}

export interface CiiObjectTable {
  id: string;
  organisation_id: string;
  name: string;
  sector: string;
  services: Json<string[]>;
  criticality: Criticality;
  location: string;
  systems: Json<string[]>;
  contacts: Json<Contact[]>;
  tolerance_hours: number;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface CiiDependencyTable {
  id: string;
  organisation_id: string;
  dependent_id: string;
  supplier_id: string;
  kind: DependencyKind;
  strength: Strength;
  created_at: DefaultTimestamp;
}

export interface CiiRecoveryPlanTable {
  id: string;
  object_id: string;
  organisation_id: string;
  rto_hours: number;
  rpo_hours: number;
  steps: Json<RecoveryStep[]>;
  contacts: Json<Contact[]>;
  depends_on: Json<string[]>;
  review_date: string | null;
  version: number;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface CiiExerciseTable {
  id: string;
  plan_id: string;
  organisation_id: string;
  held_on: string;
  result: ExerciseResult;
  findings: string;
  created_at: DefaultTimestamp;
}

export interface CiiTables {
  cii_objects: CiiObjectTable;
  cii_dependencies: CiiDependencyTable;
  cii_recovery_plans: CiiRecoveryPlanTable;
  cii_exercises: CiiExerciseTable;
}
