/** Incidents: the filtered list, one incident's page, and the metrics. */
import { NavLink, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page.tsx';
import { IncidentDetailView } from './IncidentDetailView.tsx';
import { IncidentList } from './IncidentList.tsx';
import { MetricsView } from './MetricsView.tsx';
import './incidents.css';

export function IncidentsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('modules.incidents.name')}>
      <nav aria-label={t('incidents.tabs.label')}>
        <ul className="incidents-tabs">
          <li>
            <NavLink to="/incidents" end>{t('incidents.tabs.list')}</NavLink>
          </li>
          <li>
            <NavLink to="/incidents/metrics">{t('incidents.tabs.metrics')}</NavLink>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<IncidentList />} />
        <Route path="metrics" element={<MetricsView />} />
        <Route path=":id" element={<IncidentDetailView />} />
      </Routes>
    </Page>
  );
}
