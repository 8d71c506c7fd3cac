/** Who a warning reached: per organisation why it matched, who opened it when (or that nobody has yet), and delivery status. */
import { useTranslation } from 'react-i18next';
import type { Reach } from './api.ts';
import { useReasons } from './reasons.ts';

export function ReachTable({ reach }: { reach: Reach }) {
  const { t } = useTranslation();
  const reasons = useReasons();
  return (
    <section aria-label={t('sharing.advisory.reach')}>
      <p>{t('sharing.advisory.reachSummary', { opened: reach.opened, total: reach.total })}</p>
      <table>
        <thead><tr><th>{t('sharing.advisory.organisation')}</th><th>{t('sharing.advisory.reasons')}</th><th>{t('sharing.advisory.openedBy')}</th><th>{t('sharing.advisory.webhook')}</th></tr></thead>
        <tbody>
          {reach.items.map((i) => (
            <tr key={i.warningId}>
              <td>{i.acronym}</td><td>{reasons(i.reasons)}</td>
              <td>{i.opened ? i.reads.map((r) => `${r.username} (${new Date(r.openedAt).toLocaleString()})`).join(', ') : <strong>{t('sharing.advisory.notOpened')}</strong>}</td>
              <td>{i.deliveries.map((d) => `${t(`sharing.advisory.delivery.${d.status}`)} (${d.attempts})`).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
