import type { Atom } from '../sigma/field-condition.ts';
import type { EventView } from '../sigma/event-view.ts';

/**
 * An index over the atoms rules need, so each event only runs the rules that can match it.
 * A rule whose necessary atoms are all of a hashable kind is registered under keys derived from
 * them; the event side derives the same keys from its field values:
 *   eq        → the whole value;
 *   suffix    → when the literal holds a path separator, the value's last path segment
 *               (`Image|endswith: '\cmd.exe'` ⇒ basename is `cmd.exe`);
 *   prefix    → the first 4 characters;
 *   contains  → one 4-character gram of the literal, chosen as the rarest among the rules, found
 *               by scanning the value's grams through a bit table before touching a Map.
 * Candidates are then confirmed by the full predicate, so the index may over-approximate.
 */
export class PrefilterIndex {
  private always: number[] = [];
  private eq = new Map<number, Map<string, number[]>>();
  private base = new Map<number, Map<string, number[]>>();
  private prefix = new Map<number, Map<string, number[]>>();
  private grams = new Map<number, Map<number, number[]>>();
  private gramBits = new Map<number, Uint8Array>();
  private pending: { id: number; atoms: Atom[] }[] = [];
  private fieldsUsed: number[] = [];

  /** Registers a rule variant by id with its necessary atoms (null: always a candidate). */
  add(id: number, atoms: Atom[] | null): void {
    if (!atoms || atoms.length === 0 || !atoms.every(indexable)) this.always.push(id);
    else this.pending.push({ id, atoms });
  }

  /** Builds the tables once all rules are added (gram choice needs every literal). */
  build(): void {
    const freq = new Map<number, number>();
    for (const p of this.pending)
      for (const a of p.atoms) if (a.test.kind === 'contains') for (const g of gramsOf(a.test.lit.toLowerCase())) freq.set(g, (freq.get(g) ?? 0) + 1);
    const put = <K>(m: Map<number, Map<K, number[]>>, fid: number, key: K, id: number): void => {
      let inner = m.get(fid);
      if (!inner) m.set(fid, (inner = new Map()));
      const arr = inner.get(key);
      if (!arr) inner.set(key, [id]);
      else if (arr[arr.length - 1] !== id) arr.push(id);
    };
    const used = new Set<number>();
    for (const { id, atoms } of this.pending) {
      for (const a of atoms) {
        const lit = a.test.lit.toLowerCase();
        used.add(a.fid);
        if (a.test.kind === 'eq') put(this.eq, a.fid, lit, id);
        else if (a.test.kind === 'suffix') put(this.base, a.fid, lastSegment(lit), id);
        else if (a.test.kind === 'prefix') put(this.prefix, a.fid, lit.slice(0, 4), id);
        else {
          let best = 0;
          let bestF = Infinity;
          for (const g of gramsOf(lit)) {
            const f = freq.get(g)!;
            if (f < bestF) [best, bestF] = [g, f];
          }
          put(this.grams, a.fid, best, id);
          let bits = this.gramBits.get(a.fid);
          if (!bits) this.gramBits.set(a.fid, (bits = new Uint8Array(1 << 13)));
          bits[(best & 0xffff) >>> 3] |= 1 << (best & 7);
        }
      }
    }
    this.fieldsUsed = [...used];
    this.pending = [];
  }

  /** Appends the candidate rule ids for the event in `v` to `out`; `seen` de-duplicates by stamp. */
  candidates(v: EventView, out: number[], seen: Uint32Array, stamp: number): void {
    for (const id of this.always) if (seen[id] !== stamp) ((seen[id] = stamp), out.push(id));
    const hit = (ids: number[] | undefined): void => {
      if (ids) for (const id of ids) if (seen[id] !== stamp) ((seen[id] = stamp), out.push(id));
    };
    for (const fid of this.fieldsUsed) {
      const val = v.lower(fid);
      if (val === undefined) continue;
      const vals = typeof val === 'string' ? [val] : val;
      for (const s of vals) {
        hit(this.eq.get(fid)?.get(s));
        const b = this.base.get(fid);
        if (b) hit(b.get(lastSegment(s)));
        const p = this.prefix.get(fid);
        if (p) hit(p.get(s.slice(0, 4)));
        const g = this.grams.get(fid);
        if (g) {
          const bits = this.gramBits.get(fid)!;
          for (let i = 0; i + 4 <= s.length; i++) {
            const h = gramAt(s, i);
            if (bits[(h & 0xffff) >>> 3] & (1 << (h & 7))) hit(g.get(h));
          }
        }
      }
    }
  }

  /** How many variants are always candidates vs indexed — reported by the benchmark. */
  stats(): { always: number; indexed: number } {
    const ids = new Set<number>();
    for (const m of [this.eq, this.base, this.prefix, this.grams]) for (const inner of m.values()) for (const a of inner.values()) for (const id of a) ids.add(id);
    return { always: this.always.length, indexed: ids.size };
  }
}

function indexable(a: Atom): boolean {
  const { kind, lit } = a.test;
  if (kind === 'eq') return true;
  if (kind === 'suffix') return /[\\/]/.test(lit);
  if (kind === 'prefix' || kind === 'contains') return lit.length >= 4;
  return false;
}

/** Text after the last `\` or `/`; for a suffix literal with a separator it fixes the value's own. */
function lastSegment(s: string): string {
  const i = Math.max(s.lastIndexOf('\\'), s.lastIndexOf('/'));
  return i < 0 ? s : s.slice(i + 1);
}

function gramAt(s: string, i: number): number {
  return (((s.charCodeAt(i) * 31 + s.charCodeAt(i + 1)) * 31 + s.charCodeAt(i + 2)) * 31 + s.charCodeAt(i + 3)) >>> 0;
}

function gramsOf(lit: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= lit.length; i++) out.push(gramAt(lit, i));
  return out;
}
