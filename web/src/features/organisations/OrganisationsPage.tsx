/** Organisations the user may see, with creation (platform administrators) and editing (their administrators). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationsApi } from '../../api/admin.ts';
import type { Organisation } from '../../api/types.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useLoad } from '../../ui/hooks.ts';
import { Page, Panel } from '../../ui/Page.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';
import { OrganisationsTable } from './OrganisationsTable.tsx';

/** Which form is open: none, a new organisation, or an existing one. */
type Editing = null | 'new' | Organisation;

export function OrganisationsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { data, error, reload } = useLoad(() => organisationsApi.list(), []);
  const [editing, setEditing] = useState<Editing>(null);
  const organisations = data?.items ?? [];

  const saved = () => {
    setEditing(null);
    reload();
  };

  const actions = session.isPlatformAdmin ? (
    <button type="button" onClick={() => setEditing('new')}>
      {t('organisations.create')}
    </button>
  ) : null;

  return (
    <Page title={t('organisations.title')} actions={actions}>
      <ErrorAlert error={error} />
      {editing ? (
        <Panel title={editing === 'new' ? t('organisations.create') : t('organisations.editTitle', { acronym: editing.acronym })}>
          <OrganisationForm
            key={editing === 'new' ? 'new' : editing.id}
            organisation={editing === 'new' ? null : editing}
            organisations={organisations}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        </Panel>
      ) : null}
      {data ? <OrganisationsTable organisations={organisations} onEdit={setEditing} /> : null}
    </Page>
  );
}
