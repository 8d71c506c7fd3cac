/**
 * The plan's measures on a 2023–2027 time axis (Gantt-like): one bar per measure over its period,
 * ongoing work across the whole plan, coloured by status, overdue ones outlined in red.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { localised } from '../../ui/format.ts';
import { useLoad } from '../../ui/hooks.ts';
import { measuresOf, planApi, type IndicatorStatus, type Measure, type PlanFilter } from './api.ts';
import { EChart } from '../../ui/EChart.tsx';
import { PlanFilters } from './PlanFilters.tsx';

const colours: Record<IndicatorStatus, string> = { not_started: '#9aa5b4', in_progress: '#e0a100', achieved: '#2e9b57' };

interface RenderApi {
  value: (dimension: number) => number;
  coord: (point: [number, number]) => [number, number];
  size: (size: [number, number]) => [number, number];
  style: () => Record<string, unknown>;
}

function span(m: Measure): [number, number] {
  const [from, to] = 'ongoing' in m.period ? [2023, 2027] : [m.period.from, m.period.to];
  return [Date.UTC(from, 0, 1), Date.UTC(to, 11, 31)];
}

export function TimelineView() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<PlanFilter>({});
  const { data, error } = useLoad(() => planApi.tree(filter), [filter]);
  const measures = useMemo(() => (data ? measuresOf(data.items) : []), [data]);

  const option = useMemo<EChartsCoreOption>(() => ({
    tooltip: {
      formatter: (p: { dataIndex: number }) => {
        const m = measures[p.dataIndex];
        return `${m.id} ${localised(m.title)}<br/>${'ongoing' in m.period ? t('plan.ongoing') : m.periodText} · ${t(`plan.status.${m.status}`)}${m.overdue ? ` · ${t('plan.status.overdue')}` : ''}`;
      },
    },
    grid: { left: 70, right: 20, top: 10, bottom: 30 },
    xAxis: { type: 'time', min: Date.UTC(2023, 0, 1), max: Date.UTC(2027, 11, 31), splitNumber: 5 },
    yAxis: { type: 'category', data: measures.map((m) => m.id), inverse: true, axisLabel: { fontSize: 10 } },
    series: [{
      type: 'custom',
      encode: { x: [1, 2], y: 0 },
      data: measures.map((m, i) => [i, ...span(m)]),
      renderItem: (_params: unknown, api: RenderApi) => {
        const m = measures[api.value(0)];
        const start = api.coord([api.value(1), api.value(0)]);
        const end = api.coord([api.value(2), api.value(0)]);
        const height = api.size([0, 1])[1] * 0.6;
        return {
          type: 'rect',
          shape: { x: start[0], y: start[1] - height / 2, width: end[0] - start[0], height },
          style: { fill: colours[m.status], opacity: 'ongoing' in m.period ? 0.45 : 0.9, stroke: m.overdue ? '#c62828' : undefined, lineWidth: m.overdue ? 2 : 0 },
        };
      },
    }],
  }), [measures, t]);

  return (
    <>
      <ErrorAlert error={error} />
      <PlanFilters agencies={data?.agencies ?? []} onApply={setFilter} />
      <p>{t('plan.timeline.legend')}</p>
      {data ? <EChart option={option} label={t('plan.timeline.label', { count: measures.length })} height={Math.max(240, measures.length * 20 + 60)} /> : null}
    </>
  );
}
