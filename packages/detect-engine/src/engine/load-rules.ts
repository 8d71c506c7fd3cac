import { parseRulePath } from '../sigma/load.ts';
import type { Rejection } from '../sigma/rule-types.ts';
import { DetectionEngine, type EngineOptions } from './engine.ts';

/** An engine loaded from disk, with every rejection (parse and compile) in one list. */
export interface LoadedRules {
  engine: DetectionEngine;
  /** Rules that loaded (detection, correlation and filter rules). */
  loaded: number;
  rejected: Rejection[];
}

/**
 * Parses and compiles all rules under the given paths: the one call hunting and the pipeline
 * need. Bad rules are rejected with file, id and reason; the rest load.
 */
export function loadRules(paths: string[], opts: EngineOptions = {}): LoadedRules {
  const engine = new DetectionEngine(opts);
  const rejected: Rejection[] = [];
  const all = [];
  for (const p of paths) {
    const parsed = parseRulePath(p);
    rejected.push(...parsed.rejected);
    all.push(...parsed.rules);
  }
  rejected.push(...engine.addRules(all));
  const loaded = engine.rules.length + engine.correlations.length + engine.filters.length - rejected.filter((r) => r.reason.startsWith('filter:')).length;
  return { engine, loaded, rejected };
}
