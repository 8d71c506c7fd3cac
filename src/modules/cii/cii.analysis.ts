/**
 * Cascade analysis over the registered graph (strategy 4.1.11–4.1.12: an incident in one area
 * can set off a chain in others). The graph is read whole; other operators' objects appear only
 * with their directory face (name, sector, operator).
 */
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../identity/identity.policy.ts';
import * as organisations from '../identity/organisations.service.ts';
import { buildGraph, cascade, rankReach, type CascadeGraph, type Impact, type Reach, type SectorImpact } from './cascade.ts';
import { assertMayUseDirectory } from './cii.policy.ts';
import type { CascadeBody } from './cii.schema.ts';
import * as store from './cii.store.ts';
import type { DependencyKind, Strength } from './cii.tables.ts';

type Face = { name: string; sector: string; operator: string };

/** The directory with each operator's acronym, resolved through the identity service. */
export async function directoryWithOperators(db: Executor) {
  const rows = await store.directory(db);
  const labels = await organisations.labelsOf(db, [...new Set(rows.map((r) => r.organisation_id))]);
  return rows.map((r) => ({ ...r, acronym: labels.get(r.organisation_id)?.acronym ?? '' }));
}

async function loadGraph(db: Executor): Promise<{ graph: CascadeGraph; faces: Map<string, Face>; edges: { dependent_id: string; supplier_id: string; strength: Strength; kind: DependencyKind }[] }> {
  const [objects, edges, rtos] = await Promise.all([directoryWithOperators(db), store.allDependencies(db), store.allRtos(db)]);
  const graph = buildGraph(
    objects.map((o) => ({ id: o.id, sector: o.sector, toleranceHours: Number(o.tolerance_hours), rtoHours: rtos.get(o.id) ?? null })),
    edges.map((e) => ({ dependent: e.dependent_id, supplier: e.supplier_id, strength: e.strength })),
  );
  return { graph, faces: new Map(objects.map((o) => [o.id, { name: o.name, sector: o.sector, operator: o.acronym }])), edges };
}

/** The result of a cascade: the table rows, the sectors, and the edges among affected objects for the graph view. */
export interface CascadeReport {
  impacts: (Impact & { name: string; operator: string })[];
  sectors: SectorImpact[];
  links: { source: string; target: string; kind: DependencyKind; strength: Strength }[];
  objectCount: number;
}

export async function runCascade(db: Executor, actor: Actor, input: CascadeBody): Promise<CascadeReport> {
  assertMayUseDirectory(actor);
  const { graph, faces, edges } = await loadGraph(db);
  const unknown = input.failedIds.filter((id) => !faces.has(id));
  if (unknown.length > 0) throw new AppError('unprocessable', `Not registered CII objects: ${unknown.join(', ')}`);
  const result = cascade(graph, input.failedIds, { outageHours: input.outageHours, horizonHours: input.horizonHours });
  const hit = new Set(result.impacts.map((i) => i.id));
  return {
    impacts: result.impacts.map((i) => ({ ...i, name: faces.get(i.id)!.name, operator: faces.get(i.id)!.operator })),
    sectors: result.sectors,
    links: edges.filter((e) => hit.has(e.dependent_id) && hit.has(e.supplier_id)).map((e) => ({ source: e.supplier_id, target: e.dependent_id, kind: e.kind, strength: e.strength })),
    objectCount: graph.ids.length,
  };
}

/** The objects whose failure reaches most of the infrastructure. */
export async function reach(db: Executor, actor: Actor, limit: number): Promise<(Reach & Face)[]> {
  assertMayUseDirectory(actor);
  const { graph, faces } = await loadGraph(db);
  return rankReach(graph, limit).map((r) => ({ ...r, ...faces.get(r.id)! }));
}
