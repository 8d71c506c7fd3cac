/** The alert queue: filters, a live count refreshed every few seconds, and bulk acknowledge. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { detectionApi, type AlertFilter } from './api.ts';

const severities = ['critical', 'high', 'medium', 'low', 'informational'];
const REFRESH_MS = 3000;

export function AlertQueue() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AlertFilter>({ status: 'open' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const alerts = useLoad(() => detectionApi.alerts(filter), [filter]);
  const count = useLoad(() => detectionApi.count(), []);
  const { run, busy, error } = useAction();
  const { reload: reloadAlerts } = alerts;
  const { reload: reloadCount } = count;

  useEffect(() => {
    const timer = setInterval(() => {
      reloadAlerts();
      reloadCount();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reloadAlerts, reloadCount]);

  const items = alerts.data?.items ?? [];
  const toggle = (id: string) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const acknowledge = () => run(async () => {
    await detectionApi.acknowledge([...selected]);
    setSelected(new Set());
    reloadAlerts();
    reloadCount();
  });

  return (
    <section aria-labelledby="alert-queue">
      <h2 id="alert-queue">{t('detection.alerts.title')}</h2>
      <p role="status" aria-live="polite">{t('detection.alerts.openCount', { count: count.data?.open ?? 0 })}</p>
      <form className="detection-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('detection.alerts.status')}
          <select value={filter.status ?? ''} onChange={(e) => setFilter({ ...filter, status: e.target.value || undefined })}>
            <option value="">{t('common.all')}</option>
            <option value="open">{t('detection.status.open')}</option>
            <option value="acknowledged">{t('detection.status.acknowledged')}</option>
          </select>
        </label>
        <label>
          {t('detection.alerts.severity')}
          <select value={filter.severity ?? ''} onChange={(e) => setFilter({ ...filter, severity: e.target.value || undefined })}>
            <option value="">{t('common.all')}</option>
            {severities.map((s) => <option key={s} value={s}>{t(`detection.severity.${s}`)}</option>)}
          </select>
        </label>
        <label>
          {t('detection.alerts.search')}
          <input type="search" value={filter.q ?? ''} onChange={(e) => setFilter({ ...filter, q: e.target.value || undefined })} />
        </label>
      </form>
      <ErrorAlert error={error ?? alerts.error} />
      <button type="button" disabled={busy || selected.size === 0} onClick={() => void acknowledge()}>
        {t('detection.alerts.acknowledge', { count: selected.size })}
      </button>
      {items.length === 0 ? <p>{t('detection.alerts.empty')}</p> : (
        <table className="detection-table">
          <caption>{t('detection.alerts.caption')}</caption>
          <thead>
            <tr>
              <th scope="col"><span className="visually-hidden">{t('detection.alerts.select')}</span></th>
              <th scope="col">{t('detection.alerts.severity')}</th>
              <th scope="col">{t('detection.alerts.rule')}</th>
              <th scope="col">{t('detection.alerts.host')}</th>
              <th scope="col">{t('detection.alerts.techniques')}</th>
              <th scope="col">{t('detection.alerts.count')}</th>
              <th scope="col">{t('detection.alerts.lastSeen')}</th>
              <th scope="col">{t('detection.alerts.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td>
                  <input type="checkbox" aria-label={t('detection.alerts.selectOne', { rule: a.ruleTitle, host: a.host })} checked={selected.has(a.id)} disabled={a.status !== 'open'} onChange={() => toggle(a.id)} />
                </td>
                <td><span className={`severity severity-${a.severity}`}>{t(`detection.severity.${a.severity}`)}</span></td>
                <td>{a.ruleTitle}</td>
                <td>{a.host}</td>
                <td>{a.techniques.join(', ')}</td>
                <td>{a.count}</td>
                <td>{new Date(a.lastSeen).toISOString().replace('T', ' ').slice(0, 19)}</td>
                <td>{t(`detection.status.${a.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
