import type { EventView, FieldTable } from '../sigma/event-view.ts';
import { KEYWORDS, type SlotEntry } from '../sigma/field-condition.ts';
import { FieldScanner, type ScanMemory, type SlotSink } from './scanner.ts';

/** What the group index needs to know of one compiled rule variant. */
export interface VariantInfo {
  /** Slots the variant's predicate reads (their literals must be scanned for). */
  slots: number[];
  /** Clauses of slots that must all be met before the predicate can hold; null: always run. */
  need: number[][] | null;
}

/**
 * The clauses each slot counts towards, flat: those of slot s are `clauses[start[s]]` up to
 * `clauses[start[s + 1]]`. Typed arrays rather than an array of arrays: slots are sparse in a
 * group, and a sparse JS array falls back to a dictionary that every mark would look up.
 */
export interface Triggers {
  start: Int32Array;
  clauses: Int32Array;
}

const NO_TRIGGERS: Triggers = { start: new Int32Array(0), clauses: new Int32Array(0) };

/** Packs slot → clause pairs into `Triggers`. */
function packTriggers(pairs: [slot: number, clause: number][]): Triggers {
  const slots = pairs.reduce((m, [s]) => Math.max(m, s + 1), 0);
  const start = new Int32Array(slots + 1);
  for (const [s] of pairs) start[s + 1]++;
  for (let s = 0; s < slots; s++) start[s + 1] += start[s];
  const fill = start.slice(0, slots);
  const clauses = new Int32Array(pairs.length);
  for (const [s, c] of pairs) clauses[fill[s]++] = c;
  return { start, clauses };
}

/**
 * Per-event matching state shared by all groups: slot and clause stamps, the per-variant count
 * of met clauses, and the candidate list. Scanners call `mark` when a literal is found; a
 * variant becomes a candidate when its last needed clause is met. No allocation per event.
 */
export class MatchState implements SlotSink {
  hits = new Uint32Array(0);
  gen = 0;
  clauseGen = new Uint32Array(0);
  clauseVariant = new Int32Array(0);
  countGen = new Uint32Array(0);
  count = new Uint16Array(0);
  clausesOf = new Uint16Array(0);
  /** The current group's slot → clause triggers (see `Triggers`). */
  trig: Triggers = NO_TRIGGERS;
  cand: number[] = [];

  /** Sizes the arrays for `slots` slots, `variants` variants and their clauses. */
  size(slots: number, variants: number, clauseVariant: number[], clausesOf: number[]): void {
    if (this.hits.length < slots) this.hits = new Uint32Array(slots * 2);
    this.clauseGen = new Uint32Array(clauseVariant.length);
    this.clauseVariant = Int32Array.from(clauseVariant);
    this.countGen = new Uint32Array(variants);
    this.count = new Uint16Array(variants);
    this.clausesOf = Uint16Array.from(clausesOf);
  }

  mark(slots: number[]): void {
    // Everything in locals: typed-array stores would otherwise make V8 reload each field per step.
    const { hits, gen, clauseGen, clauseVariant, countGen, count, clausesOf, cand } = this;
    const { start, clauses } = this.trig;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i];
      if (hits[s] === gen) continue;
      hits[s] = gen;
      if (s + 1 >= start.length) continue;
      for (let j = start[s], end = start[s + 1]; j < end; j++) {
        const c = clauses[j];
        if (clauseGen[c] === gen) continue;
        clauseGen[c] = gen;
        const v = clauseVariant[c];
        if (countGen[v] !== gen) {
          countGen[v] = gen;
          count[v] = 0;
        }
        if (++count[v] === clausesOf[v]) cand.push(v);
      }
    }
  }
}

/**
 * Scans every scalar of the event (the texts `allTexts` yields) for keyword literals, value by
 * value in its own case: keyword literals hold no newline, so this finds what a scan of the
 * joined, lower-cased event text would, without building that string for every event.
 */
