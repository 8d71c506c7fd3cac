/** The measures the user's agency executes, its reports on them, and the form to submit a new one. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/SessionProvider.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useLoad } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { planApi, type Measure, type Report } from './api.ts';
import { MeasureCard } from './MeasureCard.tsx';
import { reportingOrganisations } from './permissions.ts';
import { ReportForm } from './ReportForm.tsx';
import { ResponsibleForm } from './ResponsibleForm.tsx';
import { ReportList } from './ReportList.tsx';

export function MyMeasuresView() {
  const { t } = useTranslation();
  const session = useSession();
  const { data, error, reload } = useLoad(() => Promise.all([planApi.mine(), planApi.reports({})]), []);
  const [reporting, setReporting] = useState<Measure | null>(null);
  const [correcting, setCorrecting] = useState<Report | null>(null);
  const [notice, setNotice] = useState('');
  const mayReport = reportingOrganisations(session);
  if (!data) return <ErrorAlert error={error} />;
  const [mine, reports] = data;
  const agencyOf = (m: Measure) => m.executors.find((e) => mayReport.includes(e.organisationId))?.organisationId;

  return (
    <>
      <ErrorAlert error={error} />
      {notice ? <p role="status" className="notice">{notice}</p> : null}
      {mine.items.length === 0 ? <p>{t('plan.mine.none')}</p> : null}
      {reporting ? (
        <Panel title={t('plan.report.formTitle', { id: reporting.id })}>
          <ReportForm
            measureId={reporting.id}
            organisationId={agencyOf(reporting)!}
            onCancel={() => setReporting(null)}
            onSubmitted={() => {
              setNotice(t('plan.report.submitted', { id: reporting.id }));
              setReporting(null);
              reload();
            }}
          />
        </Panel>
      ) : null}
      {correcting ? (
        <Panel title={t('plan.report.editTitle', { id: correcting.measureId })}>
          <ReportForm
            key={correcting.id}
            measureId={correcting.measureId}
            organisationId={correcting.organisationId}
            report={correcting}
            onCancel={() => setCorrecting(null)}
            onSubmitted={() => {
              setNotice(t('plan.report.updated', { id: correcting.measureId }));
              setCorrecting(null);
              reload();
            }}
          />
        </Panel>
      ) : null}
      <Panel title={t('plan.mine.reports')}>
        <ReportList reports={reports.items} onEdit={setCorrecting} editable={mayReport} />
      </Panel>
      <Panel title={t('plan.mine.measures', { count: mine.items.length })}>
        {mine.items.map((m) => (
          <MeasureCard key={m.id} measure={m}>
            {agencyOf(m) ? (
              <>
                <button type="button" className="small" onClick={() => setReporting(m)} aria-label={t('plan.report.formTitle', { id: m.id })}>
                  {t('plan.report.open')}
                </button>
                <ResponsibleForm measure={m} executor={m.executors.find((e) => e.organisationId === agencyOf(m))!} onSaved={reload} />
              </>
            ) : null}
          </MeasureCard>
        ))}
      </Panel>
    </>
  );
}
