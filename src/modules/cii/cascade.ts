/**
 * Cascade analysis over the CII dependency graph, in memory and free of I/O so it can be tested
 * and benchmarked alone (bench/cascade.bench.ts: 10,000 objects, 50,000 dependencies).
 *
 * The model, chosen to be explainable to an operator:
 * - A dependency carries weight by its strength (low ¼, medium ½, high 1); a supplier that has
 *   failed passes its full weight to the dependent, one that is degraded half of it.
 * - A dependent whose summed load reaches 1 fails; one whose load reaches ½ is degraded.
 *   So one failed high supplier fails it, one failed medium supplier degrades it, two fail it.
 * - The dependent keeps working for its tolerance (generators, buffers, stock) before the load
 *   takes effect, and only feels a supplier whose outage outlasts that tolerance.
 * - An object is restored when its last contributing supplier is restored plus its own RTO.
 * States only worsen and events are handled in time order (Dijkstra-like), so cycles terminate
 * and each object changes state at most twice: O((V + E) log V).
 */
import type { Strength } from './cii.tables.ts';

/** One object as the analysis needs it. */
export interface CascadeNode {
  id: string;
  sector: string;
  toleranceHours: number;
  /** The recovery plan's RTO; null when the object has no plan. */
  rtoHours: number | null;
}

/** `dependent` needs `supplier`. */
export interface CascadeEdge {
  dependent: string;
  supplier: string;
  strength: Strength;
}

/** The graph in compressed-row form: for each supplier, its dependents and their weights. */
export interface CascadeGraph {
  ids: string[];
  index: Map<string, number>;
  sectors: string[];
  tolerance: Float64Array;
  rto: Float64Array;
  start: Int32Array;
  dependents: Int32Array;
  weights: Int8Array;
}

export type ImpactState = 'failed' | 'degraded';

/** What happens to one object: its state, when, why, and when it is back. */
export interface Impact {
  id: string;
  sector: string;
  state: ImpactState;
  /** When it is first hit (degraded or failed). */
  atHours: number;
  /** When it fails, if it does. */
  failedAtHours: number | null;
  /** null: not before the failed objects themselves come back (open-ended outage). */
  restoredAtHours: number | null;
  /** The supplier whose loss tipped it; null for the objects chosen as failed. */
  causeId: string | null;
  order: number;
}

/** Per sector: how many objects fail or degrade, and when the first is hit. */
export interface SectorImpact {
  sector: string;
  failed: number;
  degraded: number;
  firstAtHours: number;
}

export interface CascadeResult {
  impacts: Impact[];
  sectors: SectorImpact[];
}

export interface CascadeOptions {
  /** How long the chosen objects stay down; open-ended when absent. */
  outageHours?: number;
  /** Ignore effects later than this. */
  horizonHours?: number;
}

// Weights in quarters and severities in halves keep the sums in integers: full load is 8.
const weightOf: Record<Strength, number> = { low: 1, medium: 2, high: 4 };
const FAIL = 2;
const DEGRADE = 1;
const FULL_LOAD = 8;
const HALF_LOAD = 4;

/** Builds the graph once; unknown endpoints are an error in the caller's data. */
export function buildGraph(nodes: readonly CascadeNode[], edges: readonly CascadeEdge[]): CascadeGraph {
  const n = nodes.length;
  const index = new Map<string, number>();
  nodes.forEach((node, i) => index.set(node.id, i));
  const start = new Int32Array(n + 1);
  const resolved = edges.map((e) => {
    const s = index.get(e.supplier);
    const d = index.get(e.dependent);
    if (s === undefined || d === undefined) throw new Error(`dependency ${e.dependent} → ${e.supplier} names an unknown object`);
    start[s + 1] += 1;
    return [s, d, weightOf[e.strength]] as const;
  });
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const dependents = new Int32Array(edges.length);
  const weights = new Int8Array(edges.length);
  for (const [s, d, w] of resolved) {
    dependents[fill[s]] = d;
    weights[fill[s]] = w;
    fill[s] += 1;
  }
  return {
    ids: nodes.map((x) => x.id), index, sectors: nodes.map((x) => x.sector),
    tolerance: Float64Array.from(nodes, (x) => x.toleranceHours),
    rto: Float64Array.from(nodes, (x) => (x.rtoHours === null ? 0 : x.rtoHours)),
    start, dependents, weights,
  };
}

