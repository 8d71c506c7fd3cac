/** Audit entries as a table; details are shown as compact JSON. */
import { useTranslation } from 'react-i18next';
import type { AuditEntry, Organisation } from '../../api/types.ts';
import { formatDateTime } from '../../ui/format.ts';

/** Type and the start of the id: enough to tell targets apart; the full id is in the tooltip. */
function targetText(entry: AuditEntry): string {
  if (!entry.targetType) return '';
  return entry.targetId ? `${entry.targetType}:${entry.targetId.slice(0, 8)}` : entry.targetType;
}

function detailsText(details: unknown): string {
  if (details === null || details === undefined) return '';
  return typeof details === 'string' ? details : JSON.stringify(details);
}

export function AuditTable({ entries, organisations }: { entries: AuditEntry[]; organisations: Organisation[] }) {
  const { t } = useTranslation();
  const acronyms = new Map(organisations.map((o) => [o.id, o.acronym]));
  if (entries.length === 0) return <p className="empty">{t('audit.none')}</p>;
  return (
    <div className="table-scroll">
      <table aria-label={t('audit.title')} className="dense">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.organisation')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.target')}</th>
            <th scope="col">{t('audit.address')}</th>
            <th scope="col">{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td className="mono">{e.seq}</td>
              <td className="nowrap">{formatDateTime(e.at)}</td>
              <td>{e.actorLabel}</td>
              <td>{e.organisationId ? (acronyms.get(e.organisationId) ?? '') : ''}</td>
              <td className="mono">{e.action}</td>
              <td className="mono nowrap" title={e.targetId ?? ''}>
                {targetText(e)}
              </td>
              <td className="mono">{e.address ?? ''}</td>
              <td className="mono truncate" title={detailsText(e.details)}>
                {detailsText(e.details)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
