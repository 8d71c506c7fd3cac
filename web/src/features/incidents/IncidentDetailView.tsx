/** One incident: facts, status moves, classification, SLA and reporting clocks, observables with correlation links, tasks and timeline. */
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { localised } from '../../ui/format.ts';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { incidentsApi, type IncidentDetail } from './api.ts';
import { DirectivesPanel, ReportingPanel } from './DutiesPanels.tsx';
import { useSubmit } from './useSubmit.ts';
import { ClocksPanel, ObservablesPanel, TasksPanel, TimelinePanel } from './IncidentPanels.tsx';

function Classification({ incident, onSaved }: { incident: IncidentDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const taxonomy = useLoad(() => incidentsApi.taxonomy(), []);
  const [classKey, setClassKey] = useState(incident.classification?.classKey ?? '');
  const [typeKey, setTypeKey] = useState(incident.classification?.typeKey ?? '');
  const save = useSubmit(() => incidentsApi.classify(incident.id, incident.version, classKey, typeKey), onSaved);
  const types = taxonomy.data?.items.find((c) => c.key === classKey)?.types ?? [];

  return (
    <form aria-label={t('incidents.classification.title')} onSubmit={save.submit} className="incidents-inline">
      <Field label={t('incidents.classification.class')}>
        <select required value={classKey} onChange={(e) => { setClassKey(e.target.value); setTypeKey(''); }}>
          <option value="" />
          {taxonomy.data?.items.map((c) => <option key={c.key} value={c.key}>{localised(c.name)}</option>)}
        </select>
      </Field>
      <Field label={t('incidents.classification.type')}>
        <select required value={typeKey} onChange={(e) => setTypeKey(e.target.value)}>
          <option value="" />
          {types.map((x) => <option key={x.key} value={x.key}>{localised(x.name)}</option>)}
        </select>
      </Field>
      <ErrorAlert error={save.error} />
      <button type="submit" disabled={save.busy}>{t('incidents.classification.save')}</button>
    </form>
  );
}

export function IncidentDetailView() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: incident, error, reload } = useLoad(() => incidentsApi.get(id), [id]);
  const move = useAction();
  if (!incident) return <ErrorAlert error={error} />;

  return (
    <article aria-label={incident.title} className="incident">
      <h2>{incident.title}</h2>
      <dl className="incident-facts">
        <dt>{t('incidents.fields.status')}</dt>
        <dd data-testid="incident-status">{t(`incidents.status.${incident.status}`)}</dd>
        <dt>{t('incidents.fields.severity')}</dt>
        <dd>{t(`incidents.severity.${incident.severity}`)}</dd>
        <dt>TLP / PAP</dt>
        <dd>TLP:{incident.tlp} / PAP:{incident.pap}</dd>
        <dt>{t('incidents.classification.title')}</dt>
        <dd data-testid="incident-classification">{incident.classification ? `${incident.classification.classKey} / ${incident.classification.typeKey}` : t('incidents.classification.none')}</dd>
      </dl>
      {incident.description ? <p>{incident.description}</p> : null}
      <div role="group" aria-label={t('incidents.moves.label')} className="incidents-inline">
        {incident.allowedMoves.map((s) => (
          <button key={s} type="button" disabled={move.busy} onClick={async () => (await move.run(() => incidentsApi.move(incident.id, incident.version, s))) && reload()}>
            {t('incidents.moves.to', { status: t(`incidents.status.${s}`) })}
          </button>
        ))}
      </div>
      <ErrorAlert error={move.error} />
      <Panel title={t('incidents.classification.title')}>
        <Classification key={incident.version} incident={incident} onSaved={reload} />
      </Panel>
      <ClocksPanel incident={incident} />
      <ReportingPanel incident={incident} onChanged={reload} />
      <DirectivesPanel incident={incident} onChanged={reload} />
      <ObservablesPanel incident={incident} onChanged={reload} />
      <TasksPanel incident={incident} onChanged={reload} />
      <TimelinePanel incident={incident} />
      <p>
        <a href={`/api/incidents/${incident.id}/report.pdf`}>{t('incidents.report.pdf')}</a>
      </p>
    </article>
  );
}
