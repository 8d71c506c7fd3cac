/** Open alerts of the user's organisations (detect module), each of which can be turned into an incident. */
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useAction, useLoad } from '../../ui/hooks.ts';
import { Panel } from '../../ui/Page.tsx';
import { incidentsApi } from './api.ts';

export function AlertsPanel() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useLoad(() => incidentsApi.openAlerts().catch(() => ({ items: [] })), []);
  const promote = useAction();
  if (!data || data.items.length === 0) return null;
  return (
    <Panel title={t('incidents.alerts.title')}>
      <table aria-label={t('incidents.alerts.title')}>
        <thead>
          <tr>
            <th scope="col">{t('incidents.alerts.rule')}</th>
            <th scope="col">{t('incidents.alerts.host')}</th>
            <th scope="col">{t('incidents.fields.severity')}</th>
            <th scope="col">{t('incidents.alerts.lastSeen')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {data.items.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.ruleTitle}</th>
              <td>{a.host}</td>
              <td>{a.severity}</td>
              <td>{formatDateTime(a.lastSeen)}</td>
              <td>
                <button type="button" disabled={promote.busy} aria-label={t('incidents.alerts.promoteOne', { rule: a.ruleTitle, host: a.host })}
                  onClick={() => promote.run(async () => navigate(`/incidents/${(await incidentsApi.promote([a.id])).incidentId}`))}>
                  {t('incidents.alerts.promote')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorAlert error={promote.error} />
    </Panel>
  );
}
