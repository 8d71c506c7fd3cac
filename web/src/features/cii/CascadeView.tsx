/**
 * The cascade analysis: choose failed objects (and an outage length), see who fails or degrades,
 * in what order and when, as an interactive graph and as a table.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { EChart } from '../../ui/EChart.tsx';
import { useSectorName } from '../../ui/sectors.ts';
import { ciiApi, type CascadeReport } from './api.ts';

const colours = { failed: '#dc2626', degraded: '#f59e0b', start: '#7f1d1d' };

function graphOption(report: CascadeReport): EChartsCoreOption {
  return {
    tooltip: {},
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true, force: { repulsion: 220, edgeLength: 90 },
      label: { show: true, position: 'right' }, edgeSymbol: ['none', 'arrow'],
      data: report.impacts.map((i) => ({
        id: i.id, name: i.name, value: i.atHours, symbolSize: i.causeId ? 22 : 32,
        itemStyle: { color: i.causeId ? colours[i.state] : colours.start },
      })),
      links: report.links.map((l) => ({ source: l.source, target: l.target, lineStyle: { width: l.strength === 'high' ? 3 : l.strength === 'medium' ? 2 : 1 } })),
    }],
  };
}

export function CascadeView() {
  const { t } = useTranslation();
  const directory = useLoad(() => ciiApi.directory(), []);
  const sectorName = useSectorName();
  const [failed, setFailed] = useState<string[]>([]);
  const [outage, setOutage] = useState('');
  const [report, setReport] = useState<CascadeReport | null>(null);
  const { run, busy, error } = useAction();
  const option = useMemo(() => (report ? graphOption(report) : null), [report]);
  const names = new Map(report?.impacts.map((i) => [i.id, i.name]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => setReport(await ciiApi.cascade(failed, Number(outage) || undefined)));
  };
  return (
    <>
      <ErrorAlert error={directory.error ?? error} />
      <form onSubmit={submit} className="form-grid">
        <Field label={t('cii.failedObjects')} hint={t('cii.failedHint')}>
          <select multiple required size={6} value={failed} onChange={(e) => setFailed([...e.target.selectedOptions].map((o) => o.value))}>
            {(directory.data?.items ?? []).map((d) => <option key={d.id} value={d.id}>{d.name} — {sectorName(d.sector)} ({d.operator})</option>)}
          </select>
        </Field>
        <Field label={t('cii.outageHours')} hint={t('cii.outageHint')}>
          <input type="number" min="0" step="0.5" value={outage} onChange={(e) => setOutage(e.target.value)} />
        </Field>
        <FormActions busy={busy} submit={t('cii.runCascade')} />
      </form>
      {report && option ? (
        <>
          <EChart option={option} label={t('cii.cascadeGraph')} height={420} />
          <table aria-label={t('cii.cascadeTable')}>
            <thead>
              <tr>
                <th scope="col">#</th><th scope="col">{t('cii.name')}</th><th scope="col">{t('cii.sector')}</th><th scope="col">{t('cii.state')}</th>
                <th scope="col">{t('cii.afterHours')}</th><th scope="col">{t('cii.restoredHours')}</th><th scope="col">{t('cii.cause')}</th>
              </tr>
            </thead>
            <tbody>
              {report.impacts.map((i) => (
                <tr key={i.id}>
                  <td>{i.order}</td><th scope="row">{i.name}</th><td>{sectorName(i.sector)}</td><td>{t(`cii.states.${i.state}`)}</td>
                  <td>{i.atHours}</td><td>{i.restoredAtHours ?? '—'}</td><td>{i.causeId ? names.get(i.causeId) : t('cii.initial')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table aria-label={t('cii.sectorsTable')}>
            <thead><tr><th scope="col">{t('cii.sector')}</th><th scope="col">{t('cii.states.failed')}</th><th scope="col">{t('cii.states.degraded')}</th><th scope="col">{t('cii.afterHours')}</th></tr></thead>
            <tbody>
              {report.sectors.map((s) => <tr key={s.sector}><th scope="row">{sectorName(s.sector)}</th><td>{s.failed}</td><td>{s.degraded}</td><td>{s.firstAtHours}</td></tr>)}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
