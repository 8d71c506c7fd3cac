/**
 * One pass over a field value that finds every rule literal it satisfies. Rules are compiled so
 * that each case-insensitive `eq`/`startswith`/`endswith`/`contains` literal is not tested by the
 * rule itself but looked up here once per event, for all rules at the same time: the scanner
 * marks "slots" (one slot per field condition, see `SlotSink`) and rules then read one bit.
 *
 *   eq        → a hash map on the whole value;
 *   startswith/endswith → a character trie walked from the value's start / end (stops at the
 *               first character no literal continues with);
 *   contains  (≥ 4 chars) → one 4-character gram of the literal (the rarest among the field's
 *               literals) in a bit table; a rolling key over the value hits the table only where
 *               that gram occurs, and the literal is then verified in place;
 *   short literals → one character: a table by character; 2–3 characters: a bit table of their
 *               first two characters, then verified in place.
 * Every occurrence of a literal contains its chosen gram at a fixed offset, so the scan finds
 * exactly the literals present: no rule needs to re-check them.
 */

/** Receives the slots whose literal was found; implemented by the engine's per-event state. */
export interface SlotSink {
  mark(slots: number[]): void;
}

/** The kinds of literal test a scanner resolves. */
export type LitKind = 'eq' | 'prefix' | 'suffix' | 'contains';

interface Lit {
  lit: string;
  /** Offset of the indexed gram inside the literal (contains only). */
  off: number;
  slots: number[];
}

const MASK = 0xfffffff;

/** A node of a character trie; `slots` is set where a literal ends. */
interface Trie {
  next: Map<number, Trie>;
  slots: number[] | null;
}

function newTrie(): Trie {
  return { next: new Map(), slots: null };
}

/** Adds a literal (reversed for suffixes); slot lists of equal literals are shared. */
function trieAdd(root: Trie, lit: string, reverse: boolean, slots: number[]): void {
  let t = root;
  for (let k = 0; k < lit.length; k++) {
    const c = lit.charCodeAt(reverse ? lit.length - 1 - k : k);
    let n = t.next.get(c);
    if (!n) t.next.set(c, (n = newTrie()));
    t = n;
  }
  t.slots = t.slots ? [...new Set([...t.slots, ...slots])] : slots;
}

function trieSize(t: Trie | null): number {
  if (!t) return 0;
  let n = t.slots ? 1 : 0;
  for (const c of t.next.values()) n += trieSize(c);
  return n;
}

/** 28-bit key of the 4 characters ending at `end` (inclusive), 7 low bits of each. */
function key4(s: string, start: number): number {
  return (((s.charCodeAt(start) & 127) << 21) | ((s.charCodeAt(start + 1) & 127) << 14) | ((s.charCodeAt(start + 2) & 127) << 7) | (s.charCodeAt(start + 3) & 127)) & MASK;
}

/** Key of a character pair: 15 bits of each, a small integer. */
function pairKey(a: number, b: number): number {
  return ((a & 0x7fff) << 15) | (b & 0x7fff);
}

/** Index of a pair key in the 64 Ki-entry pair table. */
function pairBit(k: number): number {
  return Math.imul(k, 0x9e3779b1) >>> 16;
}

function bit(h: number): number {
  return Math.imul(h, 0x9e3779b1) >>> 14;
}

function push<K>(m: Map<K, Lit[]>, k: K, l: Lit): void {
  const a = m.get(k);
  if (a) a.push(l);
  else m.set(k, [l]);
}

/** The literals of one field for one dispatch group, and the scan that resolves them. */
export class FieldScanner {
  private eq = new Map<string, number[]>();
  private pre: Trie | null = null;
  private suf: Trie | null = null;
  private grams = new Map<number, Lit[]>();
  private gramBits: Uint8Array | null = null;
  /** Character → 1 + index into `oneSlots` (a typed table: a 64 Ki plain array would go to dictionary mode). */
  private ones: Uint16Array | null = null;
  private oneSlots: number[][] = [];
  private pairBits: Uint8Array | null = null;
  private pairs = new Map<number, Lit[]>();
  private pending = new Map<string, Lit & { kind: LitKind }>();

  /** Adds a literal (already lower-cased) whose presence marks `slot`. */
  add(kind: LitKind, lit: string, slot: number): void {
    const k = kind + '\u0000' + lit;
    const p = this.pending.get(k);
    if (p) {
      if (!p.slots.includes(slot)) p.slots.push(slot);
    } else this.pending.set(k, { kind, lit, off: 0, slots: [slot] });
  }

