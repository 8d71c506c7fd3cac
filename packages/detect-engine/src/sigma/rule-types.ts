/** The log source a rule applies to, as written in the rule. */
export interface LogSource {
  product?: string;
  category?: string;
  service?: string;
}

/** Metadata every kind of rule carries, kept for reports, hunting output and ATT&CK mapping. */
export interface RuleMeta {
  id: string;
  name?: string;
  title: string;
  status?: string;
  level: string;
  description?: string;
  tags: string[];
  /** ATT&CK technique IDs taken from tags such as `attack.t1059.001` → `T1059.001`. */
  techniques: string[];
  references: string[];
  falsepositives: string[];
  fields: string[];
  /** The file the rule came from and its document index inside it (multi-document files). */
  file: string;
  doc: number;
}

/** A detection rule: a log source and a detection block, compiled later against a mapping profile. */
export interface DetectionRule extends RuleMeta {
  kind: 'detection';
  logsource: LogSource;
  detection: Record<string, unknown>;
}

/** The correlation types of the Sigma correlation specification. */
export type CorrelationType = 'event_count' | 'value_count' | 'temporal' | 'temporal_ordered';

/** A threshold such as `{ gte: 10 }`; all given bounds must hold. */
export interface Threshold {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  eq?: number;
}

/** A correlation rule: fires when referenced rules match in a pattern within a time window. */
export interface CorrelationRule extends RuleMeta {
  kind: 'correlation';
  type: CorrelationType;
  /** Referenced rules by id or name. */
  rules: string[];
  groupBy: string[];
  timespanMs: number;
  condition: Threshold;
  /** The field whose distinct values `value_count` counts. */
  field?: string;
  /** Whether matches of the referenced rules are reported on their own too. */
  generate: boolean;
}

/** A filter rule: an extra condition ANDed onto referenced rules, to exclude known-benign matches. */
export interface FilterRule extends RuleMeta {
  kind: 'filter';
  logsource: LogSource;
  rules: string[];
  detection: Record<string, unknown>;
}

/** Any rule the loader understands. */
export type AnyRule = DetectionRule | CorrelationRule | FilterRule;

/** A rule that could not be loaded, with enough to find and fix it. */
export interface Rejection {
  file: string;
  id?: string;
  title?: string;
  reason: string;
}