/** A binary min-heap of (time, node, state) in typed arrays. */
class EventQueue {
  private time: Float64Array;
  private node: Int32Array;
  private state: Int8Array;
  size = 0;

  constructor(capacity: number) {
    this.time = new Float64Array(capacity);
    this.node = new Int32Array(capacity);
    this.state = new Int8Array(capacity);
  }

  push(t: number, n: number, s: number): void {
    if (this.size === this.time.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.time[p] <= t) break;
      this.time[i] = this.time[p]; this.node[i] = this.node[p]; this.state[i] = this.state[p];
      i = p;
    }
    this.time[i] = t; this.node[i] = n; this.state[i] = s;
  }

  /** Removes the earliest event into `out` ([time, node, state]). */
  pop(out: [number, number, number]): void {
    out[0] = this.time[0]; out[1] = this.node[0]; out[2] = this.state[0];
    const last = --this.size;
    const t = this.time[last], n = this.node[last], s = this.state[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && this.time[c + 1] < this.time[c]) c += 1;
      if (this.time[c] >= t) break;
      this.time[i] = this.time[c]; this.node[i] = this.node[c]; this.state[i] = this.state[c];
      i = c;
    }
    this.time[i] = t; this.node[i] = n; this.state[i] = s;
  }

  private grow(): void {
    const grow = <T extends Float64Array | Int32Array | Int8Array>(a: T, make: (n: number) => T): T => { const b = make(a.length * 2); b.set(a); return b; };
    this.time = grow(this.time, (n) => new Float64Array(n));
    this.node = grow(this.node, (n) => new Int32Array(n));
    this.state = grow(this.state, (n) => new Int8Array(n));
  }
}

/** The per-object state of one timed cascade. */
class Workspace {
  readonly state: Int8Array;
  readonly scheduled: Int8Array;
  readonly load: Int32Array;
  readonly at: Float64Array;
  readonly restored: Float64Array;
  readonly supplierRestored: Float64Array;
  readonly cause: Int32Array;
  readonly queue: EventQueue;

  constructor(n: number) {
    this.state = new Int8Array(n);
    this.scheduled = new Int8Array(n);
    this.load = new Int32Array(n);
    this.at = new Float64Array(n);
    this.restored = new Float64Array(n);
    this.supplierRestored = new Float64Array(n);
    this.cause = new Int32Array(n).fill(-1);
    this.queue = new EventQueue(Math.max(16, 2 * n));
  }
}

/** Runs one cascade; calls `visit` for each object as it fails or degrades, in time order. */
function propagate(g: CascadeGraph, w: Workspace, seeds: readonly number[], options: CascadeOptions, visit: (i: number, state: number, before: number) => void): void {
  const outage = options.outageHours ?? Infinity;
  const horizon = options.horizonHours ?? Infinity;
  const event: [number, number, number] = [0, 0, 0];
  for (const i of seeds) {
    w.scheduled[i] = FAIL;
    w.supplierRestored[i] = outage;
    w.queue.push(0, i, FAIL);
  }
  while (w.queue.size > 0) {
    w.queue.pop(event);
    const [t, i, s] = event;
    if (s <= w.state[i] || t > horizon) continue;
    const before = w.state[i];
    w.state[i] = s;
    w.at[i] = t;
    w.restored[i] = w.cause[i] === -1 ? w.supplierRestored[i] : w.supplierRestored[i] + g.rto[i];
    visit(i, s, before);
    for (let k = g.start[i]; k < g.start[i + 1]; k++) {
      const d = g.dependents[k];
      if (w.state[d] === FAIL) continue;
      // The dependent rides through an outage shorter than its tolerance.
      if (w.restored[i] <= t + g.tolerance[d]) continue;
      w.load[d] += g.weights[k] * (s - before);
      if (w.restored[i] > w.supplierRestored[d]) w.supplierRestored[d] = w.restored[i];
      const target = w.load[d] >= FULL_LOAD ? FAIL : w.load[d] >= HALF_LOAD ? DEGRADE : 0;
      if (target > w.scheduled[d]) {
        w.scheduled[d] = target;
        w.cause[d] = i;
        w.queue.push(t + g.tolerance[d], d, target);
      }
    }
  }
}

