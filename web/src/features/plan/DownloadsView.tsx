/** Report files: national or one agency's, for a chosen period, as PDF or XLSX (both bilingual). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field.tsx';
import { useLoad } from '../../ui/hooks.ts';
import { planApi, progressReportUrl } from './api.ts';
import { PeriodField } from './PeriodField.tsx';

export function DownloadsView() {
  const { t } = useTranslation();
  const { data } = useLoad(() => planApi.tree({}), []);
  const [organisationId, setOrganisationId] = useState('');
  const [period, setPeriod] = useState('');
  return (
    <>
      <p>{t('plan.files.intro')}</p>
      <div className="filters">
        <Field label={t('plan.files.scope')}>
          <select value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
            <option value="">{t('plan.files.national')}</option>
            {(data?.agencies ?? []).map((a) => (
              <option key={a.organisationId} value={a.organisationId}>
                {a.acronym}
              </option>
            ))}
          </select>
        </Field>
        <PeriodField value={period} onChange={setPeriod} />
      </div>
      <p className="form-actions">
        <a className="plan-download" href={progressReportUrl('pdf', organisationId, period)} download>
          {t('plan.files.pdf')}
        </a>{' '}
        <a className="plan-download" href={progressReportUrl('xlsx', organisationId, period)} download>
          {t('plan.files.xlsx')}
        </a>
      </p>
    </>
  );
}
