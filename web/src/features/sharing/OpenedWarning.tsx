/** What an opened warning is about: the advisory in the reader's language, or the indicator as the CERT sent it. */
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n.ts';
import type { OpenedWarning as Opened } from './api.ts';
import { useReasons } from './reasons.ts';

export function OpenedWarning({ opened }: { opened: Opened }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const reasons = useReasons();
  if (opened.kind === 'indicator') {
    const name = opened.name ?? opened.stixId;
    return (
      <article aria-label={name}>
        <h3>{name} <small>TLP:{opened.tlp} · {t('sharing.warning.kinds.indicator')}</small></h3>
        {opened.description && <p>{opened.description}</p>}
        <p><code>{opened.pattern}</code></p>
        <p>{t('sharing.warning.valid', { from: opened.validFrom ?? '—', until: opened.validUntil ?? '—' })}</p>
        <p>{t('sharing.advisory.reasons')}: {reasons(opened.reasons)}</p>
        <p><code>{opened.stixId}</code></p>
      </article>
    );
  }
  return (
    <article aria-label={opened.title[lng]}>
      <h3>{opened.title[lng]} <small>TLP:{opened.tlp} · {t(`sharing.advisory.severities.${opened.severity}`)}</small></h3>
      <p>{opened.summary[lng]}</p>
      <p style={{ whiteSpace: 'pre-wrap' }}>{opened.body[lng]}</p>
      <h4>{t('sharing.advisory.actions')}</h4>
      <p style={{ whiteSpace: 'pre-wrap' }}>{opened.actions[lng]}</p>
      <p>{opened.cves.join(', ')}</p>
    </article>
  );
}
