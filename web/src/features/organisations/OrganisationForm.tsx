/** Creating an organisation, or changing one's names, kind, sector and parent. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationsApi, type OrganisationInput } from '../../api/admin.ts';
import { organisationKinds, type Organisation, type OrganisationKind } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useAction } from '../../ui/hooks.ts';
import { localised } from '../../ui/format.ts';
import { SectorSelect } from '../../ui/SectorSelect.tsx';

interface Props {
  organisation: Organisation | null;
  organisations: Organisation[];
  onSaved: () => void;
  onCancel: () => void;
}

export function OrganisationForm({ organisation, organisations, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [acronym, setAcronym] = useState(organisation?.acronym ?? '');
  const [nameAz, setNameAz] = useState(organisation?.name.az ?? '');
  const [nameEn, setNameEn] = useState(organisation?.name.en ?? '');
  const [kind, setKind] = useState<OrganisationKind>(organisation?.kind ?? 'cii_operator');
  const [sector, setSector] = useState(organisation?.sector ?? null);
  const [parentId, setParentId] = useState(organisation?.parentId ?? '');
  const { run, busy, error } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: OrganisationInput = {
      name: { az: nameAz.trim(), en: nameEn.trim() },
      kind,
      sector,
      parentId: parentId || null,
    };
    void run(async () => {
      if (organisation) await organisationsApi.update(organisation.id, input);
      else await organisationsApi.create({ acronym: acronym.trim(), ...input });
      onSaved();
    });
  };

  const parents = organisations.filter((o) => o.id !== organisation?.id);
  return (
    <form onSubmit={submit} className="form-grid">
      <ErrorAlert error={error} />
      <Field label={t('organisations.acronym')}>
        <input required autoFocus={organisation === null} maxLength={32} value={acronym} disabled={organisation !== null} onChange={(e) => setAcronym(e.target.value)} />
      </Field>
      <Field label={t('organisations.nameAz')}>
        <input required autoFocus={organisation !== null} lang="az" value={nameAz} onChange={(e) => setNameAz(e.target.value)} />
      </Field>
      <Field label={t('organisations.nameEn')}>
        <input required lang="en" value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
      </Field>
      <Field label={t('organisations.kind')}>
        <select value={kind} onChange={(e) => setKind(e.target.value as OrganisationKind)}>
          {organisationKinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <SectorSelect label={t('organisations.sector')} value={sector} onChange={setSector} />
      <Field label={t('organisations.parent')}>
        <select value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <option value="">{t('organisations.noParent')}</option>
          {parents.map((o) => (
            <option key={o.id} value={o.id}>
              {o.acronym} — {localised(o.name)}
            </option>
          ))}
        </select>
      </Field>
      <FormActions busy={busy} onCancel={onCancel} />
    </form>
  );
}
