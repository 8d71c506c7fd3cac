/**
 * Reports as a table: measure, agency, stage, percentage, date, status, the coordinator's comment
 * and evidence links; with `onEdit`, a report still awaiting its decision can be opened to correct.
 */
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/DataTable.tsx';
import { localised } from '../../ui/format.ts';
import type { Report } from './api.ts';
import { StatusBadge } from './StatusBadge.tsx';

interface Props {
  reports: Report[];
  /** Called to correct a report; offered on the submitted reports of `editable` agencies. */
  onEdit?: (report: Report) => void;
  editable?: readonly string[];
}

export function ReportList({ reports, onEdit, editable = [] }: Props) {
  const { t } = useTranslation();
  if (reports.length === 0) return <p>{t('plan.reports.none')}</p>;
  return (
    <DataTable
      label={t('plan.mine.reports')}
      rows={reports}
      rowKey={(r) => r.id}
      columns={[
        { header: t('plan.reports.measure'), rowHeader: true, render: (r) => r.measureId },
        { header: t('plan.reports.agency'), render: (r) => r.acronym },
        { header: t('plan.report.stage'), render: (r) => `${t(`plan.stage.${r.stage}`)}: ${t(`plan.status.${r.stageStatus}`)}` },
        { header: t('plan.reports.text'), render: (r) => localised(r.text) },
        { header: t('plan.report.percent'), render: (r) => `${r.percent}%` },
        { header: t('plan.report.date'), render: (r) => r.date },
        { header: t('plan.reports.status'), render: (r) => <StatusBadge status={r.status} /> },
        { header: t('plan.reports.comment'), render: (r) => r.coordinatorComment ?? '' },
        {
          header: t('plan.report.evidence'),
          render: (r) =>
            r.evidence.map((e) => (
              <a key={e.id} href={`/api/plan/reports/${r.id}/evidence/${e.id}`} title={`SHA-256 ${e.sha256}`}>
                {e.name}
              </a>
            )),
        },
        ...(onEdit
          ? [{
              header: '',
              render: (r: Report) => (r.status === 'submitted' && editable.includes(r.organisationId)
                ? <button type="button" className="small" onClick={() => onEdit(r)} aria-label={t('plan.report.editTitle', { id: r.measureId })}>{t('plan.report.edit')}</button>
                : null),
            }]
          : []),
      ]}
    />
  );
}
