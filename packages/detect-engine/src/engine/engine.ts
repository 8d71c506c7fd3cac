import { EventView, FieldTable } from '../sigma/event-view.ts';
import { compileDetection } from '../sigma/detection.ts';
import { RuleError } from '../sigma/errors.ts';
import { allOf, type CompileEnv, type Pred } from '../sigma/field-condition.ts';
import type { AnyRule, CorrelationRule, DetectionRule, FilterRule, Rejection } from '../sigma/rule-types.ts';
import { entriesFor, loadMapping, type LogSourceEntry, type Mapping } from './mapping.ts';
import { PrefilterIndex } from './prefilter.ts';

/** Options for building an engine. */
export interface EngineOptions {
  /** Mapping profile; defaults to the shipped Windows + auditd + web + firewall profiles. */
  mapping?: Mapping;
  /** Values for `%name%` placeholders used with the `expand` modifier. */
  placeholders?: Record<string, string[]>;
}

/** A detection rule that fired on an event. */
export interface RuleMatch {
  rule: DetectionRule;
}

interface Variant {
  rule: DetectionRule;
  pred: Pred;
}

const ANY = '*';
const FOREIGN = '\u0000foreign';

/**
 * Compiled detection rules with dispatch: each rule is compiled once per event source its log
 * source maps to, and stored in buckets keyed by the dispatch fields (Channel, EventID…). An
 * event reaches the buckets of its own key, the wildcard ones, and inside each bucket only the
 * rules the prefilter index lets through.
 */
export class DetectionEngine {
  readonly mapping: Mapping;
  readonly fields = new FieldTable();
  readonly rules: DetectionRule[] = [];
  readonly correlations: CorrelationRule[] = [];
  readonly filters: FilterRule[] = [];
  readonly rejected: Rejection[] = [];
  private variants: Variant[] = [];
  private buckets = new Map<string, number[]>();
  private merged = new Map<string, PrefilterIndex>();
  private placeholders: Map<string, string[]>;
  private view: EventView;
  private seen = new Uint32Array(0);
  private stamp = 0;
  private cand: number[] = [];
  private dispatchFids: number[];

  constructor(opts: EngineOptions = {}) {
    this.mapping = opts.mapping ?? loadMapping();
    this.placeholders = new Map(Object.entries(opts.placeholders ?? {}));
    this.view = new EventView(this.fields);
    this.dispatchFids = this.mapping.dispatch.map((f) => this.fields.id(f));
  }

  /**
   * Compiles rules; filters are applied to the rules they reference (so add them in the same
   * call). Returns the rules rejected in this call; they are also kept in `rejected`.
   */
  addRules(rules: AnyRule[]): Rejection[] {
    const rejected: Rejection[] = [];
    const filters = rules.filter((r): r is FilterRule => r.kind === 'filter');
    this.filters.push(...filters);
    for (const r of rules) {
      if (r.kind === 'correlation') this.correlations.push(r);
      if (r.kind !== 'detection') continue;
      try {
        this.compileRule(r, filters);
        this.rules.push(r);
      } catch (e) {
        if (!(e instanceof RuleError)) throw e;
        rejected.push({ file: r.file, id: r.id, title: r.title, reason: e.message });
      }
    }
    for (const f of filters) {
      try {
        for (const e of this.sourcesOf(f)) compileDetection(f.detection, this.envFor(e));
      } catch (e) {
        if (!(e instanceof RuleError)) throw e;
        rejected.push({ file: f.file, id: f.id, title: f.title, reason: `filter: ${e.message}` });
      }
    }
    this.merged.clear();
    this.rejected.push(...rejected);
    return rejected;
  }

  private sourcesOf(r: DetectionRule | FilterRule): (LogSourceEntry | null)[] {
    const es = entriesFor(this.mapping, r.logsource);
    return es.length > 0 ? es : [null];
  }

  private envFor(e: LogSourceEntry | null): CompileEnv {
    const m = this.mapping;
    return {
      fields: this.fields,
      placeholders: this.placeholders,
      mapField: (name) => {
        const mapped = e?.fieldmappings[name] ?? m.fieldmappings[name];
        if (mapped) return mapped;
        return m.fallback ? [name, m.fallback.replace('{field}', name)] : [name];
      },
    };
  }