function indexesOf(g: CascadeGraph, ids: readonly string[]): number[] {
  return ids.map((id) => {
    const i = g.index.get(id);
    if (i === undefined) throw new Error(`unknown object ${id}`);
    return i;
  });
}

/** Which objects and sectors fail or degrade after `failedIds` fail, in what order and when. */
export function cascade(g: CascadeGraph, failedIds: readonly string[], options: CascadeOptions = {}): CascadeResult {
  const w = new Workspace(g.ids.length);
  // First effect of each object, in order; a degraded object that later fails is one entry.
  const first = new Map<number, number>();
  propagate(g, w, indexesOf(g, failedIds), options, (i) => {
    if (!first.has(i)) first.set(i, w.at[i]);
  });
  const impacts: Impact[] = [...first].map(([i, at], n) => ({
    id: g.ids[i], sector: g.sectors[i], state: w.state[i] === FAIL ? 'failed' : 'degraded',
    atHours: at, failedAtHours: w.state[i] === FAIL ? w.at[i] : null,
    restoredAtHours: Number.isFinite(w.restored[i]) ? w.restored[i] : null,
    causeId: w.cause[i] === -1 ? null : g.ids[w.cause[i]], order: n + 1,
  }));
  const sectors = new Map<string, SectorImpact>();
  for (const impact of impacts) {
    const entry = sectors.get(impact.sector) ?? { sector: impact.sector, failed: 0, degraded: 0, firstAtHours: impact.atHours };
    entry[impact.state] += 1;
    entry.firstAtHours = Math.min(entry.firstAtHours, impact.atHours);
    sectors.set(impact.sector, entry);
  }
  return { impacts, sectors: [...sectors.values()].sort((a, b) => a.firstAtHours - b.firstAtHours || b.failed - a.failed) };
}

/** How far one object's failure reaches. */
export interface Reach {
  id: string;
  failed: number;
  degraded: number;
  sectors: number;
  /** Failed objects count 1, degraded ½, the object itself not at all. */
  score: number;
}

/** Final-state counts of one fixpoint pass. */
interface Outcome {
  failed: number;
  degraded: number;
  perSector: Int32Array;
}

/**
 * The reverse question: the objects whose open-ended failure reaches most of the infrastructure,
 * best first. With an open-ended outage timing no longer matters, only the final states: the
 * threshold fixpoint, which does not depend on the order contributions arrive in. So:
 * - objects in one cycle of high dependencies fail together, and one pass serves the cycle;
 * - a pass that fails an object of the largest such cycle (the hub) is redone on top of the
 *   hub's finished pass, adding only what it reaches beyond it.
 */
