/** Users of the organisations one administers: list, creation, disabling and MFA reset. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationsApi, usersApi } from '../../api/admin.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useLoad } from '../../ui/hooks.ts';
import { Page, Panel } from '../../ui/Page.tsx';
import { UserForm } from './UserForm.tsx';
import { UsersTable } from './UsersTable.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  const users = useLoad(() => usersApi.list(), []);
  const organisations = useLoad(() => organisationsApi.list(), []);
  const [creating, setCreating] = useState(false);
  const orgs = organisations.data?.items ?? [];

  const actions = (
    <button type="button" onClick={() => setCreating(true)}>
      {t('users.create')}
    </button>
  );

  return (
    <Page title={t('users.title')} actions={actions}>
      <ErrorAlert error={users.error ?? organisations.error} />
      {creating ? (
        <Panel title={t('users.create')}>
          <UserForm
            organisations={orgs}
            onCreated={() => {
              setCreating(false);
              users.reload();
            }}
            onCancel={() => setCreating(false)}
          />
        </Panel>
      ) : null}
      {users.data ? <UsersTable users={users.data.items} organisations={orgs} onChanged={users.reload} /> : null}
    </Page>
  );
}
