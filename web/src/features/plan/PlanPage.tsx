/** The action plan: tabs for the tree, timeline, dashboard, my agency's measures, the review queue and report files. */
import { NavLink, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/SessionProvider.tsx';
import { Page } from '../../ui/Page.tsx';
import { DashboardView } from './DashboardView.tsx';
import { DownloadsView } from './DownloadsView.tsx';
import { MyMeasuresView } from './MyMeasuresView.tsx';
import { isCoordinator } from './permissions.ts';
import { ReviewQueue } from './ReviewQueue.tsx';
import { TimelineView } from './TimelineView.tsx';
import { TreeView } from './TreeView.tsx';
import './plan.css';

export function PlanPage() {
  const { t } = useTranslation();
  const session = useSession();
  const tabs = [
    { to: '/plan', label: t('plan.tabs.tree'), end: true },
    { to: '/plan/timeline', label: t('plan.tabs.timeline') },
    { to: '/plan/dashboard', label: t('plan.tabs.dashboard') },
    { to: '/plan/mine', label: t('plan.tabs.mine') },
    ...(isCoordinator(session) ? [{ to: '/plan/review', label: t('plan.tabs.review') }] : []),
    { to: '/plan/files', label: t('plan.tabs.files') },
  ];
  return (
    <Page title={t('modules.plan.name')}>
      <nav aria-label={t('plan.tabs.label')}>
        <ul className="plan-tabs">
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} end={tab.end}>
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<TreeView />} />
        <Route path="timeline" element={<TimelineView />} />
        <Route path="dashboard" element={<DashboardView />} />
        <Route path="mine" element={<MyMeasuresView />} />
        <Route path="review" element={<ReviewQueue />} />
        <Route path="files" element={<DownloadsView />} />
      </Routes>
    </Page>
  );
}