  private compileRule(r: DetectionRule, filters: FilterRule[]): void {
    const mine = filters.filter((f) => f.rules.length === 0 || f.rules.includes(r.id) || (r.name !== undefined && f.rules.includes(r.name)));
    const staged: { key: string[]; v: Variant; atoms: ReturnType<typeof compileDetection>['atoms'] }[] = [];
    for (const e of this.sourcesOf(r)) {
      const env = this.envFor(e);
      const det = compileDetection(r.detection, env);
      const parts: Pred[] = [];
      // Conditions on non-dispatch fields (and dispatch values, when events lack them) run as a guard.
      for (const [field, vals] of Object.entries(e?.conditions ?? {})) {
        if (this.mapping.dispatch.includes(field)) continue;
        const fid = this.fields.id(field);
        const want = new Set(vals.map((x) => x.toLowerCase()));
        parts.push((v) => {
          const s = v.lower(fid);
          return typeof s === 'string' ? want.has(s) : Array.isArray(s) && s.some((x) => want.has(x));
        });
      }
      parts.push(det.pred);
      for (const f of mine) {
        if (f.logsource.category !== r.logsource.category || f.logsource.service !== r.logsource.service) continue;
        parts.push(compileDetection(f.detection, env).pred);
      }
      staged.push({ key: this.keysFor(r, e), v: { rule: r, pred: allOf(parts) }, atoms: det.atoms });
    }
    for (const s of staged) {
      const id = this.variants.length;
      this.variants.push(s.v);
      this.atomsOf.push(s.atoms);
      for (const k of s.key) {
        const b = this.buckets.get(k);
        if (b) b.push(id);
        else this.buckets.set(k, [id]);
      }
    }
  }

  private atomsOf: ReturnType<typeof compileDetection>['atoms'][] = [];

  /** Dispatch keys of a variant: the cartesian product of its dispatch condition values. */
  private keysFor(r: DetectionRule, e: LogSourceEntry | null): string[] {
    const d = this.mapping.dispatch;
    const hasDispatch = e !== null && d.some((f) => e.conditions[f]?.length);
    if (!hasDispatch) {
      // Rules for other products (auditd, cloud…) only meet events that carry no dispatch fields.
      const home = r.logsource.product === undefined || this.mapping.products.has(r.logsource.product);
      return [home ? d.map(() => ANY).join('\u001f') : FOREIGN];
    }
    let keys = [''];
    d.forEach((f, i) => {
      const vals = e!.conditions[f]?.length ? e!.conditions[f].map((x) => x.toLowerCase()) : [ANY];
      keys = keys.flatMap((k) => vals.map((v) => (i === 0 ? v : k + '\u001f' + v)));
    });
    return keys;
  }

  /** The prefilter index for an event's dispatch key, built on first use from the matching buckets. */
  private indexFor(actual: string[]): PrefilterIndex {
    const key = actual.join('\u001f');
    let idx = this.merged.get(key);
    if (idx) return idx;
    const ids = new Set<number>();
    const none = actual.every((a) => a === '');
    const combos = (i: number, acc: string[]): void => {
      if (i === actual.length) {
        for (const id of this.buckets.get(acc.join('\u001f')) ?? []) ids.add(id);
        return;
      }
      if (actual[i] !== '') combos(i + 1, [...acc, actual[i]]);
      combos(i + 1, [...acc, ANY]);
    };
    combos(0, []);
    if (none || actual.length === 0) for (const id of this.buckets.get(FOREIGN) ?? []) ids.add(id);
    idx = new PrefilterIndex();
    for (const id of [...ids].sort((a, b) => a - b)) idx.add(id, this.atomsOf[id]);
    idx.build();
    this.merged.set(key, idx);
    return idx;
  }

  /** Runs every applicable rule over one event; returns the rules that fired, in load order. */
  match(event: Record<string, unknown>): DetectionRule[] {
    const v = this.view;
    v.reset(event);
    const actual = this.dispatchFids.map((fid) => {
      const s = v.lower(fid);
      return typeof s === 'string' ? s : '';
    });
    const idx = this.indexFor(actual);
    if (this.seen.length < this.variants.length) this.seen = new Uint32Array(this.variants.length * 2);
    const stamp = ++this.stamp;
    const cand = this.cand;
    cand.length = 0;
    idx.candidates(v, cand, this.seen, stamp);
    if (cand.length > 1) cand.sort((a, b) => a - b);
    const out: DetectionRule[] = [];
    let last: DetectionRule | null = null;
    for (const id of cand) {
      const variant = this.variants[id];
      if (variant.rule !== last && variant.pred(v)) {
        out.push(variant.rule);
        last = variant.rule;
      }
    }
    return out;
  }

  /** Prefilter figures over all dispatch keys seen so far (for the benchmark and diagnostics). */
  indexStats(): { keys: number; always: number; indexed: number } {
    let always = 0;
    let indexed = 0;
    for (const i of this.merged.values()) {
      const s = i.stats();
      always += s.always;
      indexed += s.indexed;
    }
    return { keys: this.merged.size, always, indexed };
  }
}
