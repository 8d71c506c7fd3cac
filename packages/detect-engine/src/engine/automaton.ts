/**
 * Aho–Corasick automaton over all the literals of one field, compiled to a dense transition
 * table: one table read per character of the value finds every literal that occurs, however
 * many thousand there are (SigmaHQ puts 3,000+ `contains` literals on a process command line).
 * The earlier 4-gram prefilter verified candidates in place at every trigger, which common
 * command-line text (" -", ".exe") made frequent; here no verification is needed at all.
 *
 * Anchored literals use two virtual characters: BEGIN is fed before the value and END after it,
 * so `startswith x` is the pattern BEGIN·x, `endswith x` is x·END and equality is BEGIN·x·END.
 *
 * ASCII characters are mapped to classes first (only those that occur in some literal get their
 * own class; the rest share class 0, which always leads back to the root), and upper-case ASCII
 * is folded onto its lower-case class, so ASCII values are scanned without being lower-cased.
 * Non-ASCII characters take sparse trie edges and failure links instead of table columns. A
 * non-ASCII character makes an unfolded scan give up, and the caller rescans the lower-cased
 * value (`String.prototype.toLowerCase` may change such characters and the length).
 */

/** One literal to find: its text (lower-case), anchors, and the slots to mark when found. */
export interface Pattern {
  lit: string;
  atStart: boolean;
  atEnd: boolean;
  slots: number[];
}

/** Receives the slots whose literal was found; implemented by the engine's per-event state. */
export interface SlotSink {
  mark(slots: number[]): void;
}

/** A compiled automaton; see the module comment. */
export class Automaton {
  private readonly width: number;
  private readonly ascii = new Int32Array(128);
  private readonly begin: number;
  private readonly end: number;
  /**
   * Transitions, by row: `delta[row + class]` is the next state's row (state × width), stored
   * as `~row` when that state has output, so a step is one table read.
   */
  private readonly delta: Int32Array;
  /** Per output state: the scan that last emitted it (an output chain is emitted once per scan). */
  private readonly emitted: Uint32Array;
  private scanGen = 0;
  /** Trie edges on non-ASCII characters, keyed `state * 65536 + char` (kept sparse: see `stepWide`). */
  private readonly wideEdges = new Map<number, number>();
  private readonly fail: Int32Array;
  /** Nearest state (self or along failure links) with output, or -1. */
  private readonly outHead: Int32Array;
  /** For a state with output: the next one along its failure links, or -1. */
  private readonly outNext: Int32Array;
  private readonly out: (number[] | undefined)[];
  /** Number of states, for diagnostics. */
  readonly states: number;

  constructor(patterns: Pattern[]) {
    // Dense classes only for ASCII: some rules list a thousand Unicode look-alike characters,
    // which as columns would make the table hundreds of megabytes.
    let k = 1;
    for (const p of patterns)
      for (let i = 0; i < p.lit.length; i++) {
        const c = p.lit.charCodeAt(i);
        if (c < 128 && this.ascii[c] === 0) this.ascii[c] = k++;
      }
    // Upper-case ASCII reads as its lower-case letter.
    for (let c = 65; c <= 90; c++) this.ascii[c] = this.ascii[c + 32];
    this.begin = k;
    this.end = k + 1;
    const W = (this.width = k + 2);

    // Trie; edge keys are a dense class (< W) or W + a non-ASCII character.
    const next: Map<number, number>[] = [new Map()];
    const out: (number[] | undefined)[] = [undefined];
    for (const p of patterns) {
      let s = 0;
      const step = (key: number): void => {
        let n = next[s].get(key);
        if (n === undefined) {
          n = next.length;
          next.push(new Map());
          out.push(undefined);
          next[s].set(key, n);
        }
        s = n;
      };
      if (p.atStart) step(this.begin);
      for (let i = 0; i < p.lit.length; i++) {
        const c = p.lit.charCodeAt(i);
        step(c < 128 ? this.ascii[c] : W + c);
      }
      if (p.atEnd) step(this.end);
      const o = out[s];
      out[s] = o ? [...new Set([...o, ...p.slots])] : p.slots;
    }

    // States are renumbered in breadth-first order, so the shallow states where a scan spends
    // most of its steps share a few cache lines of the table.
    const n = (this.states = next.length);
    const order = [0];
    for (let q = 0; q < order.length; q++) for (const v of next[order[q]].values()) order.push(v);
    const id = new Int32Array(n);
    order.forEach((old, i) => (id[old] = i));
    const delta = (this.delta = new Int32Array(n * W));
    const fail = (this.fail = new Int32Array(n));
    const head = (this.outHead = new Int32Array(n).fill(-1));
    const nxt = (this.outNext = new Int32Array(n).fill(-1));
    this.out = order.map((old) => out[old]);
    for (const [key, v] of next[0]) {
      if (key < W) delta[key] = id[v];
      else this.wideEdges.set(key - W, id[v]);
    }
    // Failure links and the full transition table, parents before children.
    for (let u = 1; u < n; u++) {
      const f = fail[u];
      const link = head[f];
      head[u] = this.out[u] ? u : link;
      nxt[u] = link;
      const row = u * W;
      const frow = f * W;
      for (let c = 0; c < W; c++) delta[row + c] = delta[frow + c];
      for (const [key, vOld] of next[order[u]]) {
        const v = id[vOld];
        if (key < W) {
          delta[row + key] = v;
          fail[v] = delta[frow + key];
        } else {
          this.wideEdges.set(u * 65536 + key - W, v);
          fail[v] = this.stepWide(f, key - W);
        }
      }
    }
    // States → encoded rows (only now: the loop above reads plain states from the table).
    for (let i = 0; i < delta.length; i++) {
      const v = delta[i];
      delta[i] = head[v] >= 0 ? ~(v * W) : v * W;
    }
    this.emitted = new Uint32Array(n);
  }

  /** Transition on a non-ASCII character: the trie edge, else the failure links'. */
  private stepWide(st: number, c: number): number {
    for (;;) {
      const n = this.wideEdges.get(st * 65536 + c);
      if (n !== undefined) return n;
      if (st === 0) return 0;
      st = this.fail[st];
    }
  }

  /**
   * Marks the slots of every literal found in `s`. With `folded` false `s` may be in any case:
   * the scan stops and returns false at the first non-ASCII character (the caller then rescans
   * the lower-cased value; marks already made stay valid, as the ASCII prefix lower-cases to
   * itself). With `folded` true `s` is already lower-cased and the scan always completes.
   */
  scan(s: string, sink: SlotSink, folded: boolean): boolean {
    const W = this.width;
    const d = this.delta;
    const ascii = this.ascii;
    if (++this.scanGen === 0xffffffff) {
      this.emitted.fill(0);
      this.scanGen = 1;
    }
    let r = d[this.begin];
    if (r < 0) this.emit((r = ~r) / W, sink);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        if (!folded) return false;
        const st = this.stepWide(r / W, c);
        r = st * W;
        if (this.outHead[st] >= 0) this.emit(st, sink);
        continue;
      }
      r = d[r + ascii[c]];
      if (r < 0) this.emit((r = ~r) / W, sink);
    }
    r = d[r + this.end];
    if (r < 0) this.emit(~r / W, sink);
    return true;
  }

  private emit(st: number, sink: SlotSink): void {
    const g = this.scanGen;
    for (let o = this.outHead[st]; o >= 0; o = this.outNext[o]) {
      // The rest of the chain went out with o: marks are idempotent within an event.
      if (this.emitted[o] === g) return;
      this.emitted[o] = g;
      sink.mark(this.out[o]!);
    }
  }
}
