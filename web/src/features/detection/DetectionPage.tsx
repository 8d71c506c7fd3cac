/** Detection: the alert queue, the pipeline's monitoring page, and rules and indicators. */
import { NavLink, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page.tsx';
import { AlertQueue } from './AlertQueue.tsx';
import { ContentView } from './ContentView.tsx';
import { MonitoringView } from './MonitoringView.tsx';
import './detection.css';

export function DetectionPage() {
  const { t } = useTranslation();
  const tabs = [
    { to: '/detection', label: t('detection.tabs.alerts'), end: true },
    { to: '/detection/monitoring', label: t('detection.tabs.monitoring') },
    { to: '/detection/content', label: t('detection.tabs.content') },
  ];
  return (
    <Page title={t('modules.detection.name')}>
      <nav aria-label={t('detection.tabs.label')}>
        <ul className="detection-tabs">
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} end={tab.end}>{tab.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<AlertQueue />} />
        <Route path="monitoring" element={<MonitoringView />} />
        <Route path="content" element={<ContentView />} />
      </Routes>
    </Page>
  );
}
