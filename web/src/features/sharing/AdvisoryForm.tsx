/** Create or edit a draft advisory: both languages side by side, TLP, severity, sectors, products and CVE ids. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { useAction } from '../../ui/hooks.ts';
import { SectorSelect } from '../../ui/SectorSelect.tsx';
import { advisoriesApi, type Advisory, type AdvisoryInput } from './api.ts';

const tlps = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
const severities = ['low', 'medium', 'high', 'critical'] as const;
const texts = ['title', 'summary', 'body', 'actions'] as const;
const empty: Bilingual = { az: '', en: '' };
const words = (text: string) => text.split(',').map((w) => w.trim()).filter(Boolean);

interface Props {
  organisations: { organisationId: string; acronym: string }[];
  editing: Advisory | null;
  onSaved: (advisory: Advisory) => void;
}

export function AdvisoryForm({ organisations, editing, onSaved }: Props) {
  const { t } = useTranslation();
  const [organisationId, setOrganisationId] = useState(editing?.organisationId ?? organisations[0]?.organisationId ?? '');
  const [tlp, setTlp] = useState(editing?.tlp ?? 'AMBER');
  const [severity, setSeverity] = useState<Advisory['severity']>(editing?.severity ?? 'high');
  const [text, setText] = useState<Record<(typeof texts)[number], Bilingual>>({
    title: editing?.title ?? empty, summary: editing?.summary ?? empty, body: editing?.body ?? empty, actions: editing?.actions ?? empty,
  });
  const [sectors, setSectors] = useState(editing?.sectors ?? []);
  const [products, setProducts] = useState(editing?.products.join(', ') ?? '');
  const [cves, setCves] = useState(editing?.cves.join(', ') ?? '');
  const { run, busy, error } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: AdvisoryInput = { organisationId, tlp, severity, ...text, sectors, products: words(products), cves: words(cves).map((c) => c.toUpperCase()) };
    void run(async () => {
      const { organisationId: _owner, ...patch } = input;
      onSaved(editing ? await advisoriesApi.update(editing.id, patch) : await advisoriesApi.create(input));
    });
  };
  return (
    <form onSubmit={submit} className="form-grid" aria-label={t(editing ? 'sharing.advisory.edit' : 'sharing.advisory.create')}>
      <ErrorAlert error={error} />
      {!editing && (
        <Field label={t('sharing.advisory.organisation')}>
          <select required value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
            {organisations.map((o) => <option key={o.organisationId} value={o.organisationId}>{o.acronym}</option>)}
          </select>
        </Field>
      )}
      <Field label="TLP">
        <select value={tlp} onChange={(e) => setTlp(e.target.value)}>{tlps.map((l) => <option key={l} value={l}>TLP:{l}</option>)}</select>
      </Field>
      <Field label={t('sharing.advisory.severity')}>
        <select value={severity} onChange={(e) => setSeverity(e.target.value as Advisory['severity'])}>
          {severities.map((s) => <option key={s} value={s}>{t(`sharing.advisory.severities.${s}`)}</option>)}
        </select>
      </Field>
      {texts.map((key) => (['az', 'en'] as const).map((lng) => (
        <Field key={`${key}-${lng}`} label={`${t(`sharing.advisory.${key}`)} (${lng})`}>
          {key === 'title'
            ? <input required value={text[key][lng]} onChange={(e) => setText({ ...text, [key]: { ...text[key], [lng]: e.target.value } })} />
            : <textarea rows={key === 'body' ? 8 : 3} value={text[key][lng]} onChange={(e) => setText({ ...text, [key]: { ...text[key], [lng]: e.target.value } })} />}
        </Field>
      )))}
      <SectorSelect multiple label={t('sharing.advisory.sectors')} value={sectors} onChange={setSectors} />
      <Field label={t('sharing.advisory.products')} hint={t('sharing.advisory.commaHint')}><input value={products} onChange={(e) => setProducts(e.target.value)} /></Field>
      <Field label={t('sharing.advisory.cves')} hint={t('sharing.advisory.cveHint')}><input value={cves} pattern="^\s*(CVE-\d{4}-\d{4,}\s*(,\s*|$))*$" onChange={(e) => setCves(e.target.value)} /></Field>
      <button type="submit" disabled={busy}>{t('sharing.advisory.save')}</button>
    </form>
  );
}
