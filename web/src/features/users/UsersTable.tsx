/** Users as a table, with the administrator's actions on each. */
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/admin.ts';
import type { Organisation, User } from '../../api/types.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction } from '../../ui/hooks.ts';

interface Props {
  users: User[];
  organisations: Organisation[];
  onChanged: () => void;
}

export function UsersTable({ users, organisations, onChanged }: Props) {
  const { t } = useTranslation();
  const { run, busy, error } = useAction();
  const acronyms = new Map(organisations.map((o) => [o.id, o.acronym]));

  const act = (question: string, action: () => Promise<unknown>) => {
    if (!window.confirm(question)) return;
    void run(action).then((ok) => ok && onChanged());
  };

  return (
    <>
      <ErrorAlert error={error} />
      <DataTable
        label={t('users.title')}
        rows={users}
        rowKey={(u) => u.id}
        rowClassName={(u) => (u.disabled ? 'muted' : undefined)}
        columns={[
          { header: t('users.username'), rowHeader: true, render: (u) => u.username },
          { header: t('users.displayName'), render: (u) => u.displayName },
          { header: t('users.email'), render: (u) => u.email ?? '' },
          { header: t('users.memberships'), render: (u) => u.memberships.map((m) => `${acronyms.get(m.organisationId) ?? '?'} · ${t(`roles.${m.role}`)}`).join(', ') },
          { header: t('users.mfa'), render: (u) => (u.mfaEnabled ? t('common.yes') : t('common.no')) },
          { header: t('users.status'), render: (u) => (u.disabled ? t('users.disabled') : t('users.active')) },
        ]}
        actions={(u) => (
          <>
            <button
              type="button"
              className="secondary small"
              disabled={busy}
              onClick={() => act(t(u.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { username: u.username }), () => usersApi.setDisabled(u.id, !u.disabled))}
            >
              {u.disabled ? t('users.enable') : t('users.disable')}
            </button>
            {u.mfaEnabled ? (
              <button type="button" className="secondary small" disabled={busy} onClick={() => act(t('users.confirmMfaReset', { username: u.username }), () => usersApi.resetMfa(u.id))}>
                {t('users.mfaReset')}
              </button>
            ) : null}
          </>
        )}
      />
    </>
  );
}
