/**
 * The detection content a worker runs: one engine for national rules (rule files from
 * QALXAN_DETECT_RULES_DIR plus national rules in the database), one per organisation that has
 * its own rules, and indicator stores likewise. Built whole and swapped in on reload, so a
 * change never leaves a worker half-updated.
 */
import {
  CorrelationEngine, DetectionEngine, IndicatorStore, loadRules, parseRuleText,
  type AnyRule, type CorrelationRule, type DetectionRule, type IndicatorHit, type Tlp,
} from '@qalxan/detect-engine';
import type { Executor } from '../../db/database.ts';
import * as content from './content.store.ts';

/** One thing that fired on an event, whatever kind of content it came from. */
export interface Match {
  kind: 'sigma' | 'correlation' | 'indicator';
  id: string;
  title: string;
  severity: string;
  techniques: string[];
}

interface Scope {
  engine: DetectionEngine | null;
  indicators: IndicatorStore | null;
}

const levels = ['informational', 'low', 'medium', 'high', 'critical'];

function severityOf(level: string): string {
  return levels.includes(level) ? level : 'medium';
}

function indicatorSeverity(confidence: number): string {
  return confidence >= 80 ? 'high' : confidence >= 50 ? 'medium' : 'low';
}

/** A built ruleset; `match` is called once per event on the worker's hot path. */
export class Ruleset {
  private correlations = new Map<string, CorrelationEngine>();

  private constructor(
    readonly version: number,
    private readonly national: Scope,
    private readonly perOrg: Map<string, Scope>,
    readonly ruleCount: number,
  ) {}

  /** Loads content from files and the database; file rules are parsed once and reused. */
  static async load(db: Executor, fileRules: AnyRule[]): Promise<Ruleset> {
    const version = await content.contentVersion(db);
    const rows = await content.enabledRules(db);
    const byOrg = new Map<string | null, AnyRule[]>([[null, [...fileRules]]]);
    for (const row of rows) {
      const parsed = parseRuleText(row.yaml, `db:${row.id}`);
      const list = byOrg.get(row.organisation_id) ?? [];
      list.push(...parsed.rules);
      byOrg.set(row.organisation_id, list);
    }
    const indicatorsByOrg = new Map<string | null, IndicatorStore>();
    for (const i of await content.enabledIndicators(db)) {
      let store = indicatorsByOrg.get(i.organisation_id);
      if (!store) indicatorsByOrg.set(i.organisation_id, (store = new IndicatorStore()));
      store.add({
        type: i.type as never, value: i.value, confidence: i.confidence, tlp: i.tlp as Tlp, source: i.source,
        validFrom: i.valid_from ? new Date(i.valid_from).getTime() : undefined, validUntil: i.valid_until ? new Date(i.valid_until).getTime() : undefined,
      });
    }
    const build = (rules: AnyRule[] | undefined): DetectionEngine | null => {
      if (!rules?.length) return null;
      const engine = new DetectionEngine();
      engine.addRules(rules);
      return engine;
    };
    const national: Scope = { engine: build(byOrg.get(null)), indicators: indicatorsByOrg.get(null) ?? null };
    const perOrg = new Map<string, Scope>();
    for (const org of new Set([...byOrg.keys(), ...indicatorsByOrg.keys()])) {
      if (org === null) continue;
      perOrg.set(org, { engine: build(byOrg.get(org)), indicators: indicatorsByOrg.get(org) ?? null });
    }
    const ruleCount = [...byOrg.values()].reduce((n, l) => n + l.length, 0);
    return new Ruleset(version, national, perOrg, ruleCount);
  }

  /** Rule files parsed once per process (the SigmaHQ corpus takes seconds to parse). */
  static parseFiles(dirs: readonly string[]): AnyRule[] {
    if (dirs.length === 0) return [];
    const { engine } = loadRules([...dirs]);
    return [...engine.rules, ...engine.correlations, ...engine.filters];
  }

  private correlationFor(org: string, engines: (DetectionEngine | null)[]): CorrelationEngine | null {
    let c = this.correlations.get(org);
    if (c) return c;
    const rules: CorrelationRule[] = engines.flatMap((e) => e?.correlations ?? []);
    if (rules.length === 0) return null;
    c = new CorrelationEngine(rules, { maxGroups: 10_000 });
    this.correlations.set(org, c);
    return c;
  }

  /** Everything that fires on one event of an organisation. */
  match(organisationId: string, event: Record<string, unknown>, timeMs: number): Match[] {
    const own = this.perOrg.get(organisationId);
    const out: Match[] = [];
    const fired: DetectionRule[] = [];
    for (const scope of own ? [this.national, own] : [this.national]) {
      if (scope.engine) fired.push(...scope.engine.match(event));
      if (scope.indicators && scope.indicators.size > 0) {
        const seen = new Set<string>();
        for (const hit of scope.indicators.lookupEvent(event, timeMs)) {
          const key = `${hit.type}:${hit.indicator}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push(indicatorMatch(hit, key));
        }
      }
    }
    for (const r of fired) out.push({ kind: 'sigma', id: r.id, title: r.title, severity: severityOf(r.level), techniques: r.techniques });
    if (fired.length) {
      const corr = this.correlationFor(organisationId, [this.national.engine, own?.engine ?? null]);
      for (const c of corr?.observe(event, fired, timeMs) ?? []) {
        out.push({ kind: 'correlation', id: c.rule.id, title: c.rule.title, severity: severityOf(c.rule.level), techniques: c.rule.techniques });
      }
    }
    return out;
  }
}

function indicatorMatch(hit: IndicatorHit & { field: string }, key: string): Match {
  return { kind: 'indicator', id: `ioc:${key}`, title: `Indicator ${hit.type} ${hit.indicator} (${hit.source})`, severity: indicatorSeverity(hit.confidence), techniques: [] };
}
