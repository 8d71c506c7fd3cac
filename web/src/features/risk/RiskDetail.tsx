/**
 * One risk opened from the register: editing its assessment and its treatment actions (due
 * dates, costs, done), accepting it until a date (the approver is the signed-in user), and, on a
 * national draft, naming the co-executor agencies by acronym.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { SectorSelect } from '../../ui/SectorSelect.tsx';
import { AssessmentFields, LevelSelect, useScales, type AssessmentValues } from './AssessmentFields.tsx';
import { TreatmentFields, type TreatmentValues } from './TreatmentFields.tsx';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { organisationsApi } from '../../api/admin.ts';
import { riskApi, type Risk, type RiskAction } from './api.ts';
import { isCoordinator } from './policy.ts';

const mayAccept = (s: Session, r: Risk) => (r.level === 'national' ? isCoordinator(s) : s.isPlatformAdmin || s.memberships.some((m) => m.organisationId === r.organisationId && m.role === 'admin'));

interface Props {
  risk: Risk;
  session: Session;
  onChanged: (risk: Risk) => void;
  onClose: () => void;
}

export function RiskDetail({ risk, session, onChanged, onClose }: Props) {
  return (
    <>
      <RiskEdit key={`edit-${risk.id}-${risk.version}`} risk={risk} onChanged={onChanged} onClose={onClose} />
      {mayAccept(session, risk) && risk.status !== 'closed'
        ? <RiskAcceptance key={`accept-${risk.id}-${risk.version}`} risk={risk} session={session} onChanged={onChanged} />
        : <AcceptanceNote risk={risk} session={session} />}
      {risk.procedure?.status === 'draft' && isCoordinator(session) ? <CoExecutors key={`co-${risk.id}-${risk.version}`} risk={risk} onChanged={onChanged} /> : null}
    </>
  );
}

function RiskEdit({ risk, onChanged, onClose }: { risk: Risk; onChanged: (risk: Risk) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(risk.title);
  const [sector, setSector] = useState(risk.sector);
  const [assessment, setAssessment] = useState<AssessmentValues>({ vulnerability: risk.vulnerability, controls: risk.controls, likelihood: risk.likelihood, impact: risk.impact });
  const [residualLikelihood, setResidualLikelihood] = useState(risk.residualLikelihood);
  const [residualImpact, setResidualImpact] = useState(risk.residualImpact);
  const [plan, setPlan] = useState<TreatmentValues>({ treatment: risk.treatment, owner: risk.owner, reviewDate: risk.reviewDate ?? '' });
  const [actions, setActions] = useState<RiskAction[]>(risk.actions);
  const { run, busy, error } = useAction();
  const scales = useScales(risk.level, risk.organisationId);
  const change = (i: number, patch: Partial<RiskAction>) => setActions((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      onChanged(await riskApi.update(risk.id, {
        title: title.trim(), sector, ...assessment, residualLikelihood, residualImpact, treatment: plan.treatment, owner: plan.owner,
        reviewDate: plan.reviewDate || null, actions: actions.map((a) => ({ ...a, title: a.title.trim() })),
      }));
    });
  };

  return (
    <form onSubmit={submit} className="form-grid" aria-label={t('risk.detail.edit')}>
      <ErrorAlert error={error} />
      <Field label={t('risk.riskTitle')}>
        <input required value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <SectorSelect label={t('risk.sector')} value={sector} onChange={setSector} />
      <AssessmentFields value={assessment} scales={scales} onChange={setAssessment} />
      <Field label={t('risk.detail.residualLikelihood')}>
        <LevelSelect value={residualLikelihood} max={scales.likelihoodLevels} onChange={setResidualLikelihood} empty={t('risk.detail.notAssessed')} />
      </Field>
      <Field label={t('risk.detail.residualImpact')}>
        <LevelSelect value={residualImpact} max={scales.impactLevels} onChange={setResidualImpact} empty={t('risk.detail.notAssessed')} />
      </Field>
      <TreatmentFields value={plan} onChange={setPlan} />
      <fieldset className="risk-actions">
        <legend>{t('risk.detail.actions')}</legend>
        {actions.length === 0 ? <p>{t('risk.detail.noActions')}</p> : null}
        {actions.map((a, i) => (
          <div key={i} className="risk-action" role="group" aria-label={t('risk.detail.actionN', { n: i + 1 })}>
            <Field label={t('risk.detail.actionTitle')}>
              <input required value={a.title} onChange={(e) => change(i, { title: e.target.value })} />
            </Field>
            <Field label={t('risk.detail.dueDate')}>
              <input type="date" value={a.dueDate ?? ''} onChange={(e) => change(i, { dueDate: e.target.value || null })} />
            </Field>
            <Field label={t('risk.detail.cost')}>
              <input type="number" min={0} step="any" value={a.cost ?? ''} onChange={(e) => change(i, { cost: e.target.value === '' ? null : Number(e.target.value) })} />
            </Field>
            <label className="risk-check">
              <input type="checkbox" checked={a.done} onChange={(e) => change(i, { done: e.target.checked })} /> {t('risk.detail.done')}
            </label>
            <button type="button" className="secondary small" onClick={() => setActions((list) => list.filter((_, j) => j !== i))}>{t('risk.detail.removeAction')}</button>
          </div>
        ))}
        <button type="button" className="secondary small" onClick={() => setActions((list) => [...list, { title: '', dueDate: null, cost: null, done: false }])}>
          {t('risk.detail.addAction')}
        </button>
      </fieldset>
      <FormActions busy={busy} onCancel={onClose} />
    </form>
  );
}

function AcceptanceNote({ risk, session }: { risk: Risk; session: Session }) {
  const { t } = useTranslation();
  if (!risk.acceptance) return null;
  const by = risk.acceptance.by === session.user.id ? session.user.displayName : risk.acceptance.by;
  return (
    <p className="risk-acceptance" role="status">
      {t('risk.acceptance.current', { expiresOn: risk.acceptance.expiresOn, by })}
      {risk.acceptance.note ? <> — {risk.acceptance.note}</> : null}
    </p>
  );
}

function RiskAcceptance({ risk, session, onChanged }: { risk: Risk; session: Session; onChanged: (risk: Risk) => void }) {
  const { t } = useTranslation();
  const [expiresOn, setExpiresOn] = useState(risk.acceptance?.expiresOn ?? '');
  const [note, setNote] = useState(risk.acceptance?.note ?? '');
  const { run, busy, error } = useAction();
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => onChanged(await riskApi.accept(risk.id, { expiresOn, note: note.trim() || undefined })));
  };
  return (
    <form onSubmit={submit} className="form-grid" aria-label={t('risk.acceptance.title')}>
      <h3>{t('risk.acceptance.title')}</h3>
      <AcceptanceNote risk={risk} session={session} />
      <p className="field-hint">{t('risk.acceptance.approverHint')}</p>
      <ErrorAlert error={error} />
      <Field label={t('risk.acceptance.expiresOn')}>
        <input type="date" required min={tomorrow} value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
      </Field>
      <Field label={t('risk.acceptance.note')}>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <FormActions busy={busy} submit={t('risk.acceptance.accept')} />
    </form>
  );
}

function CoExecutors({ risk, onChanged }: { risk: Risk; onChanged: (risk: Risk) => void }) {
  const { t } = useTranslation();
  const organisations = useLoad(() => organisationsApi.list(), []);
  const current = risk.procedure?.coExecutorAcronyms ?? [];
  const [text, setText] = useState<string | null>(null);
  const { run, busy, error } = useAction();
  const value = text ?? current.join(', ');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const acronyms = [...new Set(value.split(/[\s,;]+/).map((a) => a.trim()).filter(Boolean))];
    void run(async () => onChanged(await riskApi.setCoExecutors(risk.id, acronyms)));
  };
  return (
    <form onSubmit={submit} className="form-grid" aria-label={t('risk.coExecutors.title')}>
      <h3>{t('risk.coExecutors.title')}</h3>
      <ErrorAlert error={error} />
      <p>{current.length > 0 ? t('risk.coExecutors.named', { list: current.join(', ') }) : t('risk.coExecutors.none')}</p>
      <Field label={t('risk.coExecutors.acronyms')} hint={t('risk.coExecutors.hint')}>
        <input value={value} onChange={(e) => setText(e.target.value)} list="risk-agency-acronyms" />
      </Field>
      <datalist id="risk-agency-acronyms">
        {(organisations.data?.items ?? []).map((o) => <option key={o.id} value={o.acronym} />)}
      </datalist>
      <FormActions busy={busy} submit={t('risk.coExecutors.save')} />
    </form>
  );
}
