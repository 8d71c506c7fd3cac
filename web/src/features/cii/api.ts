/** The CII API as the web app uses it, with the shapes of its answers. */
import { api, query } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';
import type { reach } from '../../../../src/modules/cii/cii.analysis.ts';
import type { Exercise, RecoveryPlan } from '../../../../src/modules/cii/cii.plans.ts';
import type { ExerciseBody } from '../../../../src/modules/cii/cii.schema.ts';
import type { ExerciseResult } from '../../../../src/modules/cii/cii.tables.ts';

export type Strength = 'low' | 'medium' | 'high';
export const strengths: readonly Strength[] = ['low', 'medium', 'high'];
export const dependencyKinds = ['power', 'telecom', 'data', 'financial', 'transport', 'water', 'fuel', 'service', 'other'] as const;
export type DependencyKind = (typeof dependencyKinds)[number];

export interface CiiObject {
  id: string;
  organisationId: string;
  name: string;
  sector: string;
  services: string[];
  criticality: 'I' | 'II' | 'III';
  location: string;
  systems: string[];
  toleranceHours: number;
}

export interface DirectoryEntry {
  id: string;
  name: string;
  sector: string;
  operator: string;
}

export interface Dependency {
  id: string;
  dependentId: string;
  supplierId: string;
  kind: DependencyKind;
  strength: Strength;
}

export interface CascadeImpact {
  id: string;
  name: string;
  operator: string;
  sector: string;
  state: 'failed' | 'degraded';
  atHours: number;
  restoredAtHours: number | null;
  causeId: string | null;
  order: number;
}

export interface CascadeReport {
  impacts: CascadeImpact[];
  sectors: { sector: string; failed: number; degraded: number; firstAtHours: number }[];
  links: { source: string; target: string; kind: DependencyKind; strength: Strength }[];
}

export type { Exercise, ExerciseBody, ExerciseResult, RecoveryPlan };
export const exerciseResults: readonly ExerciseResult[] = ['passed', 'partial', 'failed'];

/** One ranked object of the reverse cascade: how many objects and sectors its failure reaches. */
export type ReachEntry = Awaited<ReturnType<typeof reach>>[number];

export interface ObjectInput {
  organisationId: string;
  name: string;
  sector: string;
  criticality: 'I' | 'II' | 'III';
  location: string;
  services: string[];
  systems: string[];
  toleranceHours: number;
}

const id = (value: string) => encodeURIComponent(value);

export const ciiApi = {
  objects: () => api<Items<CiiObject>>('GET', '/cii/objects'),
  createObject: (input: ObjectInput) => api<CiiObject>('POST', '/cii/objects', input),
  directory: () => api<Items<DirectoryEntry>>('GET', '/cii/directory'),
  dependencies: () => api<Items<Dependency>>('GET', '/cii/dependencies'),
  addDependency: (input: Omit<Dependency, 'id'>) => api<Dependency>('POST', '/cii/dependencies', input),
  removeDependency: (depId: string) => api<void>('DELETE', `/cii/dependencies/${id(depId)}`),
  cascade: (failedIds: string[], outageHours?: number) => api<CascadeReport>('POST', '/cii/cascade', { failedIds, ...(outageHours ? { outageHours } : {}) }),
  plans: () => api<Items<RecoveryPlan>>('GET', '/cii/plans'),
  savePlan: (objectId: string, input: { rtoHours: number; rpoHours: number; steps: { title: string; owner: string; durationHours: number | null }[]; reviewDate: string | null }) =>
    api<RecoveryPlan>('PUT', `/cii/objects/${id(objectId)}/plan`, input),
  addExercise: (planId: string, input: ExerciseBody) => api<Exercise>('POST', `/cii/plans/${id(planId)}/exercises`, input),
  reach: (limit?: number) => api<Items<ReachEntry>>('GET', `/cii/reach${query({ limit })}`),
};
