/** Audit entries as a table; details are shown as compact JSON. */
import { useTranslation } from 'react-i18next';
import type { AuditEntry, Organisation } from '../../api/types.ts';
import { DataTable } from '../../ui/DataTable.tsx';
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
  return (
    <DataTable
      label={t('audit.title')}
      className="dense"
      scroll
      rows={entries}
      rowKey={(e) => e.seq}
      empty={t('audit.none')}
      columns={[
        { header: '#', className: 'mono', render: (e) => e.seq },
        { header: t('audit.at'), className: 'nowrap', render: (e) => formatDateTime(e.at) },
        { header: t('audit.actor'), render: (e) => e.actorLabel },
        { header: t('audit.organisation'), render: (e) => (e.organisationId ? (acronyms.get(e.organisationId) ?? '') : '') },
        { header: t('audit.action'), className: 'mono', render: (e) => e.action },
        { header: t('audit.target'), className: 'mono nowrap', title: (e) => e.targetId ?? '', render: targetText },
        { header: t('audit.address'), className: 'mono', render: (e) => e.address ?? '' },
        { header: t('audit.details'), className: 'mono truncate', title: (e) => detailsText(e.details), render: (e) => detailsText(e.details) },
      ]}
    />
  );
}
