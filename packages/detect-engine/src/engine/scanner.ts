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

/** The kinds of literal test a scanner resolves. */
export type LitKind = 'eq' | 'prefix' | 'suffix' | 'contains';

/** The literals of one field for one dispatch group, and the scan that resolves them. */
export class FieldScanner {
  private pending = new Map<string, { kind: LitKind; lit: string; slots: number[] }>();
  private ac: Automaton | null = null;

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
    this.pending.clear();
  }

  /**
   * Marks every slot whose literal the value satisfies. `s` may be in any case unless `folded`
   * (already lower-cased); returns false when the caller must rescan the lower-cased value
   * because `s` holds non-ASCII text (see Automaton.scan).
   */
  scan(s: string, sink: SlotSink, folded = true): boolean {
    return this.ac!.scan(s, sink, folded);
  }

  /** Number of automaton states, for diagnostics. */
  get size(): number {
    return this.ac?.states ?? 0;
  }
}
