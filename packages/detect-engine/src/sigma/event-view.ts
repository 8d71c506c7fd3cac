/**
 * Field access for one event while rules run over it. Rule fields are interned to small integer
 * ids at compile time; the view caches each field's lower-cased string per event, so a field read
 * by hundreds of rules is converted once. A generation counter invalidates the cache without
 * allocating per event.
 */

/** Interns field names to ids and keeps their dotted paths for nested (ECS-style) events. */
export class FieldTable {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  readonly paths: (string[] | null)[] = [];

  /** Returns the id of a field, creating it on first use. */
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
      this.paths.push(name.includes('.') ? name.split('.') : null);
    }
    return id;
  }
}

/** A scalar or list value as rules see it: text, a list of texts, or absent. */
export type FieldText = string | string[] | undefined;

function toText(v: unknown): FieldText {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (const x of v) {
      const t = toText(x);
      if (typeof t === 'string') out.push(t);
    }
    return out;
  }
  return undefined;
}

/** The per-event view handed to compiled matchers. */
export class EventView {
  event: Record<string, unknown> = {};
  /** Generation of the current event; a slot is set when `hits[slot] === gen`. */
  gen = 1;
  /** Per-slot generation stamps written by the engine's literal scan (see engine/scanner.ts). */
  hits = new Uint32Array(0);
  private rawGen: Uint32Array;
  private rawVal: unknown[];
  private lcGen: Uint32Array;
  private lcVal: FieldText[];
  private txtGen: Uint32Array;
  private txtVal: FieldText[];

  constructor(readonly fields: FieldTable) {
    this.rawGen = new Uint32Array(0);
    this.lcGen = new Uint32Array(0);
    this.txtGen = new Uint32Array(0);
    this.rawVal = [];
    this.lcVal = [];
    this.txtVal = [];
    this.grow();
  }

  private grow(): void {
    const n = Math.max(64, this.fields.names.length * 2);
    const g1 = new Uint32Array(n);
    g1.set(this.rawGen);
    this.rawGen = g1;
    const g2 = new Uint32Array(n);
    g2.set(this.lcGen);
    this.lcGen = g2;
    const g3 = new Uint32Array(n);
    g3.set(this.txtGen);
    this.txtGen = g3;
  }

  private joinedGen = 0;
  private joined = '';

  /**
   * Every value of the event, lower-cased and joined by newlines, built once per event: keyword
   * rules then run one `includes` each instead of walking the event per keyword.
   */
  allLower(): string {
    if (this.joinedGen !== this.gen) {
      this.joined = allTexts(this.event).join('\n').toLowerCase();
      this.joinedGen = this.gen;
    }
    return this.joined;
  }

  /** Points the view at a new event; cached values from the previous one become stale. */
  reset(event: Record<string, unknown>): void {
    this.event = event;
    this.gen++;
    if (this.fields.names.length > this.rawGen.length) this.grow();
  }

  /** The raw value of a field; a top-level key wins over a nested path with the same dotted name. */
  raw(fid: number): unknown {
    if (this.rawGen[fid] === this.gen) return this.rawVal[fid];
    let v = this.event[this.fields.names[fid]];
    const path = this.fields.paths[fid];
    if (v === undefined && path) {
      let cur: unknown = this.event;
      for (const k of path) {
        if (cur === null || typeof cur !== 'object') {
          cur = undefined;
          break;
        }
        cur = (cur as Record<string, unknown>)[k];
      }
      v = cur;
    }
    this.rawGen[fid] = this.gen;
    this.rawVal[fid] = v;
    return v;
  }

  /** The field as text with its original case (for `cased` and `re`). */
  text(fid: number): FieldText {
    if (this.txtGen[fid] === this.gen) return this.txtVal[fid];
    const t = toText(this.raw(fid));
    this.txtGen[fid] = this.gen;
    this.txtVal[fid] = t;
    return t;
  }

  /** The field as lower-cased text, the form that case-insensitive rule values compare against. */
  lower(fid: number): FieldText {
    if (this.lcGen[fid] === this.gen) return this.lcVal[fid];
    const t = this.text(fid);
    const l = typeof t === 'string' ? t.toLowerCase() : t === undefined ? undefined : t.map((x) => x.toLowerCase());
    this.lcGen[fid] = this.gen;
    this.lcVal[fid] = l;
    return l;
  }
}

/** Every scalar in an event as text, for field-less keyword searches. */
export function allTexts(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (typeof v === 'number' || typeof v === 'boolean') out.push(String(v));
  else if (Array.isArray(v)) for (const x of v) allTexts(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) allTexts(x, out);
  return out;
}
