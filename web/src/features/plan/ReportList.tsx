/** Reports as a table: measure, agency, stage, percentage, date, status, the coordinator's comment and evidence links. */
import { useTranslation } from 'react-i18next';
import { localised } from '../../ui/format.ts';
import type { Report } from './api.ts';
import { StatusBadge } from './StatusBadge.tsx';

export function ReportList({ reports }: { reports: Report[] }) {
  const { t } = useTranslation();
  if (reports.length === 0) return <p>{t('plan.reports.none')}</p>;
  return (
    <table aria-label={t('plan.mine.reports')}>
      <thead>
        <tr>
          <th scope="col">{t('plan.reports.measure')}</th>
          <th scope="col">{t('plan.reports.agency')}</th>
          <th scope="col">{t('plan.report.stage')}</th>
          <th scope="col">{t('plan.reports.text')}</th>
          <th scope="col">{t('plan.report.percent')}</th>
          <th scope="col">{t('plan.report.date')}</th>
          <th scope="col">{t('plan.reports.status')}</th>
          <th scope="col">{t('plan.reports.comment')}</th>
          <th scope="col">{t('plan.report.evidence')}</th>
        </tr>
      </thead>
      <tbody>
        {reports.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.measureId}</th>
            <td>{r.acronym}</td>
            <td>
              {t(`plan.stage.${r.stage}`)}: {t(`plan.status.${r.stageStatus}`)}
            </td>
            <td>{localised(r.text)}</td>
            <td>{r.percent}%</td>
            <td>{r.date}</td>
            <td>
              <StatusBadge status={r.status} />
            </td>
            <td>{r.coordinatorComment ?? ''}</td>
            <td>
              {r.evidence.map((e) => (
                <a key={e.id} href={`/api/plan/reports/${r.id}/evidence/${e.id}`} title={`SHA-256 ${e.sha256}`}>
                  {e.name}
                </a>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
