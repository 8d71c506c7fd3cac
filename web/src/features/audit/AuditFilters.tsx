/** The audit trail's filters: action, actor, organisation and a date range. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../../api/admin.ts';
import type { Organisation } from '../../api/types.ts';
import { Field } from '../../ui/Field.tsx';

/** Local calendar days become the instants that bound them. */
function dayStart(day: string): string | undefined {
  return day ? new Date(`${day}T00:00:00`).toISOString() : undefined;
}
function dayEnd(day: string): string | undefined {
  return day ? new Date(`${day}T23:59:59.999`).toISOString() : undefined;
}

export function AuditFilters({ organisations, onApply }: { organisations: Organisation[]; onApply: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      action: action.trim() || undefined,
      actor: actor.trim() || undefined,
      organisationId: organisationId || undefined,
      from: dayStart(from),
      to: dayEnd(to),
    });
  };

  return (
    <form onSubmit={submit} className="filters" aria-label={t('audit.filters')}>
      <Field label={t('audit.action')}>
        <input value={action} onChange={(e) => setAction(e.target.value)} placeholder="user.create" />
      </Field>
      <Field label={t('audit.actor')}>
        <input value={actor} onChange={(e) => setActor(e.target.value)} />
      </Field>
      <Field label={t('audit.organisation')}>
        <select value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
          <option value="">{t('common.all')}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.acronym}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('audit.from')}>
        <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </Field>
      <Field label={t('audit.to')}>
        <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </Field>
      <button type="submit">{t('audit.apply')}</button>
    </form>
  );
}
