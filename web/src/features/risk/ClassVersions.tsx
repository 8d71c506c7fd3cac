/** Every numbered version of a threat class: who changed it, when, and its names as they then were. */
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../api/types.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useLoad } from '../../ui/hooks.ts';
import { riskApi, type ClassVersion } from './api.ts';

// Snapshots are stored as the class was then (reference versions as in the data file), so only the bilingual name is read.
const nameOf = (v: ClassVersion) => (v.snapshot.name ?? {}) as Partial<Bilingual>;

export function ClassVersions({ classKey }: { classKey: string }) {
  const { t } = useTranslation();
  const versions = useLoad(() => riskApi.classVersions(classKey), [classKey]);
  return (
    <>
      <ErrorAlert error={versions.error} />
      {versions.data ? (
        <DataTable
          label={t('risk.taxonomy.versionsOf', { key: classKey })}
          rows={versions.data.items}
          rowKey={(v) => v.version}
          columns={[
            { header: t('risk.taxonomy.version'), rowHeader: true, render: (v) => v.version },
            { header: t('risk.taxonomy.nameAz'), render: (v) => nameOf(v).az ?? '' },
            { header: t('risk.taxonomy.nameEn'), render: (v) => nameOf(v).en ?? '' },
            { header: t('risk.taxonomy.changedBy'), render: (v) => v.changedBy },
            { header: t('risk.taxonomy.changedAt'), render: (v) => formatDateTime(v.at) },
          ]}
        />
      ) : null}
    </>
  );
}
