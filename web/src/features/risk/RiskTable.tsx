/** The register's risks with scores, procedure state and the workflow buttons the user may press. */
import { useTranslation } from 'react-i18next';
import type { Session } from '../../api/types.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction } from '../../ui/hooks.ts';
import { riskApi, type Risk } from './api.ts';
import { isCoordinator, keeps } from './policy.ts';

interface Props {
  risks: Risk[];
  classNames: Map<string, string>;
  session: Session;
  onChanged: () => void;
  onOpen: (risk: Risk) => void;
}

export function RiskTable({ risks, classNames, session, onChanged, onOpen }: Props) {
  const { t } = useTranslation();
  const { run, busy, error } = useAction();
  const act = (action: () => Promise<unknown>) => void run(async () => { await action(); onChanged(); });
  return (
    <>
      <ErrorAlert error={error} />
      <DataTable
        label={t('risk.register')}
        scroll
        rows={risks}
        rowKey={(r) => r.id}
        columns={[
          { header: t('risk.riskTitle'), rowHeader: true, render: (r) => r.title },
          { header: t('risk.threatClass'), render: (r) => classNames.get(r.threatClass) ?? r.threatClass },
          { header: t('risk.score'), render: (r) => <>{r.inherentScore} <small>({r.likelihood} × {r.impactLevel})</small></> },
          { header: t('risk.residual'), render: (r) => r.residualScore ?? '' },
          { header: t('risk.treatment'), render: (r) => <>{t(`risk.treatments.${r.treatment}`)} <small>{r.progress.done}/{r.progress.total}</small></> },
          { header: t('risk.reviewDate'), className: (r) => (r.reviewOverdue ? 'risk-overdue' : undefined), render: (r) => r.reviewDate ?? '' },
          { header: t('risk.state'), render: (r) => (r.procedure ? t(`risk.procedure.${r.procedure.status}`) : t(`risk.status.${r.status}`)) },
        ]}
        actions={(r) => (
          <>
            <button type="button" className="secondary small" onClick={() => onOpen(r)}>{t('risk.openRisk')}</button>
            {r.level === 'organisation' && !r.escalatedRiskId && keeps(session, r.organisationId) ? (
              <button type="button" className="secondary small" disabled={busy} onClick={() => act(() => riskApi.escalate(r.id))}>{t('risk.escalate')}</button>
            ) : null}
            {r.escalatedRiskId ? <span className="badge">{t('risk.escalated')}</span> : null}
            {r.procedure?.status === 'draft' ? (
              <button type="button" className="secondary small" disabled={busy} onClick={() => act(() => riskApi.agree(r.id))}>{t('risk.agree')}</button>
            ) : null}
            {r.procedure?.status === 'agreed' && isCoordinator(session) ? (
              <button type="button" className="small" disabled={busy} onClick={() => act(() => riskApi.approve(r.id))}>{t('risk.approve')}</button>
            ) : null}
          </>
        )}
      />
    </>
  );
}
