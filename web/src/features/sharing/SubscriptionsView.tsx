/** Subscriptions to remote TAXII collections with their sync status and last error, and "sync now". */
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { sharingApi } from './api.ts';

export function SubscriptionsView() {
  const { t } = useTranslation();
  const subscriptions = useLoad(() => sharingApi.subscriptions(), []);
  const { run, busy, error } = useAction();
  return (
    <Panel title={t('sharing.subscriptions')}>
      <ErrorAlert error={subscriptions.error ?? error} />
      <table>
        <thead>
          <tr><th>{t('sharing.name')}</th><th>{t('sharing.remote')}</th><th>{t('sharing.status')}</th><th>{t('sharing.lastRun')}</th><th>{t('sharing.imported')}</th><th>{t('sharing.raisesWarnings')}</th><th /></tr>
        </thead>
        <tbody>
          {(subscriptions.data?.items ?? []).map((s) => (
            <tr key={s.id}>
              <td>{s.name}{s.enabled ? '' : ` (${t('sharing.paused')})`}</td>
              <td><code>{s.apiRoot}</code> / <code>{s.remoteCollection}</code></td>
              <td>{t(`sharing.sync.${s.lastStatus}`)}{s.lastError ? <div role="alert">{s.lastError}</div> : null}</td>
              <td>{s.lastRunAt ? new Date(s.lastRunAt).toLocaleString() : '—'}</td>
              <td>{s.objectsImported}</td>
              <td title={t('sharing.raisesWarningsHint')}>{t(s.raisesWarnings ? 'sharing.yes' : 'sharing.no')}</td>
              <td><button type="button" disabled={busy} onClick={() => void run(async () => { await sharingApi.syncNow(s.id); subscriptions.reload(); })}>{t('sharing.syncNow')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
