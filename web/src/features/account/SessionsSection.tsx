/** The user's signed-in sessions, with revocation of the others. */
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';

export function SessionsSection() {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(() => authApi.sessions(), []);
  const revoking = useAction();

  const revoke = (id: string) => void revoking.run(() => authApi.revokeSession(id)).then((ok) => ok && reload());

  return (
    <Panel title={t('sessions.title')}>
      <ErrorAlert error={error ?? revoking.error} />
      {data ? (
        <table aria-label={t('sessions.title')}>
          <thead>
            <tr>
              <th scope="col">{t('sessions.created')}</th>
              <th scope="col">{t('sessions.lastSeen')}</th>
              <th scope="col">{t('sessions.address')}</th>
              <th scope="col">{t('sessions.userAgent')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((s) => (
              <tr key={s.id}>
                <td className="nowrap">{formatDateTime(s.createdAt)}</td>
                <td className="nowrap">{formatDateTime(s.lastSeenAt)}</td>
                <td className="mono">{s.address ?? ''}</td>
                <td className="truncate" title={s.userAgent ?? ''}>
                  {s.userAgent ?? ''}
                </td>
                <td className="row-actions">
                  {s.current ? (
                    <span className="badge">{t('sessions.current')}</span>
                  ) : (
                    <button type="button" className="secondary small" disabled={revoking.busy} onClick={() => revoke(s.id)}>
                      {t('sessions.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Panel>
  );
}
