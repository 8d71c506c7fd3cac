/** The incidents the user may see, with filters, and a form to open one. */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useLoad } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { AlertsPanel } from './AlertsPanel.tsx';
import { useSubmit } from './useSubmit.ts';
import { incidentsApi, severities, statuses, tlps, type IncidentFilter } from './api.ts';

export function IncidentList() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<IncidentFilter>({});
  const { data, error, reload } = useLoad(() => incidentsApi.list(filter), [filter]);
  const [title, setTitle] = useState('');
  const [tlp, setTlp] = useState('AMBER');
  const create = useSubmit(() => incidentsApi.create({ title, tlp }), () => {
    setTitle('');
    reload();
  });

  return (
    <>
      <AlertsPanel />
      <form className="incidents-filters" aria-label={t('incidents.filters.label')} onSubmit={(e) => e.preventDefault()}>
        <Field label={t('incidents.fields.status')}>
          <select value={filter.status ?? ''} onChange={(e) => setFilter({ ...filter, status: e.target.value || undefined })}>
            <option value="">{t('incidents.filters.any')}</option>
            {statuses.map((s) => <option key={s} value={s}>{t(`incidents.status.${s}`)}</option>)}
          </select>
        </Field>
        <Field label={t('incidents.fields.severity')}>
          <select value={filter.severity ?? ''} onChange={(e) => setFilter({ ...filter, severity: e.target.value || undefined })}>
            <option value="">{t('incidents.filters.any')}</option>
            {severities.map((s) => <option key={s} value={s}>{t(`incidents.severity.${s}`)}</option>)}
          </select>
        </Field>
        <Field label={t('incidents.filters.search')}>
          <input type="search" defaultValue={filter.q ?? ''} onBlur={(e) => setFilter({ ...filter, q: e.target.value || undefined })} />
        </Field>
      </form>
      <ErrorAlert error={error} />
      <table aria-label={t('incidents.list.title')}>
        <thead>
          <tr>
            <th scope="col">{t('incidents.fields.title')}</th>
            <th scope="col">{t('incidents.fields.status')}</th>
            <th scope="col">{t('incidents.fields.severity')}</th>
            <th scope="col">TLP</th>
            <th scope="col">{t('incidents.fields.detectedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((i) => (
            <tr key={i.id}>
              <th scope="row"><Link to={`/incidents/${i.id}`}>{i.title}</Link></th>
              <td>{t(`incidents.status.${i.status}`)}</td>
              <td>{t(`incidents.severity.${i.severity}`)}</td>
              <td><span className={`tlp tlp-${i.tlp.replace('+', '-').toLowerCase()}`}>TLP:{i.tlp}</span></td>
              <td>{formatDateTime(i.detectedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && data.items.length === 0 ? <p>{t('incidents.list.empty')}</p> : null}
      <Panel title={t('incidents.create.title')}>
        <form aria-label={t('incidents.create.title')} onSubmit={create.submit}>
          <Field label={t('incidents.fields.title')}>
            <input required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
          </Field>
          <Field label="TLP">
            <select value={tlp} onChange={(e) => setTlp(e.target.value)}>
              {tlps.map((x) => <option key={x} value={x}>{x}</option>)}
            </select>
          </Field>
          <ErrorAlert error={create.error} />
          <button type="submit" disabled={create.busy}>{t('incidents.create.submit')}</button>
        </form>
      </Panel>
    </>
  );
}
