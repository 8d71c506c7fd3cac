/** The organisations as a table: acronym, name in the current language, kind, sector and parent. */
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../api/types.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { administers } from '../../session/permissions.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { localised } from '../../ui/format.ts';
import { useSectorName } from '../../ui/sectors.ts';

interface Props {
  organisations: Organisation[];
  onEdit: (organisation: Organisation) => void;
}

export function OrganisationsTable({ organisations, onEdit }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const sectorName = useSectorName();
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const sorted = [...organisations].sort((a, b) => a.acronym.localeCompare(b.acronym, 'az'));
  return (
    <DataTable
      label={t('organisations.title')}
      rows={sorted}
      rowKey={(o) => o.id}
      columns={[
        {
          header: t('organisations.acronym'),
          rowHeader: true,
          render: (o) => (
            <>
              {o.acronym}
              {o.isNationalCert ? <span className="badge">{t('organisations.nationalCert')}</span> : null}
            </>
          ),
        },
        { header: t('organisations.name'), render: (o) => localised(o.name) },
        { header: t('organisations.kind'), render: (o) => t(`kinds.${o.kind}`) },
        { header: t('organisations.sector'), render: (o) => sectorName(o.sector) },
        { header: t('organisations.parent'), render: (o) => (o.parentId ? (byId.get(o.parentId)?.acronym ?? '') : '') },
      ]}
      actions={(o) =>
        administers(session, o.id) ? (
          <button type="button" className="secondary small" onClick={() => onEdit(o)} aria-label={t('organisations.editTitle', { acronym: o.acronym })}>
            {t('common.edit')}
          </button>
        ) : null
      }
    />
  );
}
