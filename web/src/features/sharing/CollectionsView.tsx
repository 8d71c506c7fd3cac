/** Collections the user's organisations own or were granted, and a bundle import with its per-object report. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { sharingApi, type ImportReport } from './api.ts';

const tlps = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

export function CollectionsView() {
  const { t } = useTranslation();
  const collections = useLoad(() => sharingApi.collections(), []);
  const [collectionId, setCollectionId] = useState('');
  const [text, setText] = useState('');
  const [defaultTlp, setDefaultTlp] = useState('AMBER');
  const [report, setReport] = useState<ImportReport | null>(null);
  const { run, busy, error } = useAction();
  const writable = (collections.data?.items ?? []).filter((c) => c.canWrite);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setReport(await sharingApi.importBundle(collectionId, JSON.parse(text), defaultTlp));
      collections.reload();
    });
  };
  return (
    <>
      <ErrorAlert error={collections.error} />
      <Panel title={t('sharing.collections')}>
        <table>
          <thead><tr><th>{t('sharing.collection')}</th><th>{t('sharing.taxiiId')}</th><th>{t('sharing.objects')}</th><th>{t('sharing.rights')}</th></tr></thead>
          <tbody>
            {(collections.data?.items ?? []).map((c) => (
              <tr key={c.id}>
                <td>{c.title}</td><td><code>{c.id}</code></td><td>{c.objects ?? 0}</td>
                <td>{[c.canRead && t('sharing.read'), c.canWrite && t('sharing.write'), c.canManage && t('sharing.manage')].filter(Boolean).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <Panel title={t('sharing.import')}>
        <form onSubmit={submit} className="form-grid">
          <ErrorAlert error={error} />
          <Field label={t('sharing.collection')}>
            <select required value={collectionId} onChange={(e) => setCollectionId(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {writable.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
            </select>
          </Field>
          <Field label={t('sharing.defaultTlp')} hint={t('sharing.defaultTlpHint')}>
            <select value={defaultTlp} onChange={(e) => setDefaultTlp(e.target.value)}>
              {tlps.map((l) => <option key={l} value={l}>TLP:{l}</option>)}
            </select>
          </Field>
          <Field label={t('sharing.bundle')}>
            <textarea required rows={8} value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <button type="submit" disabled={busy}>{t('sharing.importButton')}</button>
        </form>
        {report && (
          <section aria-label={t('sharing.report')}>
            <p>{(['created', 'new_version', 'skipped', 'rejected'] as const).map((o) => `${t(`sharing.outcome.${o}`)}: ${report.counts[o]}`).join(' · ')}</p>
            <table>
              <thead><tr><th>#</th><th>{t('sharing.object')}</th><th>{t('sharing.outcomeLabel')}</th><th>{t('sharing.reason')}</th></tr></thead>
              <tbody>
                {report.lines.map((l) => (
                  <tr key={l.index}><td>{l.index + 1}</td><td><code>{l.id ?? '—'}</code></td><td>{t(`sharing.outcome.${l.outcome}`)}</td><td>{l.reason ?? ''}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </Panel>
    </>
  );
}
