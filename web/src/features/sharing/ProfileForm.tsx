/**
 * An organisation's early-warning profile, for its administrators and CERT analysts: the sectors
 * and product keywords that make advisories and imported indicators reach it, and whether the
 * sectors of its CII objects count too.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { SectorSelect } from '../../ui/SectorSelect.tsx';
import { advisoriesApi } from './api.ts';

const words = (text: string) => text.split(',').map((w) => w.trim()).filter(Boolean);

interface Props {
  organisations: { organisationId: string; acronym: string }[];
}

export function ProfileForm({ organisations }: Props) {
  const { t } = useTranslation();
  const profiles = useLoad(() => advisoriesApi.profiles(), []);
  const [organisationId, setOrganisationId] = useState(organisations[0]?.organisationId ?? '');
  const [draft, setDraft] = useState<{ sectors: string[]; keywords: string; useCiiSectors: boolean } | null>(null);
  const [saved, setSaved] = useState(false);
  const { run, busy, error } = useAction();
  const stored = profiles.data?.items.find((p) => p.organisationId === organisationId);
  const shown = draft ?? { sectors: stored?.sectors ?? [], keywords: stored?.keywords.join(', ') ?? '', useCiiSectors: stored?.useCiiSectors ?? false };
  const edit = (change: Partial<typeof shown>) => { setDraft({ ...shown, ...change }); setSaved(false); };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await advisoriesApi.saveProfile({ organisationId, sectors: shown.sectors, keywords: words(shown.keywords), useCiiSectors: shown.useCiiSectors });
      profiles.reload();
      setDraft(null);
      setSaved(true);
    });
  };
  return (
    <form onSubmit={submit} className="form-grid" aria-label={t('sharing.profile.title')}>
      <ErrorAlert error={profiles.error ?? error} />
      <Field label={t('sharing.advisory.organisation')}>
        <select value={organisationId} onChange={(e) => { setOrganisationId(e.target.value); setDraft(null); setSaved(false); }}>
          {organisations.map((o) => <option key={o.organisationId} value={o.organisationId}>{o.acronym}</option>)}
        </select>
      </Field>
      <SectorSelect multiple label={t('sharing.profile.sectors')} value={shown.sectors} onChange={(sectors) => edit({ sectors })} />
      <Field label={t('sharing.profile.keywords')} hint={t('sharing.advisory.commaHint')}><input value={shown.keywords} onChange={(e) => edit({ keywords: e.target.value })} /></Field>
      <label><input type="checkbox" checked={shown.useCiiSectors} onChange={(e) => edit({ useCiiSectors: e.target.checked })} /> {t('sharing.profile.useCiiSectors')}</label>
      <button type="submit" disabled={busy}>{t('sharing.profile.save')}</button>
      {saved && <p role="status">{t('sharing.profile.saved')}</p>}
    </form>
  );
}
