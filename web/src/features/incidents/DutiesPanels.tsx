/** The operator's reporting stages to the National CERT (one structured form per stage, in order) and the directives on the incident. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useAction } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { incidentsApi, reportStages, stageForms, type IncidentDetail } from './api.ts';
import { useSubmit } from './useSubmit.ts';

export function ReportingPanel({ incident, onChanged }: { incident: IncidentDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const done = new Set(incident.reporting.forms.map((f) => f.stage));
  const next = reportStages.find((s) => !done.has(s));
  const [form, setForm] = useState<Record<string, string | boolean>>({});
  const send = useSubmit(() => incidentsApi.submitStage(incident.id, next!, form), () => {
    setForm({});
    onChanged();
  });
  return (
    <Panel title={t('incidents.reporting.title')}>
      <ul>
        {incident.reporting.forms.map((f) => (
          <li key={f.stage}>
            {t(`incidents.clocks.${f.stage}`)}: {formatDateTime(f.submittedAt)} — {String(f.form.summary ?? '')}
          </li>
        ))}
      </ul>
      {next ? (
        <form aria-label={t('incidents.reporting.form', { stage: t(`incidents.clocks.${next}`) })} onSubmit={send.submit}>
          {stageForms[next].texts.map((k) => (
            <Field key={k} label={t(`incidents.reporting.fields.${k}`)}>
              <textarea required value={String(form[k] ?? '')} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
            </Field>
          ))}
          {stageForms[next].flags.map((k) => (
            <label key={k} className="incidents-check">
              <input type="checkbox" checked={form[k] === true} onChange={(e) => setForm({ ...form, [k]: e.target.checked })} /> {t(`incidents.reporting.fields.${k}`)}
            </label>
          ))}
          <ErrorAlert error={send.error} />
          <button type="submit" disabled={send.busy}>{t('incidents.reporting.submit')}</button>
        </form>
      ) : null}
    </Panel>
  );
}

export function DirectivesPanel({ incident, onChanged }: { incident: IncidentDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const answer = useAction();
  if (incident.directives.length === 0) return null;
  const act = (id: string, organisationId: string, kind: 'acknowledge' | 'complete') => answer.run(() => incidentsApi.answerDirective(id, organisationId, kind)).then((ok) => ok && onChanged());
  return (
    <Panel title={t('incidents.directives.title')}>
      <ul>
        {incident.directives.map((d) => (
          <li key={`${d.id}:${d.organisationId}`} className={d.escalatedAt && !d.acknowledgedAt ? 'clock-late' : undefined}>
            <strong>{d.title}</strong> — {d.action} ({t('incidents.clocks.due')}: {formatDateTime(d.dueAt)}){' '}
            {d.completedAt ? t('incidents.directives.completed') : d.acknowledgedAt ? t('incidents.directives.acknowledged') : d.escalatedAt ? t('incidents.directives.escalated') : null}
            {!d.acknowledgedAt ? <button type="button" onClick={() => act(d.id, d.organisationId, 'acknowledge')}>{t('incidents.directives.acknowledge')}</button> : null}
            {!d.completedAt ? <button type="button" onClick={() => act(d.id, d.organisationId, 'complete')}>{t('incidents.directives.complete')}</button> : null}
          </li>
        ))}
      </ul>
      <ErrorAlert error={answer.error} />
    </Panel>
  );
}
