/** Recovery plans with their flags (unmeetable RTO, past review) and exercises, and the forms to set a plan and record an exercise. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { ciiApi } from './api.ts';
import { ExerciseForm, ExerciseHistory } from './Exercises.tsx';

export function PlansView() {
  const { t } = useTranslation();
  const objects = useLoad(() => ciiApi.objects(), []);
  const plans = useLoad(() => ciiApi.plans(), []);
  const directory = useLoad(() => ciiApi.directory(), []);
  const [objectId, setObjectId] = useState('');
  const [rto, setRto] = useState('4');
  const [rpo, setRpo] = useState('1');
  const [steps, setSteps] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const { run, busy, error } = useAction();
  const names = new Map((directory.data?.items ?? []).map((d) => [d.id, d.name]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const list = steps.split('\n').map((s) => s.trim()).filter(Boolean).map((title) => ({ title, owner: '', durationHours: null }));
      await ciiApi.savePlan(objectId, { rtoHours: Number(rto), rpoHours: Number(rpo), steps: list, reviewDate: reviewDate || null });
      plans.reload();
    });
  };
  return (
    <>
      <ErrorAlert error={objects.error ?? plans.error ?? directory.error} />
      <Panel title={t('cii.savePlan')}>
        <form onSubmit={submit} className="form-grid">
          <ErrorAlert error={error} />
          <Field label={t('cii.object')}>
            <select required value={objectId} onChange={(e) => setObjectId(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {(objects.data?.items ?? []).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </Field>
          <Field label={t('cii.rto')}><input type="number" min="0" step="0.5" required value={rto} onChange={(e) => setRto(e.target.value)} /></Field>
          <Field label={t('cii.rpo')}><input type="number" min="0" step="0.5" required value={rpo} onChange={(e) => setRpo(e.target.value)} /></Field>
          <Field label={t('cii.steps')} hint={t('cii.stepsHint')}><textarea value={steps} onChange={(e) => setSteps(e.target.value)} /></Field>
          <Field label={t('cii.reviewDate')}><input type="date" value={reviewDate} onChange={(e) => setReviewDate(e.target.value)} /></Field>
          <FormActions busy={busy} />
        </form>
      </Panel>
      <ExerciseForm plans={plans.data?.items ?? []} names={names} onSaved={plans.reload} />
      <table aria-label={t('cii.tabs.plans')}>
        <thead>
          <tr><th scope="col">{t('cii.object')}</th><th scope="col">{t('cii.rto')}</th><th scope="col">{t('cii.rpo')}</th><th scope="col">{t('cii.reviewDate')}</th><th scope="col">{t('cii.flags')}</th><th scope="col">{t('cii.exercises')}</th></tr>
        </thead>
        <tbody>
          {(plans.data?.items ?? []).map((p) => (
            <tr key={p.id}>
              <th scope="row">{names.get(p.objectId) ?? p.objectId}</th><td>{p.rtoHours}</td><td>{p.rpoHours}</td>
              <td className={p.reviewOverdue ? 'risk-overdue' : undefined}>{p.reviewDate ?? ''}</td>
              <td>
                {p.rtoConflicts.map((c) => <div key={c.supplierId} className="risk-overdue">{t('cii.rtoConflict', { name: names.get(c.supplierId) ?? c.supplierId, hours: c.supplierRtoHours })}</div>)}
                {p.reviewOverdue ? <div className="risk-overdue">{t('cii.reviewOverdue')}</div> : null}
              </td>
              <td><ExerciseHistory exercises={p.exercises} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
