/**
 * Cascade analysis benchmark: 10,000 CII objects and 50,000 dependencies in 12 sectors; times
 * building the graph, one cascade from a failed power object (goal: under one second), and the
 * reverse ranking (one cascade per object). Run alone with `npm run bench -- cascade`.
 */
import { buildGraph, cascade, rankReach, type CascadeEdge, type CascadeNode } from '../src/modules/cii/cascade.ts';

const OBJECTS = Number(process.env.BENCH_CII_OBJECTS ?? 10_000);
const DEPENDENCIES = Number(process.env.BENCH_CII_DEPENDENCIES ?? 50_000);
const sectors = ['energy', 'telecom', 'banking', 'government', 'transport', 'water', 'health', 'finance', 'emergency', 'media', 'education', 'industry'];
const strengths: CascadeEdge['strength'][] = ['low', 'medium', 'high'];

/** A deterministic pseudo-random sequence, so every run measures the same graph. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function makeGraph(): { nodes: CascadeNode[]; edges: CascadeEdge[] } {
  const next = random(42);
  const nodes = Array.from({ length: OBJECTS }, (_, i) => ({
    id: `obj-${i}`, sector: sectors[i % sectors.length], toleranceHours: Math.floor(next() * 24), rtoHours: next() < 0.7 ? Math.floor(next() * 72) : null,
  }));
  const edges: CascadeEdge[] = [];
  const seen = new Set<string>();
  while (edges.length < DEPENDENCIES) {
    const d = Math.floor(next() * OBJECTS);
    const s = Math.floor(next() * OBJECTS);
    if (d === s || seen.has(`${d}:${s}`)) continue;
    seen.add(`${d}:${s}`);
    edges.push({ dependent: nodes[d].id, supplier: nodes[s].id, strength: strengths[Math.floor(next() * 3)] });
  }
  return { nodes, edges };
}

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

export async function run(): Promise<void> {
  const { nodes, edges } = makeGraph();
  let t = process.hrtime.bigint();
  const graph = buildGraph(nodes, edges);
  const built = ms(t);
  t = process.hrtime.bigint();
  const result = cascade(graph, ['obj-0', 'obj-12', 'obj-24']);
  const single = ms(t);
  const failed = result.impacts.filter((i) => i.state === 'failed').length;
  process.stdout.write(`graph: ${OBJECTS} objects, ${edges.length} dependencies, built in ${built.toFixed(1)} ms\n`);
  process.stdout.write(`cascade from 3 failed power objects: ${single.toFixed(1)} ms (${failed} failed, ${result.impacts.length - failed} degraded, ${result.sectors.length} sectors) — goal < 1000 ms: ${built + single < 1000 ? 'met' : 'MISSED'}\n`);
  t = process.hrtime.bigint();
  const ranked = rankReach(graph, 10);
  process.stdout.write(`reverse ranking (one cascade per object): ${ms(t).toFixed(0)} ms; top reach ${ranked[0]?.failed ?? 0} failed, ${ranked[0]?.degraded ?? 0} degraded\n`);
}

if (process.argv.includes('--main')) await run();
