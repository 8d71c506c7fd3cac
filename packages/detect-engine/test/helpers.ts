import { DetectionEngine, mergeMappings, parseRuleText, type EngineOptions } from '../src/index.ts';

/** An engine with no mapping profile, so rule fields are event fields as written. */
export function bareEngine(opts: EngineOptions = {}): DetectionEngine {
  return new DetectionEngine({ mapping: mergeMappings([]), ...opts });
}

/** Builds a one-rule engine from a detection block written as YAML (indented by 4). */
export function ruleEngine(detectionYaml: string, opts: EngineOptions = {}): DetectionEngine {
  const text = `title: t\nid: r1\nlogsource:\n  product: test\ndetection:\n${detectionYaml}`;
  const parsed = parseRuleText(text, 'inline.yml');
  if (parsed.rejected.length) throw new Error(parsed.rejected[0].reason);
  const e = bareEngine(opts);
  const rej = e.addRules(parsed.rules);
  if (rej.length) throw new Error(rej[0].reason);
  return e;
}

/** True when the detection block matches the event. */
export function matches(detectionYaml: string, event: Record<string, unknown>, opts: EngineOptions = {}): boolean {
  return ruleEngine(detectionYaml, opts).match(event).length > 0;
}

/** The rejection reason for a detection block, or null when it loads. */
export function rejection(detectionYaml: string): string | null {
  try {
    ruleEngine(detectionYaml);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
