/** Users as a table, with the administrator's actions on each. */
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/admin.ts';
import type { Organisation, User } from '../../api/types.ts';
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
      <table aria-label={t('users.title')}>
        <thead>
          <tr>
            <th scope="col">{t('users.username')}</th>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.memberships')}</th>
            <th scope="col">{t('users.mfa')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.disabled ? 'muted' : undefined}>
              <th scope="row">{u.username}</th>
              <td>{u.displayName}</td>
              <td>{u.email ?? ''}</td>
              <td>{u.memberships.map((m) => `${acronyms.get(m.organisationId) ?? '?'} · ${t(`roles.${m.role}`)}`).join(', ')}</td>
              <td>{u.mfaEnabled ? t('common.yes') : t('common.no')}</td>
              <td>{u.disabled ? t('users.disabled') : t('users.active')}</td>
              <td className="row-actions">
                <button
                  type="button"
                  className="secondary small"
                  disabled={busy}
                  onClick={() => act(t(u.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { username: u.username }), () => usersApi.setDisabled(u.id, !u.disabled))}
                >
                  {u.disabled ? t('users.enable') : t('users.disable')}
                </button>
                {u.mfaEnabled ? (
                  <button
                    type="button"
                    className="secondary small"
                    disabled={busy}
                    onClick={() => act(t('users.confirmMfaReset', { username: u.username }), () => usersApi.resetMfa(u.id))}
                  >
                    {t('users.mfaReset')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