export function rankReach(g: CascadeGraph, limit = 20): Reach[] {
  const n = g.ids.length;
  const sectorNames = [...new Set(g.sectors)];
  const sectorOf = Int32Array.from(g.sectors, (name) => sectorNames.indexOf(name));
  const component = highComponents(g);
  const state = new Int8Array(n);
  const emitted = new Int8Array(n);
  const load = new Int32Array(n);
  const touched: number[] = [];
  const work: number[] = [];

  const hub = largestComponent(component);
  const inHub = new Uint8Array(n);
  for (const h of hub) inHub[h] = 1;
  let hubBase: Snapshot | null = null;
  let reachedHub = false;
  type Snapshot = { state: Int8Array; load: Int32Array; outcome: Outcome };
  /** One fixpoint pass from `seeds`, optionally on top of a finished pass, optionally kept. */
  const pass = (seeds: readonly number[], base: Snapshot | null, keep?: Snapshot): Outcome => {
    const outcome: Outcome = base
      ? { failed: base.outcome.failed, degraded: base.outcome.degraded, perSector: base.outcome.perSector.slice() }
      : { failed: 0, degraded: 0, perSector: new Int32Array(sectorNames.length) };
    if (base) { state.set(base.state); emitted.set(base.state); load.set(base.load); }
    const raise = (i: number, target: number) => {
      if (state[i] === 0) { outcome.perSector[sectorOf[i]] += 1; touched.push(i); } else outcome.degraded -= 1;
      if (target === FAIL) { outcome.failed += 1; if (inHub[i]) reachedHub = true; } else outcome.degraded += 1;
      state[i] = target;
      work.push(i);
    };
    for (const seed of seeds) if (state[seed] !== FAIL) raise(seed, FAIL);
    while (work.length > 0 && !(reachedHub && hubBase && !base)) {
      const i = work.pop()!;
      const delta = state[i] - emitted[i];
      if (delta === 0) continue;
      emitted[i] = state[i];
      for (let k = g.start[i]; k < g.start[i + 1]; k++) {
        const d = g.dependents[k];
        if (state[d] === FAIL) continue;
        if (load[d] === 0 && state[d] === 0) touched.push(d);
        load[d] += g.weights[k] * delta;
        const target = load[d] >= FULL_LOAD ? FAIL : load[d] >= HALF_LOAD ? DEGRADE : 0;
        if (target > state[d]) raise(d, target);
      }
    }
    work.length = 0;
    if (keep) { keep.state.set(state); keep.load.set(load); }
    if (base) { state.fill(0); emitted.fill(0); load.fill(0); } else for (const i of touched) { state[i] = 0; emitted[i] = 0; load[i] = 0; }
    touched.length = 0;
    return outcome;
  };

  if (hub.length > 1) {
    const snapshot: Snapshot = { state: new Int8Array(n), load: new Int32Array(n), outcome: { failed: 0, degraded: 0, perSector: new Int32Array(0) } };
    snapshot.outcome = pass(hub, null, snapshot);
    hubBase = snapshot;
  }
  const done = new Map<number, Outcome>();
  const results: Reach[] = [];
  for (let x = 0; x < n; x++) {
    if (g.start[x + 1] === g.start[x]) continue;
    let outcome = done.get(component[x]);
    if (!outcome) {
      reachedHub = false;
      outcome = pass([x], null);
      // A pass that fails a hub object ends up with the hub's closure: redo it on top of that.
      if (reachedHub && hubBase) outcome = pass([x], hubBase);
      done.set(component[x], outcome);
    }
    const failed = outcome.failed - 1;
    const sectors = outcome.perSector.reduce((count, v) => count + (v > 0 ? 1 : 0), 0) - (outcome.perSector[sectorOf[x]] === 1 ? 1 : 0);
    if (failed + outcome.degraded > 0) results.push({ id: g.ids[x], failed, degraded: outcome.degraded, sectors, score: failed + outcome.degraded / 2 });
  }
  return results.sort((a, b) => b.score - a.score || b.sectors - a.sectors || a.id.localeCompare(b.id)).slice(0, limit);
}

/** Strongly connected components over high dependencies only (iterative Tarjan). */
function highComponents(g: CascadeGraph): Int32Array {
  const n = g.ids.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const frames: number[] = [];
  const cursor = new Int32Array(n);
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    frames.push(root);
    index[root] = low[root] = counter++;
    cursor[root] = g.start[root];
    stack.push(root); onStack[root] = 1;
    while (frames.length > 0) {
      const v = frames[frames.length - 1];
      if (cursor[v] < g.start[v + 1]) {
        const k = cursor[v]++;
        if (g.weights[k] !== weightOf.high) continue;
        const w = g.dependents[k];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          cursor[w] = g.start[w];
          stack.push(w); onStack[w] = 1;
          frames.push(w);
        } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      frames.pop();
      if (frames.length > 0) { const p = frames[frames.length - 1]; low[p] = Math.min(low[p], low[v]); }
      if (low[v] === index[v]) {
        let w: number;
        do { w = stack.pop()!; onStack[w] = 0; component[w] = components; } while (w !== v);
        components += 1;
      }
    }
  }
  return component;
}

/** The members of the largest component. */
function largestComponent(component: Int32Array): number[] {
  const sizes = new Map<number, number>();
  let best = -1;
  for (const c of component) {
    const size = (sizes.get(c) ?? 0) + 1;
    sizes.set(c, size);
    if (best === -1 || size > (sizes.get(best) ?? 0)) best = c;
  }
  const members: number[] = [];
  component.forEach((c, i) => { if (c === best) members.push(i); });
  return members;
}
