/**
 * One pass over a field value that finds every rule literal it satisfies. Rules are compiled so
 * that each case-insensitive `eq`/`startswith`/`endswith`/`contains` literal is not tested by the
 * rule itself but looked up here once per event, for all rules at the same time: the scanner
 * marks "slots" (one slot per field condition, see `SlotSink`) and rules then read one bit.
 * All four kinds go into one Aho–Corasick automaton per field (engine/automaton.ts), so the cost
 * is one table step per character whatever the number of literals, and the scan finds exactly
 * the literals present: no rule needs to re-check them.
 */
import { Automaton, type SlotSink } from './automaton.ts';

export type { SlotSink } from './automaton.ts';

/**
 * What all the scanners of one engine may remember of the values they scanned, in approximate
 * bytes. Event streams repeat values all the time (image paths, users, hashes, service command
 * lines), and a value seen before costs a map lookup instead of a scan. When the budget is spent
 * every scanner forgets at once, so a stream of values that never repeat costs little more than
 * the scans themselves and memory stays bounded.
 */
export class ScanMemory {
  /** Bumped when the budget is spent; scanners holding an older epoch start afresh. */
  epoch = 0;
  private used = 0;

  constructor(readonly budgetBytes: number) {}

  charge(chars: number): void {
    this.used += 2 * chars + ENTRY_BYTES;
    if (this.used > this.budgetBytes) {
      this.used = 0;
      this.epoch++;
    }
  }
}

/** Rough cost of one remembered value besides its characters (map entry, result arrays). */
const ENTRY_BYTES = 96;
/**
 * Shorter values are always scanned, as that costs about a lookup; longer ones too: they rarely
 * repeat, and would crowd the others out.
 */
const SHORTEST_REMEMBERED = 12;
const LONGEST_REMEMBERED = 4096;
/** Most values a scanner notes as seen once before it starts afresh. */
const ONCE_LIMIT = 1024;
/**
 * A scanner checks over windows of this many values how many it had seen before; when fewer
 * than a quarter, it scans the next `PAUSE` values without noting them, then checks again. A
 * field whose values never repeat (record ids, times) then costs a counter, and keeps no strings
 * alive that the garbage collector would have to move.
 */
const WINDOW = 64;
const PAUSE = 4096;

/** The slots a scan of one value marked, and whether the scan completed (see `scan`). */
interface Remembered {
  found: number[][];
  complete: boolean;
}

/** Passes marks on to the event's state while keeping them for the value's entry. */
const recorder = {
  found: [] as number[][],
  sink: null as SlotSink | null,
  mark(slots: number[]): void {
    this.found.push(slots);
    this.sink!.mark(slots);
  },
};

/**
 * One scanner's remembered values. A value is remembered when it comes back, not the first time:
 * values that never repeat then cost a set entry that is soon dropped, not a remembered scan.
 */
class ValueMemory {
  private seen = new Map<string, Remembered>();
  private once = new Set<string>();
  private epoch = 0;
  /** Values looked up, and of those seen before, in this window; `looked` < 0 counts down a pause. */
  private looked = 0;
  private repeated = 0;

  constructor(private readonly shared: ScanMemory) {}

  /** The entry for `s`, null when `s` should be scanned and remembered, undefined when only scanned. */
  lookup(s: string): Remembered | null | undefined {
    if (this.looked < 0) {
      this.looked++;
      return undefined;
    }
    if (this.epoch !== this.shared.epoch) {
      this.seen.clear();
      this.epoch = this.shared.epoch;
    }
    const known = this.seen.get(s);
    const before = known !== undefined || this.once.has(s);
    if (before) this.repeated++;
    if (++this.looked === WINDOW) {
      this.looked = this.repeated * 4 < WINDOW ? -PAUSE : 0;
      this.repeated = 0;
    }
    if (known !== undefined) return known;
    if (before) return null;
    if (this.once.size >= ONCE_LIMIT) this.once.clear();
    this.once.add(s);
    return undefined;
  }

  remember(s: string, entry: Remembered): void {
    this.seen.set(s, entry);
    this.shared.charge(s.length);
  }
}

/** The kinds of literal test a scanner resolves. */
export type LitKind = 'eq' | 'prefix' | 'suffix' | 'contains';

/** The literals of one field for one dispatch group, and the scan that resolves them. */
export class FieldScanner {
  private pending = new Map<string, { kind: LitKind; lit: string; slots: number[] }>();
  private ac: Automaton | null = null;
  /** The shortest literal: a shorter value holds none (see `scan`). */
  private shortest = 0;
  /** Whether some literal could occur in the text of a number ("-1.5e+21", "Infinity", "NaN") or a boolean. */
  numbersMayMatch = true;
  booleansMayMatch = true;
  private readonly memory: ValueMemory | null;

  constructor(shared: ScanMemory | null = null) {
    this.memory = shared && new ValueMemory(shared);
  }

  /** Adds a literal (already lower-cased) whose presence marks `slot`. */
  add(kind: LitKind, lit: string, slot: number): void {
    const k = kind + '\u0000' + lit;
    const p = this.pending.get(k);
    if (p) {
      if (!p.slots.includes(slot)) p.slots.push(slot);
    } else this.pending.set(k, { kind, lit, slots: [slot] });
  }

  /** Builds the automaton once all literals are known. */
  build(): void {
    const pats = [...this.pending.values()].map((p) => ({
      lit: p.lit,
      atStart: p.kind === 'eq' || p.kind === 'prefix',
      atEnd: p.kind === 'eq' || p.kind === 'suffix',
      slots: p.slots,
    }));
    this.ac = new Automaton(pats);
    this.shortest = Math.min(...pats.map((p) => p.lit.length));
    this.numbersMayMatch = pats.some((p) => /^[0-9.+\-einfatyn]*$/u.test(p.lit));
    this.booleansMayMatch = pats.some((p) => /^[truefals]*$/u.test(p.lit));
    this.pending.clear();
  }

  /**
   * Marks every slot whose literal the value satisfies. `s` may be in any case unless `folded`
   * (already lower-cased); returns false when the caller must rescan the lower-cased value
   * because `s` holds non-ASCII text (see Automaton.scan).
   */
  scan(s: string, sink: SlotSink, folded = true): boolean {
    const n = s.length;
    // Too short for any literal, even lower-cased (which at most doubles the length: U+0130).
    if ((folded ? n : 2 * n) < this.shortest) return true;
    const known = this.memory === null || n < SHORTEST_REMEMBERED || n > LONGEST_REMEMBERED ? undefined : this.memory.lookup(s);
    // An incomplete entry (non-ASCII, unfolded) does not answer a folded scan of the same text.
    if (known && (known.complete || !folded)) {
      for (let i = 0; i < known.found.length; i++) sink.mark(known.found[i]);
      return known.complete;
    }
    if (known === undefined) return this.ac!.scan(s, sink, folded);
    recorder.found = [];
    recorder.sink = sink;
    const complete = this.ac!.scan(s, recorder, folded);
    this.memory!.remember(s, { found: recorder.found, complete });
    return complete;
  }

  /** Number of automaton states, for diagnostics. */
  get size(): number {
    return this.ac?.states ?? 0;
  }
}
