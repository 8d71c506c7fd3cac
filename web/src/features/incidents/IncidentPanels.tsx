/** The parts of the incident page: clocks (SLA and reporting), observables with correlation links, tasks and timeline. */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Panel } from '../../ui/Page.tsx';
import { incidentsApi, observableTypes, type Clock, type IncidentDetail } from './api.ts';
import { useSubmit } from './useSubmit.ts';

function remaining(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const text = minutes >= 60 ? `${Math.floor(minutes / 60)}h ${minutes % 60}m` : `${minutes}m`;
  return ms < 0 ? `−${text}` : text;
}

function ClockRow({ name, clock }: { name: string; clock: Clock }) {
  const { t } = useTranslation();
  const state = clock.metAt ? t(clock.late ? 'incidents.clocks.metLate' : 'incidents.clocks.met') : clock.late ? t('incidents.clocks.breached') : t('incidents.clocks.running');
  return (
    <tr className={clock.late ? 'clock-late' : undefined}>
      <th scope="row">{name}</th>
      <td>{formatDateTime(clock.dueAt)}</td>
      <td>{clock.remainingMs === null ? '—' : remaining(clock.remainingMs)}</td>
      <td>{state}</td>
    </tr>
  );
}

export function ClocksPanel({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const head = (
    <thead>
      <tr>
        <th scope="col">{t('incidents.clocks.measure')}</th>
        <th scope="col">{t('incidents.clocks.due')}</th>
        <th scope="col">{t('incidents.clocks.remaining')}</th>
        <th scope="col">{t('incidents.clocks.state')}</th>
      </tr>
    </thead>
  );
  return (
    <Panel title={t('incidents.clocks.sla')}>
      <table aria-label={t('incidents.clocks.sla')}>
        {head}
        <tbody>
          {Object.entries(incident.sla.clocks).map(([m, c]) => <ClockRow key={m} name={t(`incidents.clocks.${m}`)} clock={c} />)}
        </tbody>
      </table>
      <table aria-label={t('incidents.clocks.reporting')}>
        {head}
        <tbody>
          {Object.entries(incident.reporting.clocks).map(([s, c]) => <ClockRow key={s} name={t(`incidents.clocks.${s}`)} clock={c} />)}
        </tbody>
      </table>
    </Panel>
  );
}

export function ObservablesPanel({ incident, onChanged }: { incident: IncidentDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const [type, setType] = useState('ip');
  const [value, setValue] = useState('');
  const add = useSubmit(() => incidentsApi.addObservable(incident.id, type, value), () => {
    setValue('');
    onChanged();
  });
  return (
    <Panel title={t('incidents.observables.title')}>
      <table aria-label={t('incidents.observables.title')}>
        <thead>
          <tr>
            <th scope="col">{t('incidents.observables.value')}</th>
            <th scope="col">{t('incidents.observables.type')}</th>
            <th scope="col">TLP</th>
            <th scope="col">{t('incidents.observables.seenIn')}</th>
          </tr>
        </thead>
        <tbody>
          {incident.observables.map((o) => (
            <tr key={o.id}>
              <th scope="row"><code>{o.value}</code></th>
              <td>{o.type}</td>
              <td>{o.tlp}</td>
              <td>
                {o.correlations.length === 0 ? '—' : o.correlations.map((c) => <Link key={c.incidentId} to={`/incidents/${c.incidentId}`} className="correlation">{c.title}</Link>)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form aria-label={t('incidents.observables.add')} onSubmit={add.submit} className="incidents-inline">
        <Field label={t('incidents.observables.type')}>
          <select value={type} onChange={(e) => setType(e.target.value)}>
            {observableTypes.map((x) => <option key={x} value={x}>{x}</option>)}
          </select>
        </Field>
        <Field label={t('incidents.observables.value')}>
          <input required value={value} onChange={(e) => setValue(e.target.value)} />
        </Field>
        <button type="submit" disabled={add.busy}>{t('incidents.observables.add')}</button>
      </form>
      <ErrorAlert error={add.error} />
    </Panel>
  );
}

export function TasksPanel({ incident, onChanged }: { incident: IncidentDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const add = useSubmit(() => incidentsApi.addTask(incident.id, title), () => {
    setTitle('');
    onChanged();
  });
  return (
    <Panel title={t('incidents.tasks.title')}>
      <ul>
        {incident.tasks.map((task) => (
          <li key={task.id} className={task.overdue ? 'clock-late' : undefined}>
            {task.doneAt ? '☑' : '☐'} {task.title} {task.dueAt ? `(${formatDateTime(task.dueAt)})` : ''}
          </li>
        ))}
      </ul>
      <form aria-label={t('incidents.tasks.add')} onSubmit={add.submit} className="incidents-inline">
        <Field label={t('incidents.tasks.name')}>
          <input required value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <button type="submit" disabled={add.busy}>{t('incidents.tasks.add')}</button>
      </form>
      <ErrorAlert error={add.error} />
    </Panel>
  );
}

export function TimelinePanel({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('incidents.timeline.title')}>
      <ol className="incident-timeline">
        {incident.timeline.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time> {e.actor}: {t(`incidents.actions.${e.action}`, { defaultValue: e.action })}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
