/** Creating an API token for one of the user's organisations. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { tokensApi } from '../../api/admin.ts';
import { roles, type Role } from '../../api/types.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useAction } from '../../ui/hooks.ts';

export function TokenForm({ onCreated }: { onCreated: (token: string) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const first = session.memberships[0];
  const [name, setName] = useState('');
  const [organisationId, setOrganisationId] = useState(first?.organisationId ?? '');
  const [role, setRole] = useState<Role>(first?.role ?? 'operator');
  const [days, setDays] = useState(90);
  const { run, busy, error } = useAction();

  const chooseOrganisation = (id: string) => {
    setOrganisationId(id);
    const membership = session.memberships.find((m) => m.organisationId === id);
    if (membership) setRole(membership.role);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const created = await tokensApi.create({ name: name.trim(), organisationId, role, expiresInDays: days });
      setName('');
      onCreated(created.token);
    });
  };

  if (session.memberships.length === 0) return <p className="empty">{t('tokens.noMembership')}</p>;
  return (
    <form onSubmit={submit} className="form-grid">
      <h3 className="form-title">{t('tokens.create')}</h3>
      <ErrorAlert error={error} />
      <Field label={t('tokens.name')}>
        <input required value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t('users.organisation')}>
        <select value={organisationId} onChange={(e) => chooseOrganisation(e.target.value)}>
          {session.memberships.map((m) => (
            <option key={m.organisationId} value={m.organisationId}>
              {m.acronym}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('users.role')}>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('tokens.expiryDays')}>
        <input type="number" min={1} max={365} required value={days} onChange={(e) => setDays(Number(e.target.value))} />
      </Field>
      <FormActions busy={busy} submit={t('tokens.create')} />
    </form>
  );
}
