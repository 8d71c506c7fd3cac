/** Pipeline monitoring: totals, per-10-second rates as a chart (with the same figures in a table), and bus lag. */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useLoad } from '../../ui/hooks.ts';
import { EChart } from '../../ui/EChart.tsx';
import { detectionApi } from './api.ts';

const series = ['received', 'processed', 'alerts', 'invalid', 'dropped'] as const;

export function MonitoringView() {
  const { t } = useTranslation();
  const stats = useLoad(() => detectionApi.stats(), []);
  const { reload } = stats;
  useEffect(() => {
    const timer = setInterval(reload, 10_000);
    return () => clearInterval(timer);
  }, [reload]);
  const data = stats.data;
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { data: series.map((s) => t(`detection.monitoring.${s}`)) },
    xAxis: { type: 'category', data: (data?.history ?? []).map((h) => h.at.slice(11, 19)) },
    yAxis: { type: 'value', name: t('detection.monitoring.perSecond') },
    series: series.map((s) => ({ name: t(`detection.monitoring.${s}`), type: 'line', showSymbol: false, data: (data?.history ?? []).map((h) => h[s] / 10) })),
  }), [data, t]);
  return (
    <section aria-labelledby="monitoring">
      <h2 id="monitoring">{t('detection.monitoring.title')}</h2>
      <ErrorAlert error={stats.error} />
      {data ? (
        <>
          <dl className="detection-totals">
            {series.map((s) => (
              <div key={s}><dt>{t(`detection.monitoring.${s}`)}</dt><dd>{data.totals[s]}</dd></div>
            ))}
            <div><dt>{t('detection.monitoring.rules')}</dt><dd>{data.rules ?? '—'}</dd></div>
            <div><dt>{t('detection.monitoring.bus')}</dt><dd>{data.bus.kind}</dd></div>
          </dl>
          <EChart option={option} label={t('detection.monitoring.chart')} />
          <table className="detection-table">
            <caption>{t('detection.monitoring.lag')}</caption>
            <thead><tr><th scope="col">{t('detection.monitoring.consumer')}</th><th scope="col">{t('detection.monitoring.pending')}</th></tr></thead>
            <tbody>
              {Object.entries(data.bus.lag).map(([consumer, n]) => <tr key={consumer}><td>{consumer}</td><td>{n}</td></tr>)}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
