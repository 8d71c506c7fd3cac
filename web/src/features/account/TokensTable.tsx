/** The user's API tokens as a table, with revocation. */
import { useTranslation } from 'react-i18next';
import { tokensApi } from '../../api/admin.ts';
import type { ApiToken } from '../../api/types.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
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

  return (
    <>
      <ErrorAlert error={error} />
      <DataTable
        label={t('tokens.title')}
        rows={tokens}
        rowKey={(token) => token.id}
        empty={t('tokens.none')}
        rowClassName={(token) => (tokenState(token) === 'active' ? undefined : 'muted')}
        columns={[
          { header: t('tokens.name'), rowHeader: true, render: (token) => token.name },
          { header: t('tokens.prefix'), className: 'mono', render: (token) => `${token.prefix}…` },
          { header: t('users.organisation'), render: (token) => acronyms.get(token.organisationId) ?? '' },
          { header: t('users.role'), render: (token) => t(`roles.${token.role}`) },
          { header: t('tokens.created'), className: 'nowrap', render: (token) => formatDateTime(token.createdAt) },
          { header: t('tokens.expires'), className: 'nowrap', render: (token) => formatDateTime(token.expiresAt) },
          { header: t('tokens.lastUsed'), className: 'nowrap', render: (token) => formatDateTime(token.lastUsedAt) },
          { header: t('users.status'), render: (token) => t(`tokens.state.${tokenState(token)}`) },
        ]}
        actions={(token) =>
          tokenState(token) === 'active' ? (
            <button type="button" className="secondary small" disabled={busy} onClick={() => revoke(token)}>
              {t('tokens.revoke')}
            </button>
          ) : null
        }
      />
    </>
  );
}
