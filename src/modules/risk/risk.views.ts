/** Register views: the likelihood × impact heat map with the counts behind each cell, and a summary. */
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../identity/identity.policy.ts';
import { list, scales, type Risk } from './risk.service.ts';
import type { RiskLevel } from './risk.tables.ts';

export interface HeatCell {
  likelihood: number;
  impact: number;
  count: number;
}

/** The heat map of one register, plus the figures a register page shows beside it. */
export interface Heatmap {
  level: RiskLevel;
  basis: 'inherent' | 'residual';
  likelihoodLevels: number;
  impactLevels: number;
  cells: HeatCell[];
  summary: { total: number; open: number; accepted: number; reviewOverdue: number; actionsDone: number; actionsTotal: number; plannedCost: number };
  top: Pick<Risk, 'id' | 'title' | 'inherentScore' | 'residualScore'>[];
}

export async function heatmap(tx: Executor, actor: Actor, query: { level: RiskLevel; organisationId?: string; basis?: 'inherent' | 'residual' }): Promise<Heatmap> {
  const basis = query.basis ?? 'inherent';
  const risks = await list(tx, actor, { level: query.level, organisationId: query.organisationId, limit: 1000 });
  const scale = await scales(tx, query.level, query.organisationId ?? null);
  const counts = new Map<string, HeatCell>();
  for (const r of risks) {
    const likelihood = basis === 'residual' ? r.residualLikelihood : r.likelihood;
    const impact = basis === 'residual' ? r.residualImpact : r.impactLevel;
    if (!likelihood || !impact) continue;
    const key = `${likelihood}:${impact}`;
    const cell = counts.get(key) ?? { likelihood, impact, count: 0 };
    cell.count += 1;
    counts.set(key, cell);
  }
  return {
    level: query.level, basis, ...scale, cells: [...counts.values()].sort((a, b) => a.likelihood - b.likelihood || a.impact - b.impact),
    summary: {
      total: risks.length,
      open: risks.filter((r) => r.status === 'open').length,
      accepted: risks.filter((r) => r.status === 'accepted').length,
      reviewOverdue: risks.filter((r) => r.reviewOverdue).length,
      actionsDone: risks.reduce((n, r) => n + r.progress.done, 0),
      actionsTotal: risks.reduce((n, r) => n + r.progress.total, 0),
      plannedCost: risks.reduce((n, r) => n + r.progress.cost, 0),
    },
    top: risks.slice(0, 5).map((r) => ({ id: r.id, title: r.title, inherentScore: r.inherentScore, residualScore: r.residualScore })),
  };
}
