/** Choosing the period a dashboard or report file covers: the whole plan, a year, or a half-year. */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Field } from '../../ui/Field.tsx';

function periodOptions(t: TFunction): { value: string; label: string }[] {
  const options = [{ value: '', label: t('plan.files.wholePlan') }];
  for (const year of [2023, 2024, 2025, 2026, 2027]) {
    options.push({ value: String(year), label: String(year) }, { value: `${year}-H1`, label: `${year} / I` }, { value: `${year}-H2`, label: `${year} / II` });
  }
  return options;
}

export function PeriodField({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field label={t('plan.files.period')}>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {periodOptions(t).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
