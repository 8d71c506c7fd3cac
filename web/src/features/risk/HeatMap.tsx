/** Likelihood × impact as an echarts heat map; clicking a cell filters the table to it. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import type { Heatmap } from './api.ts';
import { EChart } from '../../ui/EChart.tsx';

export function HeatMap({ heatmap, onPick }: { heatmap: Heatmap; onPick: (likelihood: number, impact: number) => void }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(() => {
    const axis = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
    const max = Math.max(1, ...heatmap.cells.map((c) => c.count));
    return {
      tooltip: { formatter: (p: { data: [number, number, number] }) => `${t('risk.likelihood')} ${p.data[0] + 1} × ${t('risk.impact')} ${p.data[1] + 1}: ${p.data[2]}` },
      grid: { left: 60, right: 20, top: 10, bottom: 50 },
      xAxis: { type: 'category', data: axis(heatmap.likelihoodLevels), name: t('risk.likelihood'), nameLocation: 'middle', nameGap: 30 },
      yAxis: { type: 'category', data: axis(heatmap.impactLevels), name: t('risk.impact'), nameLocation: 'middle', nameGap: 40 },
      visualMap: { min: 0, max, show: false, inRange: { color: ['#f1f5f9', '#fbbf24', '#dc2626'] } },
      series: [{ type: 'heatmap', data: heatmap.cells.map((c) => [c.likelihood - 1, c.impact - 1, c.count]), label: { show: true } }],
    };
  }, [heatmap, t]);
  const s = heatmap.summary;
  return (
    <div className="risk-overview">
      <EChart option={option} label={t('risk.heatmap')} height={280} onClick={(data) => {
        const [l, i] = data as [number, number];
        onPick(l + 1, i + 1);
      }} />
      <dl className="risk-summary" aria-label={t('risk.summary')}>
        <dt>{t('risk.total')}</dt><dd>{s.total}</dd>
        <dt>{t('risk.open')}</dt><dd>{s.open}</dd>
        <dt>{t('risk.acceptedCount')}</dt><dd>{s.accepted}</dd>
        <dt>{t('risk.reviewOverdue')}</dt><dd>{s.reviewOverdue}</dd>
        <dt>{t('risk.treatmentProgress')}</dt><dd>{s.actionsDone} / {s.actionsTotal}</dd>
      </dl>
    </div>
  );
}
