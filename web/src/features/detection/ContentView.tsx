/** Rules and indicators of the organisations the user works for (national ones are marked). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/SessionProvider.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { detectionApi } from './api.ts';

export function ContentView() {
  const { t } = useTranslation();
  const session = useSession();
  const rules = useLoad(() => detectionApi.rules(), []);
  const indicators = useLoad(() => detectionApi.indicators(), []);
  const { run, busy, error } = useAction();
  const organisations = session.memberships.map((m) => m.organisationId);
  const [owner, setOwner] = useState<string>(organisations[0] ?? '');
  const [yaml, setYaml] = useState('');
  const [indicator, setIndicator] = useState('');
  const ownerId = owner === 'national' ? null : owner;

  return (
    <section aria-labelledby="content">
      <h2 id="content">{t('detection.content.title')}</h2>
      <ErrorAlert error={error ?? rules.error ?? indicators.error} />
      <label>
        {t('detection.content.owner')}
        <select value={owner} onChange={(e) => setOwner(e.target.value)}>
          {organisations.map((o) => <option key={o} value={o}>{o}</option>)}
          <option value="national">{t('detection.content.national')}</option>
        </select>
      </label>
      <form onSubmit={(e) => { e.preventDefault(); void run(async () => { await detectionApi.addRule(ownerId, yaml); setYaml(''); rules.reload(); }); }}>
        <label>
          {t('detection.content.ruleYaml')}
          <textarea rows={8} value={yaml} onChange={(e) => setYaml(e.target.value)} />
        </label>
        <button type="submit" disabled={busy || yaml.length < 10}>{t('detection.content.addRule')}</button>
      </form>
      <table className="detection-table">
        <caption>{t('detection.content.rules')}</caption>
        <thead><tr><th scope="col">{t('detection.content.rule')}</th><th scope="col">{t('detection.alerts.severity')}</th><th scope="col">{t('detection.content.version')}</th><th scope="col">{t('detection.content.scope')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
        <tbody>
          {(rules.data?.items ?? []).map((r) => (
            <tr key={r.id}>
              <td>{r.title}</td><td>{r.level}</td><td>{r.version}</td>
              <td>{r.organisation_id === null ? t('detection.content.national') : r.organisation_id}</td>
              <td>
                <button type="button" className="secondary" disabled={busy} onClick={() => void run(async () => { await detectionApi.setRule(r.id, !r.enabled); rules.reload(); })}>
                  {r.enabled ? t('detection.content.disable') : t('detection.content.enable')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={(e) => { e.preventDefault(); void run(async () => { await detectionApi.addIndicator(ownerId, indicator, 70); setIndicator(''); indicators.reload(); }); }}>
        <label>
          {t('detection.content.indicator')}
          <input value={indicator} onChange={(e) => setIndicator(e.target.value)} />
        </label>
        <button type="submit" disabled={busy || indicator.trim() === ''}>{t('detection.content.addIndicator')}</button>
      </form>
      <table className="detection-table">
        <caption>{t('detection.content.indicators')}</caption>
        <thead><tr><th scope="col">{t('detection.content.indicator')}</th><th scope="col">{t('detection.content.type')}</th><th scope="col">{t('detection.content.confidence')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
        <tbody>
          {(indicators.data?.items ?? []).map((i) => (
            <tr key={i.id}>
              <td>{i.value}</td><td>{i.type}</td><td>{i.confidence}</td>
              <td>
                <button type="button" className="secondary" disabled={busy} onClick={() => void run(async () => { await detectionApi.setIndicator(i.id, !i.enabled); indicators.reload(); })}>
                  {i.enabled ? t('detection.content.disable') : t('detection.content.enable')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
