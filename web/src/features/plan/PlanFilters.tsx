/** The plan's filters: executing agency (lead or co-executor), year, status and overdue. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field.tsx';
import { indicatorStatuses, type Agency, type IndicatorStatus, type PlanFilter } from './api.ts';

const years = [2023, 2024, 2025, 2026, 2027];

export function PlanFilters({ agencies, onApply }: { agencies: Agency[]; onApply: (filter: PlanFilter) => void }) {
  const { t } = useTranslation();
  const [organisationId, setOrganisationId] = useState('');
  const [year, setYear] = useState('');
  const [status, setStatus] = useState('');
  const [overdue, setOverdue] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      organisationId: organisationId || undefined,
      year: year ? Number(year) : undefined,
      status: (status || undefined) as IndicatorStatus | undefined,
      overdue: overdue === '' ? undefined : overdue === 'true',
    });
  };

  return (
    <form onSubmit={submit} className="filters" aria-label={t('plan.filters.label')}>
      <Field label={t('plan.filters.agency')}>
        <select value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
          <option value="">{t('common.all')}</option>
          {agencies.map((a) => (
            <option key={a.organisationId} value={a.organisationId}>
              {a.acronym}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('plan.filters.year')}>
        <select value={year} onChange={(e) => setYear(e.target.value)}>
          <option value="">{t('common.all')}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('plan.filters.status')}>
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('common.all')}</option>
          {indicatorStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`plan.status.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('plan.filters.overdue')}>
        <select value={overdue} onChange={(e) => setOverdue(e.target.value)}>
          <option value="">{t('common.all')}</option>
          <option value="true">{t('plan.filters.onlyOverdue')}</option>
          <option value="false">{t('plan.filters.notOverdue')}</option>
        </select>
      </Field>
      <button type="submit">{t('plan.filters.apply')}</button>
    </form>
  );
}
