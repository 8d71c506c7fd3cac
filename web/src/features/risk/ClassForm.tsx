/**
 * A coordinator's threat class: adding one (key, category, names in both languages, description,
 * ATT&CK techniques) or changing one added before. The key and category stay as first given.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { localised } from '../../ui/format.ts';
import { useAction } from '../../ui/hooks.ts';
import { riskApi, type ThreatCategory, type ThreatClass } from './api.ts';

interface Props {
  categories: ThreatCategory[];
  /** The class being changed; absent when adding one. */
  existing?: ThreatClass;
  onSaved: () => void;
  onCancel: () => void;
}

const techniques = (text: string) => text.split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter(Boolean);

export function ClassForm({ categories, existing, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const [categoryKey, setCategoryKey] = useState(existing?.categoryKey ?? '');
  const [nameAz, setNameAz] = useState(existing?.name.az ?? '');
  const [nameEn, setNameEn] = useState(existing?.name.en ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [attack, setAttack] = useState(existing?.attack.join(', ') ?? '');
  const { run, busy, error } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = { name: { az: nameAz.trim(), en: nameEn.trim() }, description: description.trim(), attack: techniques(attack) };
    void run(async () => {
      if (existing) await riskApi.updateClass(existing.key, fields);
      else await riskApi.addClass({ key: key.trim(), categoryKey, ...fields });
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} className="form-grid">
      <ErrorAlert error={error} />
      {existing ? null : (
        <>
          <Field label={t('risk.taxonomy.key')} hint={t('risk.taxonomy.keyHint')}>
            <input required autoFocus value={key} onChange={(e) => setKey(e.target.value)} />
          </Field>
          <Field label={t('risk.taxonomy.category')}>
            <select required value={categoryKey} onChange={(e) => setCategoryKey(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {categories.map((c) => <option key={c.key} value={c.key}>{localised(c.name)}</option>)}
            </select>
          </Field>
        </>
      )}
      <Field label={t('risk.taxonomy.nameAz')}><input required value={nameAz} onChange={(e) => setNameAz(e.target.value)} /></Field>
      <Field label={t('risk.taxonomy.nameEn')}><input required value={nameEn} onChange={(e) => setNameEn(e.target.value)} /></Field>
      <Field label={t('risk.taxonomy.description')}><textarea value={description} onChange={(e) => setDescription(e.target.value)} /></Field>
      <Field label={t('risk.taxonomy.attack')} hint={t('risk.taxonomy.attackHint')}><input value={attack} onChange={(e) => setAttack(e.target.value)} /></Field>
      <FormActions busy={busy} submit={existing ? t('common.save') : t('risk.taxonomy.add')} onCancel={onCancel} />
    </form>
  );
}