  /** Builds the tables; the gram of each contains literal is chosen once all literals are known. */
  build(): void {
    const freq = new Map<number, number>();
    const all = [...this.pending.values()];
    for (const p of all) if (p.kind === 'contains' && p.lit.length >= 4) for (let i = 0; i + 4 <= p.lit.length; i++) freq.set(key4(p.lit, i), (freq.get(key4(p.lit, i)) ?? 0) + 1);
    for (const p of all) {
      const l: Lit = { lit: p.lit, off: 0, slots: p.slots };
      if (p.kind === 'eq') this.eq.set(p.lit, p.slots);
      else if (p.kind === 'prefix') trieAdd((this.pre ??= newTrie()), p.lit, false, p.slots);
      else if (p.kind === 'suffix') trieAdd((this.suf ??= newTrie()), p.lit, true, p.slots);
      else if (p.lit.length >= 4) {
        let best = 0;
        let bestF = Infinity;
        for (let i = 0; i + 4 <= p.lit.length; i++) {
          const f = freq.get(key4(p.lit, i))!;
          if (f < bestF) [best, bestF] = [i, f];
        }
        l.off = best;
        const h = key4(p.lit, best);
        push(this.grams, h, l);
        this.gramBits ??= new Uint8Array(1 << 15);
        const b = bit(h);
        this.gramBits[b >>> 3] |= 1 << (b & 7);
      } else if (p.lit.length === 1) {
        this.ones ??= new Uint16Array(65536);
        this.oneSlots.push(p.slots);
        this.ones[p.lit.charCodeAt(0)] = this.oneSlots.length;
      } else {
        this.pairBits ??= new Uint8Array(65536);
        const k = pairKey(p.lit.charCodeAt(0), p.lit.charCodeAt(1));
        this.pairBits[pairBit(k)] = 1;
        push(this.pairs, k, l);
      }
    }
    this.pending.clear();
  }

  /** Marks every slot whose literal the (lower-cased) value satisfies. */
  scan(s: string, sink: SlotSink): void {
    const n = s.length;
    if (this.eq.size > 0) {
      const e = this.eq.get(s);
      if (e !== undefined) sink.mark(e);
    }
    if (this.pre !== null) {
      let t: Trie | undefined = this.pre;
      for (let i = 0; i < n && t !== undefined; i++) {
        t = t.next.get(s.charCodeAt(i));
        if (t !== undefined && t.slots !== null) sink.mark(t.slots);
      }
    }
    if (this.suf !== null) {
      let t: Trie | undefined = this.suf;
      for (let i = n - 1; i >= 0 && t !== undefined; i--) {
        t = t.next.get(s.charCodeAt(i));
        if (t !== undefined && t.slots !== null) sink.mark(t.slots);
      }
    }
    const bits = this.gramBits;
    const ones = this.ones;
    const pairs = this.pairBits;
    if (bits === null && ones === null && pairs === null) return;
    let h = 0;
    let prev = 0;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      h = ((h << 7) | (c & 127)) & MASK;
      if (ones !== null) {
        const o = ones[c];
        if (o !== 0) sink.mark(this.oneSlots[o - 1]);
      }
      if (pairs !== null && i > 0) {
        const k = pairKey(prev, c);
        if (pairs[pairBit(k)] === 1) this.verify(this.pairs.get(k), s, i - 1, sink);
      }
      prev = c;
      if (bits !== null && i >= 3) {
        const b = bit(h);
        if ((bits[b >>> 3] & (1 << (b & 7))) !== 0) {
          const c4 = this.grams.get(h);
          if (c4 !== undefined) this.verify(c4, s, i - 3, sink);
        }
      }
    }
  }

  private verify(cands: Lit[] | undefined, s: string, at: number, sink: SlotSink): void {
    if (cands === undefined) return;
    for (const l of cands) {
      const start = at - l.off;
      if (start >= 0 && s.startsWith(l.lit, start)) sink.mark(l.slots);
    }
  }

  /** Number of literals held, for diagnostics. */
  get size(): number {
    let n = this.eq.size;
    for (const m of [this.grams, this.pairs]) for (const a of m.values()) n += a.length;
    n += trieSize(this.pre) + trieSize(this.suf);
    n += this.oneSlots.length;
    return n;
  }
}
