/**
 * The reverse question of the cascade: which objects' failure (open-ended) reaches most of the
 * registered infrastructure, ranked, as a bar chart and the same figures in a table.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import { DataTable } from '../../ui/DataTable.tsx';
import { EChart } from '../../ui/EChart.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useLoad } from '../../ui/hooks.ts';
import { useSectorName } from '../../ui/sectors.ts';
import { ciiApi, type ReachEntry } from './api.ts';

const defaultLimit = 20;

function bars(rows: ReachEntry[], names: { failed: string; degraded: string }): EChartsCoreOption {
  const series = (name: string, color: string, value: (r: ReachEntry) => number) => ({ name, type: 'bar', stack: 'reach', data: rows.map(value), itemStyle: { color } });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [names.failed, names.degraded] },
    grid: { left: 10, right: 30, top: 40, bottom: 10, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    // The best-ranked object on top, as in the table.
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => `${r.name} (${r.operator})`), axisLabel: { width: 220, overflow: 'truncate' } },
    series: [series(names.failed, '#dc2626', (r) => r.failed), series(names.degraded, '#f59e0b', (r) => r.degraded)],
  };
}

export function ReachView() {
  const { t } = useTranslation();
  const sectorName = useSectorName();
  const [limit, setLimit] = useState(defaultLimit);
  const [typed, setTyped] = useState(String(defaultLimit));
  const ranking = useLoad(() => ciiApi.reach(limit), [limit]);
  const rows = useMemo(() => ranking.data?.items.map((r, i) => ({ ...r, rank: i + 1 })), [ranking.data]);
  const names = { failed: t('cii.reach.failed'), degraded: t('cii.reach.degraded') };
  const option = useMemo(() => (rows?.length ? bars(rows, names) : null), [rows, names.failed, names.degraded]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setLimit(Number(typed));
  };
  return (
    <>
      <p>{t('cii.reach.intro')}</p>
      <form onSubmit={submit} className="form-grid">
        <Field label={t('cii.reach.limit')} hint={t('cii.reach.limitHint')}>
          <input type="number" min="1" max="200" step="1" required value={typed} onChange={(e) => setTyped(e.target.value)} />
        </Field>
        <FormActions busy={false} submit={t('cii.reach.show')} />
      </form>
      <ErrorAlert error={ranking.error} />
      {option && rows ? <EChart option={option} label={t('cii.reach.chart')} height={80 + rows.length * 26} /> : null}
      {rows ? (
        <DataTable
          label={t('cii.reach.table')}
          rows={rows}
          rowKey={(r) => r.id}
          empty={t('cii.reach.empty')}
          columns={[
            { header: t('cii.reach.rank'), render: (r) => r.rank },
            { header: t('cii.name'), rowHeader: true, render: (r) => r.name },
            { header: t('cii.operator'), render: (r) => r.operator },
            { header: t('cii.sector'), render: (r) => sectorName(r.sector) },
            { header: names.failed, render: (r) => r.failed },
            { header: names.degraded, render: (r) => r.degraded },
            { header: t('cii.reach.sectors'), render: (r) => r.sectors },
            { header: t('cii.reach.score'), render: (r) => r.score },
          ]}
        />
      ) : null}
    </>
  );
}
