/** The user's signed-in sessions, with revocation of the others. */
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { DataTable } from '../../ui/DataTable.tsx';
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
        <DataTable
          label={t('sessions.title')}
          rows={data.items}
          rowKey={(s) => s.id}
          columns={[
            { header: t('sessions.created'), className: 'nowrap', render: (s) => formatDateTime(s.createdAt) },
            { header: t('sessions.lastSeen'), className: 'nowrap', render: (s) => formatDateTime(s.lastSeenAt) },
            { header: t('sessions.address'), className: 'mono', render: (s) => s.address ?? '' },
            { header: t('sessions.userAgent'), className: 'truncate', title: (s) => s.userAgent ?? '', render: (s) => s.userAgent ?? '' },
          ]}
          actions={(s) =>
            s.current ? (
              <span className="badge">{t('sessions.current')}</span>
            ) : (
              <button type="button" className="secondary small" disabled={revoking.busy} onClick={() => revoke(s.id)}>
                {t('sessions.revoke')}
              </button>
            )
          }
        />
      ) : null}
    </Panel>
  );
}
