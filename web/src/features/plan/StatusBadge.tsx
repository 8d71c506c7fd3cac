/** A coloured, translated status: an indicator's, a measure's, a report's, or "overdue". */
import { useTranslation } from 'react-i18next';

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`plan-status ${status}`}>{t(`plan.status.${status}`)}</span>;
}
