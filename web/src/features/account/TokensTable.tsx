/** The user's API tokens as a table, with revocation. */
import { useTranslation } from 'react-i18next';
import { tokensApi } from '../../api/admin.ts';
import type { ApiToken } from '../../api/types.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useAction } from '../../ui/hooks.ts';

function tokenState(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt) < new Date()) return 'expired';
  return 'active';
}

export function TokensTable({ tokens, onRevoked }: { tokens: ApiToken[]; onRevoked: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const { run, busy, error } = useAction();
  const acronyms = new Map(session.memberships.map((m) => [m.organisationId, m.acronym]));

  const revoke = (token: ApiToken) => {
    if (!window.confirm(t('tokens.confirmRevoke', { name: token.name }))) return;
    void run(() => tokensApi.revoke(token.id)).then((ok) => ok && onRevoked());
  };

  if (tokens.length === 0) return <p className="empty">{t('tokens.none')}</p>;
  return (
    <>
      <ErrorAlert error={error} />
      <table aria-label={t('tokens.title')}>
        <thead>
          <tr>
            <th scope="col">{t('tokens.name')}</th>
            <th scope="col">{t('tokens.prefix')}</th>
            <th scope="col">{t('users.organisation')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('tokens.created')}</th>
            <th scope="col">{t('tokens.expires')}</th>
            <th scope="col">{t('tokens.lastUsed')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className={tokenState(token) === 'active' ? undefined : 'muted'}>
              <th scope="row">{token.name}</th>
              <td className="mono">{token.prefix}…</td>
              <td>{acronyms.get(token.organisationId) ?? ''}</td>
              <td>{t(`roles.${token.role}`)}</td>
              <td className="nowrap">{formatDateTime(token.createdAt)}</td>
              <td className="nowrap">{formatDateTime(token.expiresAt)}</td>
              <td className="nowrap">{formatDateTime(token.lastUsedAt)}</td>
              <td>{t(`tokens.state.${tokenState(token)}`)}</td>
              <td className="row-actions">
                {tokenState(token) === 'active' ? (
                  <button type="button" className="secondary small" disabled={busy} onClick={() => revoke(token)}>
                    {t('tokens.revoke')}
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
