/** Exercises of recovery plans (strategy 8.4.2): the form to record one and a plan's history. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/SessionProvider.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useAction } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { keeps } from '../risk/policy.ts';
import { ciiApi, exerciseResults, type Exercise, type ExerciseResult, type RecoveryPlan } from './api.ts';

interface FormProps {
  plans: RecoveryPlan[];
  /** Object names by id: a plan is chosen by its object. */
  names: Map<string, string>;
  onSaved: () => void;
}

/** Offered only for plans of organisations whose CII records the user keeps. */
export function ExerciseForm({ plans, names, onSaved }: FormProps) {
  const { t } = useTranslation();
  const session = useSession();
  const kept = plans.filter((p) => keeps(session, p.organisationId));
  const [planId, setPlanId] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [result, setResult] = useState<ExerciseResult>('passed');
  const [findings, setFindings] = useState('');
  const { run, busy, error } = useAction();
  if (kept.length === 0) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await ciiApi.addExercise(planId, { heldOn, result, findings: findings.trim() || undefined });
      setFindings('');
      onSaved();
    });
  };
  return (
    <Panel title={t('cii.exercise.record')}>
      <form onSubmit={submit} className="form-grid">
        <ErrorAlert error={error} />
        <Field label={t('cii.exercise.plan')}>
          <select required value={planId} onChange={(e) => setPlanId(e.target.value)}>
            <option value="">{t('common.choose')}</option>
            {kept.map((p) => <option key={p.id} value={p.id}>{names.get(p.objectId) ?? p.objectId}</option>)}
          </select>
        </Field>
        <Field label={t('cii.exercise.heldOn')}><input type="date" required value={heldOn} onChange={(e) => setHeldOn(e.target.value)} /></Field>
        <Field label={t('cii.exercise.result')}>
          <select value={result} onChange={(e) => setResult(e.target.value as ExerciseResult)}>
            {exerciseResults.map((r) => <option key={r} value={r}>{t(`cii.exercise.results.${r}`)}</option>)}
          </select>
        </Field>
        <Field label={t('cii.exercise.findings')}><textarea value={findings} onChange={(e) => setFindings(e.target.value)} /></Field>
        <FormActions busy={busy} submit={t('cii.exercise.record')} />
      </form>
    </Panel>
  );
}

/** A plan's exercises, newest first; a result short of "passed" is flagged. */
export function ExerciseHistory({ exercises }: { exercises: Exercise[] }) {
  const { t } = useTranslation();
  if (exercises.length === 0) return <span className="risk-overdue">{t('cii.exercise.none')}</span>;
  const newestFirst = [...exercises].sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  return (
    <ul className="cii-exercises">
      {newestFirst.map((e) => (
        <li key={e.id} className={e.result === 'passed' ? undefined : 'risk-overdue'}>
          {e.heldOn} — {t(`cii.exercise.results.${e.result}`)}{e.findings ? <>: {e.findings}</> : null}
        </li>
      ))}
    </ul>
  );
}
