/**
 * The syntax tree of a STIX 2.1 pattern, as the specification's grammar names its parts:
 * observation expressions (in square brackets, joined by AND / OR / FOLLOWEDBY and qualified
 * by WITHIN / REPEATS / START…STOP) made of comparison expressions over object paths.
 */

/** A literal value; timestamps and binaries keep their kind so comparisons can honour it. */
export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'timestamp'; value: string; ms: number }
  | { kind: 'binary'; value: Uint8Array }
  | { kind: 'hex'; value: Uint8Array };

/** One step after the object type: a property name, a list index, or any list element. */
export type PathStep = { kind: 'property'; name: string } | { kind: 'index'; index: number } | { kind: 'any' };

/** `file:hashes.'SHA-256'` is { objectType: 'file', steps: [hashes, SHA-256] }. */
export interface ObjectPath {
  objectType: string;
  steps: PathStep[];
}

export type ComparisonOperator = '=' | '!=' | '>' | '<' | '>=' | '<=' | 'IN' | 'LIKE' | 'MATCHES' | 'ISSUBSET' | 'ISSUPERSET';

export type Comparison =
  | { kind: 'test'; path: ObjectPath; operator: ComparisonOperator; negated: boolean; value: Literal | Literal[] }
  | { kind: 'exists'; path: ObjectPath }
  | { kind: 'and' | 'or'; operands: Comparison[] };

export type Qualifier =
  | { kind: 'within'; seconds: number }
  | { kind: 'repeats'; times: number }
  | { kind: 'startStop'; start: number; stop: number };

export type Observation =
  | { kind: 'observation'; comparison: Comparison }
  | { kind: 'and' | 'or' | 'followedBy'; operands: Observation[] }
  | { kind: 'qualified'; expression: Observation; qualifier: Qualifier };

/** A parsed pattern; `source` is the text it came from. */
export interface Pattern {
  source: string;
  root: Observation;
}