function scanTexts(x: unknown, sc: FieldScanner, st: SlotSink): void {
  if (typeof x === 'string') {
    if (!sc.scan(x, st, false)) sc.scan(x.toLowerCase(), st, true);
  } else if (typeof x === 'number' ? sc.numbersMayMatch : typeof x === 'boolean' && sc.booleansMayMatch) sc.scan(String(x), st, true);
  else if (Array.isArray(x)) for (let i = 0; i < x.length; i++) scanTexts(x[i], sc, st);
  else if (x !== null && typeof x === 'object') for (const k in x) if (Object.hasOwn(x, k)) scanTexts((x as Record<string, unknown>)[k], sc, st);
}

/**
 * The rules one dispatch key (Channel, EventID…) reaches, with one scanner per field they test
 * and the slot → clause triggers. `collect` scans the event and returns the candidate variants.
 */
export class GroupIndex {
  private always: number[] = [];
  private fids: number[] = [];
  private scanners: FieldScanner[] = [];
  private keywords: FieldScanner | null = null;
  /**
   * Top-level fields whose scanner also holds the keyword literals: their scalar values are
   * searched for keywords in the field scan, and the keyword pass skips them.
   */
  private covered = new Set<string>();
  readonly trig: Triggers;
  readonly variants: number;

  constructor(ids: number[], infos: VariantInfo[], clauseBase: number[], entries: SlotEntry[][], fields: FieldTable, memory: ScanMemory | null) {
    this.variants = ids.length;
    const byField = new Map<number, FieldScanner>();
    const slots = new Set<number>();
    const triggers: [number, number][] = [];
    for (const id of ids) {
      const info = infos[id];
      for (const s of info.slots) slots.add(s);
      if (info.need === null) {
        this.always.push(id);
        continue;
      }
      info.need.forEach((clause, k) => {
        for (const s of clause) triggers.push([s, clauseBase[id] + k]);
      });
    }
    this.trig = packTriggers(triggers);
    const keywordEntries: [SlotEntry, number][] = [];
    for (const s of slots) {
      for (const e of entries[s]) {
        if (e.fid === KEYWORDS) keywordEntries.push([e, s]);
        let sc = e.fid === KEYWORDS ? this.keywords : byField.get(e.fid);
        if (!sc) {
          // The keyword pass scans values of many fields, repeated and unique mixed, so how
          // often its values repeat says nothing of any one of them: it scans without memory.
          sc = new FieldScanner(e.fid === KEYWORDS ? null : memory);
          if (e.fid === KEYWORDS) this.keywords = sc;
          else byField.set(e.fid, sc);
        }
        sc.add(e.kind, e.lit, s);
      }
    }
    if (keywordEntries.length > 0)
      for (const [fid, sc] of byField) {
        if (fields.paths[fid] !== null) continue;
        this.covered.add(fields.names[fid]);
        for (const [e, s] of keywordEntries) sc.add(e.kind, e.lit, s);
      }
    for (const [fid, sc] of byField) {
      sc.build();
      this.fids.push(fid);
      this.scanners.push(sc);
    }
    this.keywords?.build();
  }

  /** Scans the event's fields, then appends always-run variants; candidates land in `st.cand`. */
  collect(v: EventView, st: MatchState): void {
    st.trig = this.trig;
    for (let i = 0; i < this.fids.length; i++) {
      const fid = this.fids[i];
      const val = v.text(fid);
      if (val === undefined) continue;
      const sc = this.scanners[i];
      // Scanned in its own case (the automaton folds ASCII); non-ASCII values are lower-cased.
      if (typeof val === 'string') {
        if (!sc.scan(val, st, false)) sc.scan(v.lower(fid) as string, st, true);
      } else for (const x of v.lower(fid) as string[]) sc.scan(x, st, true);
    }
    if (this.keywords !== null) this.scanKeywords(v.event, this.keywords, st);
    for (const id of this.always) st.cand.push(id);
  }

  /** The keyword pass over what the field scans did not cover. */
  private scanKeywords(event: Record<string, unknown>, sc: FieldScanner, st: MatchState): void {
    for (const k in event) {
      if (!Object.hasOwn(event, k)) continue;
      const x = event[k];
      if ((typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') && this.covered.has(k)) continue;
      scanTexts(x, sc, st);
    }
  }

  /** Figures for the benchmark: variants that always run vs those reached through the scan. */
  stats(): { always: number; indexed: number } {
    return { always: this.always.length, indexed: this.variants - this.always.length };
  }
}
