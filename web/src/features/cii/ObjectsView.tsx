/** The organisation's CII objects and the form to register one. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/SessionProvider.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { SectorSelect } from '../../ui/SectorSelect.tsx';
import { useSectorName } from '../../ui/sectors.ts';
import { ciiApi, type ObjectInput } from './api.ts';

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

function ObjectForm({ onSaved, onCancel }: { onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const keeps = session.memberships.filter((m) => m.role === 'operator' || m.role === 'admin');
  const [organisationId, setOrganisationId] = useState(keeps[0]?.organisationId ?? '');
  const [name, setName] = useState('');
  const [sector, setSector] = useState<string | null>(null);
  const [criticality, setCriticality] = useState<ObjectInput['criticality']>('I');
  const [location, setLocation] = useState('');
  const [services, setServices] = useState('');
  const [systems, setSystems] = useState('');
  const [tolerance, setTolerance] = useState('0');
  const { run, busy, error } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await ciiApi.createObject({ organisationId, name: name.trim(), sector: sector ?? '', criticality, location, services: list(services), systems: list(systems), toleranceHours: Number(tolerance) || 0 });
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} className="form-grid">
      <ErrorAlert error={error} />
      <Field label={t('cii.operator')}>
        <select value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
          {keeps.map((m) => <option key={m.organisationId} value={m.organisationId}>{m.acronym}</option>)}
        </select>
      </Field>
      <Field label={t('cii.name')}><input required autoFocus value={name} onChange={(e) => setName(e.target.value)} /></Field>
      <SectorSelect required label={t('cii.sector')} value={sector} onChange={setSector} />
      <Field label={t('cii.criticality')}>
        <select value={criticality} onChange={(e) => setCriticality(e.target.value as ObjectInput['criticality'])}>
          {(['I', 'II', 'III'] as const).map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </Field>
      <Field label={t('cii.location')}><input value={location} onChange={(e) => setLocation(e.target.value)} /></Field>
      <Field label={t('cii.services')} hint={t('cii.commaSeparated')}><input value={services} onChange={(e) => setServices(e.target.value)} /></Field>
      <Field label={t('cii.systems')} hint={t('cii.commaSeparated')}><input value={systems} onChange={(e) => setSystems(e.target.value)} /></Field>
      <Field label={t('cii.tolerance')} hint={t('cii.toleranceHint')}><input type="number" min="0" step="0.5" value={tolerance} onChange={(e) => setTolerance(e.target.value)} /></Field>
      <FormActions busy={busy} onCancel={onCancel} />
    </form>
  );
}

export function ObjectsView() {
  const { t } = useTranslation();
  const objects = useLoad(() => ciiApi.objects(), []);
  const sectorName = useSectorName();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <ErrorAlert error={objects.error} />
      <p><button type="button" onClick={() => setCreating(true)}>{t('cii.create')}</button></p>
      {creating ? (
        <Panel title={t('cii.create')}>
          <ObjectForm onSaved={() => { setCreating(false); objects.reload(); }} onCancel={() => setCreating(false)} />
        </Panel>
      ) : null}
      <table aria-label={t('cii.objects')}>
        <thead>
          <tr>
            <th scope="col">{t('cii.name')}</th><th scope="col">{t('cii.sector')}</th><th scope="col">{t('cii.criticality')}</th>
            <th scope="col">{t('cii.location')}</th><th scope="col">{t('cii.services')}</th><th scope="col">{t('cii.tolerance')}</th>
          </tr>
        </thead>
        <tbody>
          {(objects.data?.items ?? []).map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.name}</th><td>{sectorName(o.sector)}</td><td>{o.criticality}</td><td>{o.location}</td><td>{o.services.join(', ')}</td><td>{o.toleranceHours}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
