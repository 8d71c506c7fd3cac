/** Completion per priority and per agency and overdue counts: charts, with the same figures in tables. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { localised } from '../../ui/format.ts';
import { useLoad } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { planApi, type Figures } from './api.ts';
import { EChart } from '../../ui/EChart.tsx';
import { PeriodField } from './PeriodField.tsx';

function bars(labels: string[], completion: number[], overdue: number[], names: { completion: string; overdue: string }): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [names.completion, names.overdue] },
    grid: { left: 50, right: 50, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: labels, axisLabel: { rotate: labels.length > 12 ? 45 : 0, fontSize: 10 } },
    yAxis: [{ type: 'value', min: 0, max: 100, name: '%' }, { type: 'value', minInterval: 1, name: names.overdue }],
    series: [
      { name: names.completion, type: 'bar', data: completion, itemStyle: { color: '#2e7bbf' } },
      { name: names.overdue, type: 'bar', yAxisIndex: 1, data: overdue, itemStyle: { color: '#c62828' } },
    ],
  };
}

function FiguresTable({ label, rows }: { label: string; rows: (Figures & { key: string; name: string })[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      label={label}
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        { header: t('plan.dashboard.item'), rowHeader: true, title: (r) => r.name, render: (r) => r.key },
        { header: t('plan.dashboard.measures'), render: (r) => r.measures },
        { header: t('plan.completion'), render: (r) => `${r.completion}%` },
        { header: t('plan.status.achieved'), render: (r) => r.achieved },
        { header: t('plan.status.in_progress'), render: (r) => r.inProgress },
        { header: t('plan.status.overdue'), render: (r) => r.overdue },
      ]}
    />
  );
}

export function DashboardView() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState('');
  const { data, error } = useLoad(() => planApi.dashboard(period || undefined), [period]);
  const names = { completion: t('plan.completion'), overdue: t('plan.status.overdue') };
  const priorityChart = useMemo(() => data && bars(data.priorities.map((p) => p.id), data.priorities.map((p) => p.completion), data.priorities.map((p) => p.overdue), names), [data, names.completion]);
  const agencyChart = useMemo(() => data && bars(data.agencies.map((a) => a.acronym), data.agencies.map((a) => a.completion), data.agencies.map((a) => a.overdue), names), [data, names.completion]);
  return (
    <>
      <ErrorAlert error={error} />
      <div className="filters">
        <PeriodField value={period} onChange={setPeriod} />
      </div>
      {data ? (
        <>
          <div className="plan-figures" role="group" aria-label={t('plan.dashboard.totals')}>
            <div>{t('plan.dashboard.measures')}<strong>{data.totals.measures}</strong></div>
            <div>{t('plan.completion')}<strong>{data.totals.completion}%</strong></div>
            <div>{t('plan.status.achieved')}<strong>{data.totals.achieved}</strong></div>
            <div>{t('plan.status.overdue')}<strong>{data.totals.overdue}</strong></div>
            <div>{t('plan.dashboard.pending')}<strong>{data.totals.pendingReports}</strong></div>
          </div>
          <div className="plan-grid">
            <Panel title={t('plan.dashboard.byPriority')}>
              <EChart option={priorityChart!} label={t('plan.dashboard.byPriority')} />
              <FiguresTable label={t('plan.dashboard.byPriority')} rows={data.priorities.map((p) => ({ ...p, key: p.id, name: localised(p.title) }))} />
            </Panel>
            <Panel title={t('plan.dashboard.byAgency')}>
              <EChart option={agencyChart!} label={t('plan.dashboard.byAgency')} height={360} />
              <FiguresTable label={t('plan.dashboard.byAgency')} rows={data.agencies.map((a) => ({ ...a, key: a.acronym, name: localised(a.name) }))} />
            </Panel>
          </div>
        </>
      ) : null}
    </>
  );
}
