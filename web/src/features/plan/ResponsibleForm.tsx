/** Naming the person an executing agency makes responsible for a measure (empty name clears it). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { useAction } from '../../ui/hooks.ts';
import { planApi, type Executor, type Measure } from './api.ts';

export function ResponsibleForm({ measure, executor, onSaved }: { measure: Measure; executor: Executor; onSaved: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(executor.responsible?.name ?? '');
  const [contact, setContact] = useState(executor.responsible?.contact ?? '');
  const { run, busy, error } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await planApi.setResponsible(measure.id, executor.organisationId, name.trim() || null, contact.trim() || null);
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} className="filters" aria-label={t('plan.responsible.formTitle', { id: measure.id, agency: executor.acronym })}>
      <ErrorAlert error={error} />
      <Field label={t('plan.responsible.name')}>
        <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t('plan.responsible.contact')}>
        <input value={contact} maxLength={200} onChange={(e) => setContact(e.target.value)} />
      </Field>
      <button type="submit" className="small" disabled={busy}>
        {t('common.save')}
      </button>
    </form>
  );
}
