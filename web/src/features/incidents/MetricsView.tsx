/** MTTD, MTTA, MTTR and counts of the incidents the user may see: per class, sector and month, charts with the figures in tables. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useLoad } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { EChart } from '../../ui/EChart.tsx';
import { incidentsApi, type Group } from './api.ts';

const minutes = (m: number | null) => (m === null ? '—' : m >= 60 ? `${(m / 60).toFixed(1)} h` : `${m} min`);

function bars(groups: Group[], names: { count: string; resolved: string }): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [names.count, names.resolved] },
    grid: { left: 40, right: 20, top: 40, bottom: 80 },
    xAxis: { type: 'category', data: groups.map((g) => g.key), axisLabel: { rotate: 30, fontSize: 10 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: names.count, type: 'bar', data: groups.map((g) => g.count), itemStyle: { color: '#2e7bbf' } },
      { name: names.resolved, type: 'bar', data: groups.map((g) => g.resolved), itemStyle: { color: '#2e7d32' } },
    ],
  };
}

function GroupTable({ label, groups }: { label: string; groups: Group[] }) {
  const { t } = useTranslation();
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t('incidents.metrics.key')}</th>
          <th scope="col">{t('incidents.metrics.count')}</th>
          <th scope="col">{t('incidents.metrics.resolved')}</th>
          <th scope="col">MTTD</th>
          <th scope="col">MTTA</th>
          <th scope="col">MTTR</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key}>
            <th scope="row">{g.key}</th>
            <td>{g.count}</td>
            <td>{g.resolved}</td>
            <td>{minutes(g.mttdMinutes)}</td>
            <td>{minutes(g.mttaMinutes)}</td>
            <td>{minutes(g.mttrMinutes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Groups keyed by their names in `lang`: the server groups by stored keys (class, sector slug), people read names. */
const named = (groups: Group[] | undefined, lang: string): Group[] =>
  (groups ?? []).map((g) => ({ ...g, key: g.label?.[lang === 'en' ? 'en' : 'az'] ?? g.key }));

export function MetricsView() {
  const { t, i18n } = useTranslation();
  const { data, error } = useLoad(() => incidentsApi.metrics(), []);
  const names = { count: t('incidents.metrics.count'), resolved: t('incidents.metrics.resolved') };
  const classes = useMemo(() => named(data?.byClass, i18n.language), [data, i18n.language]);
  const sectors = useMemo(() => named(data?.bySector, i18n.language), [data, i18n.language]);
  const byClass = useMemo(() => bars(classes, names), [classes, names.count]);
  const bySector = useMemo(() => bars(sectors, names), [sectors, names.count]);
  const byMonth = useMemo(() => bars(data?.byMonth ?? [], names), [data, names.count]);
  if (!data) return <ErrorAlert error={error} />;
  return (
    <>
      <GroupTable label={t('incidents.metrics.totals')} groups={[{ key: t('incidents.metrics.all'), ...data.totals }]} />
      <p>
        <a href="/api/incidents/metrics.csv">CSV</a> · <a href="/api/incidents/statistics.xlsx">XLSX</a> · <a href="/api/incidents/statistics.pdf">PDF</a>
      </p>
      <Panel title={t('incidents.metrics.byClass')}>
        <EChart option={byClass} label={t('incidents.metrics.byClass')} />
        <GroupTable label={t('incidents.metrics.byClassTable')} groups={classes} />
      </Panel>
      <Panel title={t('incidents.metrics.bySector')}>
        <EChart option={bySector} label={t('incidents.metrics.bySector')} />
        <GroupTable label={t('incidents.metrics.bySectorTable')} groups={sectors} />
      </Panel>
      <Panel title={t('incidents.metrics.byMonth')}>
        <EChart option={byMonth} label={t('incidents.metrics.byMonth')} />
        <GroupTable label={t('incidents.metrics.byMonthTable')} groups={data.byMonth} />
      </Panel>
    </>
  );
}
