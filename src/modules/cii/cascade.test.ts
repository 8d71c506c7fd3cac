import { describe, expect, it } from 'vitest';
import { buildGraph, cascade, rankReach, type CascadeEdge, type CascadeNode } from './cascade.ts';

const node = (id: string, sector: string, toleranceHours = 0, rtoHours: number | null = null): CascadeNode => ({ id, sector, toleranceHours, rtoHours });
const edge = (dependent: string, supplier: string, strength: CascadeEdge['strength'] = 'high'): CascadeEdge => ({ dependent, supplier, strength });

describe('cascade analysis', () => {
  const chain = buildGraph(
    [node('power', 'energy'), node('telecom', 'telecom', 4), node('bank', 'banking', 2, 6), node('egov', 'government', 1)],
    [edge('telecom', 'power'), edge('bank', 'telecom'), edge('egov', 'bank', 'medium')],
  );

  it('follows a chain in time order, adding each object’s tolerance', () => {
    const { impacts } = cascade(chain, ['power']);
    expect(impacts.map((i) => [i.id, i.state, i.atHours, i.causeId, i.order])).toEqual([
      ['power', 'failed', 0, null, 1],
      ['telecom', 'failed', 4, 'power', 2],
      ['bank', 'failed', 6, 'telecom', 3],
      ['egov', 'degraded', 7, 'bank', 4],
    ]);
  });

  it('summarises sectors by first hit', () => {
    expect(cascade(chain, ['power']).sectors.map((s) => s.sector)).toEqual(['energy', 'telecom', 'banking', 'government']);
  });

  it('lets an object ride through an outage shorter than its tolerance', () => {
    const { impacts } = cascade(chain, ['power'], { outageHours: 3 });
    expect(impacts.map((i) => i.id)).toEqual(['power']);
  });

  it('restores a dependent after its suppliers plus its own RTO', () => {
    const { impacts } = cascade(chain, ['power'], { outageHours: 10 });
    expect(impacts.find((i) => i.id === 'bank')?.restoredAtHours).toBe(16);
  });

  it('fails an object when two medium suppliers fail, degrades it with one', () => {
    const g = buildGraph([node('a', 's'), node('b', 's'), node('c', 's')], [edge('c', 'a', 'medium'), edge('c', 'b', 'medium')]);
    expect(cascade(g, ['a']).impacts.find((i) => i.id === 'c')?.state).toBe('degraded');
    const both = cascade(g, ['a', 'b']).impacts.find((i) => i.id === 'c');
    expect([both?.state, both?.failedAtHours]).toEqual(['failed', 0]);
  });

  it('ignores a single low dependency', () => {
    const g = buildGraph([node('a', 's'), node('b', 's')], [edge('b', 'a', 'low')]);
    expect(cascade(g, ['a']).impacts).toHaveLength(1);
  });

  it('terminates on cycles and reaches every object in the ring', () => {
    const g = buildGraph([node('a', 's', 1), node('b', 's', 1), node('c', 's', 1)], [edge('b', 'a'), edge('c', 'b'), edge('a', 'c')]);
    expect(cascade(g, ['b']).impacts.map((i) => [i.id, i.atHours])).toEqual([['b', 0], ['c', 1], ['a', 2]]);
  });

  it('stops at the horizon', () => {
    expect(cascade(chain, ['power'], { horizonHours: 5 }).impacts.map((i) => i.id)).toEqual(['power', 'telecom']);
  });

  it('ranks the objects whose failure reaches furthest', () => {
    expect(rankReach(chain).map((r) => [r.id, r.failed, r.degraded, r.sectors])).toEqual([
      ['power', 2, 1, 3],
      ['telecom', 1, 1, 2],
      ['bank', 0, 1, 1],
    ]);
  });

  it('rejects a dependency on an unknown object', () => {
    expect(() => buildGraph([node('a', 's')], [edge('a', 'x')])).toThrow(/unknown object/);
  });
});

describe('the reach ranking', () => {
  it('agrees with one full cascade per object on a random graph with cycles', () => {
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const nodes = Array.from({ length: 150 }, (_, i) => node(`o${i}`, `s${i % 5}`, Math.floor(next() * 5)));
    const edges: CascadeEdge[] = [];
    const seen = new Set<string>();
    while (edges.length < 500) {
      const d = Math.floor(next() * 150);
      const s = Math.floor(next() * 150);
      if (d === s || seen.has(`${d}:${s}`)) continue;
      seen.add(`${d}:${s}`);
      edges.push(edge(`o${d}`, `o${s}`, (['low', 'medium', 'high'] as const)[Math.floor(next() * 3)]));
    }
    const g = buildGraph(nodes, edges);
    const ranked = rankReach(g, 150);
    expect(ranked.length).toBeGreaterThan(20);
    for (const r of ranked) {
      const impacts = cascade(g, [r.id]).impacts.filter((i) => i.id !== r.id);
      const failed = impacts.filter((i) => i.state === 'failed').length;
      expect([r.id, r.failed, r.degraded]).toEqual([r.id, failed, impacts.length - failed]);
    }
  });
});
