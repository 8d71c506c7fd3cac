/** The treatment, owner and review date of a risk: the same three fields when recording and when editing. */
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field.tsx';
import { treatments, type Treatment } from './api.ts';

export interface TreatmentValues {
  treatment: Treatment;
  owner: string;
  reviewDate: string;
}

export function TreatmentFields({ value, onChange }: { value: TreatmentValues; onChange: (next: TreatmentValues) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('risk.treatment')}>
        <select value={value.treatment} onChange={(e) => onChange({ ...value, treatment: e.target.value as Treatment })}>
          {treatments.map((v) => <option key={v} value={v}>{t(`risk.treatments.${v}`)}</option>)}
        </select>
      </Field>
      <Field label={t('risk.owner')}>
        <input value={value.owner} onChange={(e) => onChange({ ...value, owner: e.target.value })} />
      </Field>
      <Field label={t('risk.reviewDate')}>
        <input type="date" value={value.reviewDate} onChange={(e) => onChange({ ...value, reviewDate: e.target.value })} />
      </Field>
    </>
  );
}
