/** Recording a risk: subject, threat class, the assessment on its register's scales, treatment. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { AssessmentFields, useScales, type AssessmentValues } from './AssessmentFields.tsx';
import { TreatmentFields, type TreatmentValues } from './TreatmentFields.tsx';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { localised } from '../../ui/format.ts';
import { SectorSelect } from '../../ui/SectorSelect.tsx';
import { ciiApi } from '../cii/api.ts';
import { riskApi, type Level, type ThreatClass } from './api.ts';

interface Props {
  session: Session;
  classes: ThreatClass[];
  onSaved: () => void;
  onCancel: () => void;
}

export function RiskForm({ session, classes, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const organisations = session.memberships.filter((m) => m.role !== 'auditor');
  const [organisationId, setOrganisationId] = useState(organisations[0]?.organisationId ?? '');
  const [level, setLevel] = useState<Level>('organisation');
  const [title, setTitle] = useState('');
  const [threatClass, setThreatClass] = useState('');
  const [ciiObjectId, setCiiObjectId] = useState('');
  const [sector, setSector] = useState<string | null>(null);
  const [assessment, setAssessment] = useState<AssessmentValues>({ vulnerability: '', controls: '', likelihood: 3, impact: { people: 3, economy: 3, stateFunctions: 3, otherSectors: 3 } });
  const [plan, setPlan] = useState<TreatmentValues>({ treatment: 'mitigate', owner: '', reviewDate: '' });
  const objects = useLoad(() => ciiApi.objects(), []);
  const scales = useScales(level, organisationId);
  const { run, busy, error } = useAction();
  const coordinator = session.memberships.some((m) => m.role === 'coordinator') || session.isPlatformAdmin;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await riskApi.create({
        organisationId, level, title: title.trim(), threatClass, ciiObjectId: ciiObjectId || null, sector, asset: null, ...assessment,
        treatment: plan.treatment, owner: plan.owner, reviewDate: plan.reviewDate || null,
      });
      onSaved();
    });
  };

  return (
    <form onSubmit={submit} className="form-grid">
      <ErrorAlert error={error} />
      <Field label={t('risk.organisation')}>
        <select value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
          {organisations.map((m) => <option key={`${m.organisationId}-${m.role}`} value={m.organisationId}>{m.acronym}</option>)}
        </select>
      </Field>
      {coordinator ? (
        <Field label={t('risk.level')}>
          <select value={level} onChange={(e) => setLevel(e.target.value as Level)}>
            <option value="organisation">{t('risk.levels.organisation')}</option>
            <option value="national">{t('risk.levels.national')}</option>
          </select>
        </Field>
      ) : null}
      <Field label={t('risk.riskTitle')}>
        <input required autoFocus value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label={t('risk.threatClass')}>
        <select required value={threatClass} onChange={(e) => setThreatClass(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {classes.map((c) => <option key={c.key} value={c.key}>{localised(c.name)}{c.attack.length ? ` (${c.attack.join(', ')})` : ''}</option>)}
        </select>
      </Field>
      <Field label={t('risk.ciiObject')}>
        <select value={ciiObjectId} onChange={(e) => setCiiObjectId(e.target.value)}>
          <option value="">{t('risk.noCiiObject')}</option>
          {(objects.data?.items ?? []).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </select>
      </Field>
      <SectorSelect label={t('risk.sector')} value={sector} onChange={setSector} />
      <AssessmentFields value={assessment} scales={scales} onChange={setAssessment} />
      <TreatmentFields value={plan} onChange={setPlan} />
      <FormActions busy={busy} onCancel={onCancel} />
    </form>
  );
}
