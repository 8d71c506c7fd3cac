/**
 * @qalxan/stix-pattern — the STIX 2.1 patterning language without a server: parse (with errors
 * that say where), match against observations, and reduce simple patterns to plain indicators.
 * Consumers import only what is exported here.
 */
export type { Pattern, Observation, Comparison, ComparisonOperator, Literal, ObjectPath, PathStep, Qualifier } from './ast.ts';
export { PatternError } from './errors.ts';
export { parsePattern, checkPattern } from './parser.ts';
export { matchEvent, matchObservations, type Observed, type ScoObject } from './match.ts';
export { extractIndicators, patternFor, type Extraction, type IndicatorKind, type PlainIndicator } from './extract.ts';
