/** The register's risks with scores, procedure state and the workflow buttons the user may press. */
import { useTranslation } from 'react-i18next';
import type { Session } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction } from '../../ui/hooks.ts';
import { riskApi, type Risk } from './api.ts';

const isCoordinator = (s: Session) => s.isPlatformAdmin || s.memberships.some((m) => m.role === 'coordinator');
const keeps = (s: Session, orgId: string) => s.isPlatformAdmin || s.memberships.some((m) => m.organisationId === orgId && (m.role === 'operator' || m.role === 'admin'));

interface Props {
  risks: Risk[];
  classNames: Map<string, string>;
  session: Session;
  onChanged: () => void;
}

export function RiskTable({ risks, classNames, session, onChanged }: Props) {
  const { t } = useTranslation();
  const { run, busy, error } = useAction();
  const act = (action: () => Promise<unknown>) => void run(async () => { await action(); onChanged(); });
  return (
    <>
      <ErrorAlert error={error} />
      <div className="table-scroll">
        <table aria-label={t('risk.register')}>
          <thead>
            <tr>
              <th scope="col">{t('risk.riskTitle')}</th>
              <th scope="col">{t('risk.threatClass')}</th>
              <th scope="col">{t('risk.score')}</th>
              <th scope="col">{t('risk.residual')}</th>
              <th scope="col">{t('risk.treatment')}</th>
              <th scope="col">{t('risk.reviewDate')}</th>
              <th scope="col">{t('risk.state')}</th>
              <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {risks.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.title}</th>
                <td>{classNames.get(r.threatClass) ?? r.threatClass}</td>
                <td>{r.inherentScore} <small>({r.likelihood} × {r.impactLevel})</small></td>
                <td>{r.residualScore ?? ''}</td>
                <td>{t(`risk.treatments.${r.treatment}`)} <small>{r.progress.done}/{r.progress.total}</small></td>
                <td className={r.reviewOverdue ? 'risk-overdue' : undefined}>{r.reviewDate ?? ''}</td>
                <td>{r.procedure ? t(`risk.procedure.${r.procedure.status}`) : t(`risk.status.${r.status}`)}</td>
                <td className="row-actions">
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
