/** Report files: national or one agency's, for a chosen period, as PDF or XLSX (both bilingual). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field.tsx';
import { useLoad } from '../../ui/hooks.ts';
import { planApi, progressReportUrl } from './api.ts';
import { periodOptions } from './periods.ts';

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
        <Field label={t('plan.files.period')}>
          <select value={period} onChange={(e) => setPeriod(e.target.value)}>
            {periodOptions(t).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
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
