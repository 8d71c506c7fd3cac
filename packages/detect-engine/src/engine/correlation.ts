import type { CorrelationRule, DetectionRule, Threshold } from '../sigma/rule-types.ts';

/** A correlation rule that fired, with the group it fired for and the window it saw. */
export interface CorrelationMatch {
  rule: CorrelationRule;
  group: Record<string, string>;
  /** Events counted (event_count), distinct values (value_count) or rules seen (temporal). */
  value: number;
  firstMs: number;
  lastMs: number;
}

/** Limits that keep correlation state bounded whatever the input. */
export interface CorrelationOptions {
  /** Most group states kept per correlation rule; the oldest are dropped beyond it. */
  maxGroups?: number;
  /** Most timestamps (or distinct values) kept per group. */
  maxEventsPerGroup?: number;
}

interface GroupState {
  times: number[];
  /** value_count: value → last time seen. temporal: rule index → times seen. */
  values: Map<string, number>;
  seen: number[][];
  last: number;
}

function meets(t: Threshold, n: number): boolean {
  return (
    (t.gt === undefined || n > t.gt) &&
    (t.gte === undefined || n >= t.gte) &&
    (t.lt === undefined || n < t.lt) &&
    (t.lte === undefined || n <= t.lte) &&
    (t.eq === undefined || n === t.eq)
  );
}

/**
 * Sliding-window correlation over detection matches (Sigma correlation rules). State is per
 * (rule, group-by values), holds only what lies inside the timespan, expires as event time moves
 * on, and is capped by `maxGroups`, so memory stays bounded on endless streams. Events must come
 * in roughly time order; a late event only sees what is still in the window.
 */
export class CorrelationEngine {
  private readonly maxGroups: number;
  private readonly maxPerGroup: number;
  private readonly byRule = new Map<string, CorrelationRule[]>();
  private readonly state = new Map<CorrelationRule, Map<string, GroupState>>();

  constructor(
    readonly rules: CorrelationRule[],
    opts: CorrelationOptions = {},
  ) {
    this.maxGroups = opts.maxGroups ?? 100_000;
    this.maxPerGroup = opts.maxEventsPerGroup ?? 10_000;
    for (const c of rules) {
      this.state.set(c, new Map());
      for (const ref of c.rules) {
        const list = this.byRule.get(ref) ?? [];
        list.push(c);
        this.byRule.set(ref, list);
      }
    }
  }

  /** Feeds the detection rules that fired on one event (at `timeMs`); returns correlations that fire. */
  observe(event: Record<string, unknown>, fired: DetectionRule[], timeMs: number): CorrelationMatch[] {
    const out: CorrelationMatch[] = [];
    for (const r of fired) {
      const cs = new Set([...(this.byRule.get(r.id) ?? []), ...(r.name ? this.byRule.get(r.name) ?? [] : [])]);
      for (const c of cs) {
        const m = this.step(c, r, event, timeMs);
        if (m) out.push(m);
      }
    }
    return out;
  }

  /** Number of live group states, for monitoring memory. */
  get groups(): number {
    let n = 0;
    for (const m of this.state.values()) n += m.size;
    return n;
  }

  private step(c: CorrelationRule, r: DetectionRule, event: Record<string, unknown>, t: number): CorrelationMatch | null {
    const groups = this.state.get(c)!;
    const groupVals = c.groupBy.map((f) => String(event[f] ?? ''));
    const key = groupVals.join('\u001f');
    let g = groups.get(key);
    if (!g) {
      if (groups.size >= this.maxGroups) this.evict(groups, t - c.timespanMs);
      g = { times: [], values: new Map(), seen: c.rules.map(() => []), last: t };
      groups.set(key, g);
    } else {
      // re-insert so Map order stays least-recently-used first
      groups.delete(key);
      groups.set(key, g);
    }
    g.last = t;
    const start = t - c.timespanMs;
    let value: number;
    let first = t;
    if (c.type === 'event_count') {
      g.times.push(t);
      while (g.times.length && (g.times[0] < start || g.times.length > this.maxPerGroup)) g.times.shift();
      value = g.times.length;
      first = g.times[0];
    } else if (c.type === 'value_count') {
      const v = event[c.field!];
      if (v !== undefined && v !== null) {
        g.values.delete(String(v));
        g.values.set(String(v), t);
      }
      for (const [k, seenAt] of g.values) {
        if (seenAt >= start && g.values.size <= this.maxPerGroup) break;
        g.values.delete(k);
      }
      value = g.values.size;
      for (const seenAt of g.values.values()) first = Math.min(first, seenAt);
    } else {
      const idx = c.rules.findIndex((x) => x === r.id || x === r.name);
      g.seen[idx].push(t);
      for (const s of g.seen) while (s.length && (s[0] < start || s.length > this.maxPerGroup)) s.shift();
      if (c.type === 'temporal') {
        value = g.seen.filter((s) => s.length > 0).length;
        for (const s of g.seen) if (s.length) first = Math.min(first, s[0]);
      } else {
        // temporal_ordered: how many referenced rules fired in order within the window
        let cursor = -Infinity;
        value = 0;
        for (const s of g.seen) {
          const next = s.find((x) => x >= cursor);
          if (next === undefined) break;
          if (value === 0) first = next;
          cursor = next;
          value++;
        }
      }
    }
    if (!meets(c.condition, value)) return null;
    const group: Record<string, string> = {};
    c.groupBy.forEach((f, i) => (group[f] = groupVals[i]));
    // Start a fresh window so one burst fires once, not on every further event.
    groups.delete(key);
    return { rule: c, group, value, firstMs: first, lastMs: t };
  }

  /** Drops expired groups, and the least recently used if still over the cap. */
  private evict(groups: Map<string, GroupState>, before: number): void {
    for (const [k, g] of groups) if (g.last < before) groups.delete(k);
    for (const k of groups.keys()) {
      if (groups.size < this.maxGroups) break;
      groups.delete(k);
    }
  }
}

/** Reads an event's time: the first of the usual timestamp fields that parses, else `fallbackMs`. */
export function eventTime(event: Record<string, unknown>, fallbackMs: number): number {
  for (const f of ['@timestamp', 'timestamp', 'SystemTime', 'UtcTime', 'TimeCreated', 'time']) {
    const v = event[f];
    if (typeof v === 'number') return v > 1e12 ? v : v * 1000;
    if (typeof v === 'string') {
      const ms = Date.parse(/^\d{4}-\d\d-\d\d \d/.test(v) ? v.replace(' ', 'T') + 'Z' : v);
      if (!Number.isNaN(ms)) return ms;
    }
  }
  return fallbackMs;
}
