import { EventView, FieldTable } from '../sigma/event-view.ts';
import { compileDetection } from '../sigma/detection.ts';
import { RuleError } from '../sigma/errors.ts';
import { allOf, type CompileEnv, type Pred, type SlotEntry } from '../sigma/field-condition.ts';
import type { AnyRule, CorrelationRule, DetectionRule, FilterRule, Rejection } from '../sigma/rule-types.ts';
import { entriesFor, loadMapping, type LogSourceEntry, type Mapping } from './mapping.ts';
import { GroupIndex, MatchState, type VariantInfo } from './group.ts';
import { ScanMemory } from './scanner.ts';

/** Options for building an engine. */
export interface EngineOptions {
  /** Mapping profile; defaults to the shipped Windows + auditd + web + firewall profiles. */
  mapping?: Mapping;
  /** Values for `%name%` placeholders used with the `expand` modifier. */
  placeholders?: Record<string, string[]>;
  /**
   * Bytes the field scanners may use to remember the values they scanned (engine/scanner.ts);
   * 0 scans every value afresh. Default 64 MB.
   */
  scanMemoryBytes?: number;
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
 * event reaches the buckets of its own key and the wildcard ones. Inside them, rule literals are
 * not tested rule by rule: one scan per field resolves all of them into slots (engine/scanner.ts)
 * and only the rules whose needed slots were all met run their predicate, which mostly reads
 * slot bits. So the cost per event follows the literals present, not the number of rules.
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
  private merged = new Map<string, GroupIndex>();
  private placeholders: Map<string, string[]>;
  private view: EventView;
  private state = new MatchState();
  private dispatchFids: number[];
  private actual: string[] = [];
  /** Slot → the literals that set it; slots are shared by identical field conditions. */
  private slotEntries: SlotEntry[][] = [];
  private slotKeys = new Map<string, number>();
  private collecting: number[] = [];
  private infos: VariantInfo[] = [];
  private clauseBase: number[] = [];
  private clauseVariant: number[] = [];
  private scanMemory: ScanMemory | null;

  constructor(opts: EngineOptions = {}) {
    const memoryBytes = opts.scanMemoryBytes ?? 64 * 1024 * 1024;
    this.scanMemory = memoryBytes > 0 ? new ScanMemory(memoryBytes) : null;
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
    this.state.size(this.slotEntries.length, this.variants.length, this.clauseVariant, this.infos.map((i) => i.need?.length ?? 0));
    this.view.hits = this.state.hits;
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
      slot: (entries) => this.slot(entries),
      mapField: (name) => {
        const mapped = e?.fieldmappings[name] ?? m.fieldmappings[name];
        if (mapped) return mapped;
        return m.fallback ? [name, m.fallback.replace('{field}', name)] : [name];
      },
    };
  }

  /** Returns the slot for a set of literals, shared with any earlier identical set. */
  private slot(entries: SlotEntry[]): number {
    const key = entries.map((e) => `${e.fid}\u0000${e.kind}\u0000${e.lit}`).sort().join('\u0001');
    let s = this.slotKeys.get(key);
    if (s === undefined) {
      s = this.slotEntries.length;
      this.slotEntries.push(entries);
      this.slotKeys.set(key, s);
    }
    this.collecting.push(s);
    return s;
  }

  private compileRule(r: DetectionRule, filters: FilterRule[]): void {
    const mine = filters.filter((f) => f.rules.length === 0 || f.rules.includes(r.id) || (r.name !== undefined && f.rules.includes(r.name)));
    const staged: { key: string[]; v: Variant; info: VariantInfo }[] = [];
    for (const e of this.sourcesOf(r)) {
      const env = this.envFor(e);
      this.collecting = [];
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
      staged.push({ key: this.keysFor(r, e), v: { rule: r, pred: allOf(parts) }, info: { slots: [...new Set(this.collecting)], need: det.need } });
    }
    for (const s of staged) {
      const id = this.variants.length;
      this.variants.push(s.v);
      this.infos.push(s.info);
      this.clauseBase.push(this.clauseVariant.length);
      for (let k = 0; k < (s.info.need?.length ?? 0); k++) this.clauseVariant.push(id);
      for (const k of s.key) {
        const b = this.buckets.get(k);
        if (b) b.push(id);
        else this.buckets.set(k, [id]);
      }
    }
  }

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

  /** The group index for an event's dispatch key, built on first use from the matching buckets. */
  private indexFor(actual: string[]): GroupIndex {
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
    idx = new GroupIndex([...ids].sort((a, b) => a - b), this.infos, this.clauseBase, this.slotEntries, this.fields, this.scanMemory);
    this.merged.set(key, idx);
    return idx;
  }

  /** Runs every applicable rule over one event; returns the rules that fired, in load order. */
  match(event: Record<string, unknown>): DetectionRule[] {
    const v = this.view;
    v.reset(event);
    const actual = this.actual;
    for (let i = 0; i < this.dispatchFids.length; i++) {
      const s = v.lower(this.dispatchFids[i]);
      actual[i] = typeof s === 'string' ? s : '';
    }
    const idx = this.indexFor(actual);
    const st = this.state;
    st.gen = v.gen;
    const cand = st.cand;
    cand.length = 0;
    idx.collect(v, st);
    if (cand.length > 1) cand.sort((a, b) => a - b);
    let out: DetectionRule[] | null = null;
    let last: DetectionRule | null = null;
    for (let i = 0; i < cand.length; i++) {
      const variant = this.variants[cand[i]];
      if (variant.rule !== last && variant.pred(v)) {
        (out ??= []).push(variant.rule);
        last = variant.rule;
      }
    }
    return out ?? [];
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
