/** Creating a user with an initial password and one membership. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/admin.ts';
import { roles, type Organisation, type Role } from '../../api/types.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { administers } from '../../session/permissions.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useAction } from '../../ui/hooks.ts';
import { localised } from '../../ui/format.ts';

interface Props {
  organisations: Organisation[];
  onCreated: () => void;
  onCancel: () => void;
}

export function UserForm({ organisations, onCreated, onCancel }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const choices = organisations.filter((o) => administers(session, o.id)).sort((a, b) => a.acronym.localeCompare(b.acronym, 'az'));
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const { run, busy, error } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await usersApi.create({
        username: username.trim(),
        displayName: displayName.trim(),
        ...(email.trim() ? { email: email.trim() } : {}),
        password,
        memberships: [{ organisationId, role }],
      });
      onCreated();
    });
  };

  return (
    <form onSubmit={submit} className="form-grid">
      <ErrorAlert error={error} />
      <Field label={t('users.username')}>
        <input required autoFocus autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
      </Field>
      <Field label={t('users.displayName')}>
        <input required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </Field>
      <Field label={t('users.email')}>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <Field label={t('users.initialPassword')} hint={t('users.initialPasswordHint')}>
        <input type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <Field label={t('users.organisation')}>
        <select required value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {choices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.acronym} — {localised(o.name)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('users.role')} hint={t('users.mfaRoles')}>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <FormActions busy={busy} submit={t('users.submit')} onCancel={onCancel} />
    </form>
  );
}
