/** What the organisation's objects depend on (any registered object), with kind and strength. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { ciiApi, dependencyKinds, strengths, type DependencyKind, type Strength } from './api.ts';

export function DependenciesView() {
  const { t } = useTranslation();
  const objects = useLoad(() => ciiApi.objects(), []);
  const directory = useLoad(() => ciiApi.directory(), []);
  const dependencies = useLoad(() => ciiApi.dependencies(), []);
  const [dependentId, setDependentId] = useState('');
  const [supplierId, setSupplierId] = useState('');
  const [kind, setKind] = useState<DependencyKind>('power');
  const [strength, setStrength] = useState<Strength>('high');
  const { run, busy, error } = useAction();
  const names = new Map((directory.data?.items ?? []).map((d) => [d.id, `${d.name} (${d.operator})`]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await ciiApi.addDependency({ dependentId, supplierId, kind, strength });
      dependencies.reload();
    });
  };
  return (
    <>
      <ErrorAlert error={objects.error ?? directory.error ?? dependencies.error} />
      <Panel title={t('cii.addDependency')}>
        <form onSubmit={submit} className="form-grid">
          <ErrorAlert error={error} />
          <Field label={t('cii.dependent')}>
            <select required value={dependentId} onChange={(e) => setDependentId(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {(objects.data?.items ?? []).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </Field>
          <Field label={t('cii.supplier')}>
            <select required value={supplierId} onChange={(e) => setSupplierId(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {(directory.data?.items ?? []).filter((d) => d.id !== dependentId).map((d) => <option key={d.id} value={d.id}>{names.get(d.id)}</option>)}
            </select>
          </Field>
          <Field label={t('cii.kind')}>
            <select value={kind} onChange={(e) => setKind(e.target.value as DependencyKind)}>
              {dependencyKinds.map((k) => <option key={k} value={k}>{t(`cii.kinds.${k}`)}</option>)}
            </select>
          </Field>
          <Field label={t('cii.strength')} hint={t('cii.strengthHint')}>
            <select value={strength} onChange={(e) => setStrength(e.target.value as Strength)}>
              {strengths.map((s) => <option key={s} value={s}>{t(`cii.strengths.${s}`)}</option>)}
            </select>
          </Field>
          <FormActions busy={busy} submit={t('cii.addDependency')} />
        </form>
      </Panel>
      <table aria-label={t('cii.tabs.dependencies')}>
        <thead>
          <tr><th scope="col">{t('cii.dependent')}</th><th scope="col">{t('cii.supplier')}</th><th scope="col">{t('cii.kind')}</th><th scope="col">{t('cii.strength')}</th><th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th></tr>
        </thead>
        <tbody>
          {(dependencies.data?.items ?? []).map((d) => (
            <tr key={d.id}>
              <th scope="row">{names.get(d.dependentId) ?? d.dependentId}</th><td>{names.get(d.supplierId) ?? d.supplierId}</td>
              <td>{t(`cii.kinds.${d.kind}`)}</td><td>{t(`cii.strengths.${d.strength}`)}</td>
              <td className="row-actions">
                <button type="button" className="secondary small" disabled={busy} onClick={() => void run(async () => { await ciiApi.removeDependency(d.id); dependencies.reload(); })}>{t('cii.remove')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
