/**
 * @qalxan/detect-engine — Sigma rules (detection, correlation, filters) compiled to fast matchers,
 * field-mapping profiles, and an indicator (IOC) store. The event pipeline and `qalxan hunt` use
 * only what is exported here.
 */
export { parseRulePath, parseRuleText, listRuleFiles, parseTimespan, type ParsedRules } from './sigma/load.ts';
export type { AnyRule, DetectionRule, CorrelationRule, FilterRule, LogSource, Rejection, RuleMeta, Threshold, CorrelationType } from './sigma/rule-types.ts';
export { RuleError } from './sigma/errors.ts';
export { compileRuleRegex, findBacktrackingHazard } from './sigma/regex.ts';
export { DetectionEngine, type EngineOptions } from './engine/engine.ts';
export { loadMapping, parseMapping, mergeMappings, MAPPINGS_DIR, DEFAULT_PROFILES, type Mapping } from './engine/mapping.ts';
export { loadRules, type LoadedRules } from './engine/load-rules.ts';
export { IndicatorStore, TLP, type IndicatorInput, type IndicatorHit, type Tlp } from './ioc/store.ts';
export { loadIndicatorFile, type IndicatorLoad } from './ioc/load.ts';
export { normalizeUrl, normalizeDomain, inferType, type IndicatorType } from './ioc/normalize.ts';
export { parseIP, parseCidr, inCidr, type Cidr } from './ioc/ip.ts';
export { CorrelationEngine, eventTime, type CorrelationMatch, type CorrelationOptions } from './engine/correlation.ts';
export { readEvents, type InputRecord, type InputFormat } from './input/events.ts';
export { flattenWindowsEvent } from './input/flatten.ts';
export { renderRejections } from './report/rejections.ts';
