/** Threat information sharing: TAXII collections with bundle import, subscriptions to other CERTs' collections, and advisories with early warnings. */
import { NavLink, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page.tsx';
import { AdvisoriesView } from './AdvisoriesView.tsx';
import { CollectionsView } from './CollectionsView.tsx';
import { SubscriptionsView } from './SubscriptionsView.tsx';
import '../risk/risk.css';

export function SharingPage() {
  const { t } = useTranslation();
  const tabs = [
    { to: '/sharing', label: t('sharing.tabs.collections'), end: true },
    { to: '/sharing/subscriptions', label: t('sharing.tabs.subscriptions') },
    { to: '/sharing/advisories', label: t('sharing.tabs.advisories') },
  ];
  return (
    <Page title={t('sharing.title')}>
      <nav aria-label={t('sharing.tabs.label')}>
        <ul className="cii-tabs">
          {tabs.map((tab) => <li key={tab.to}><NavLink to={tab.to} end={tab.end}>{tab.label}</NavLink></li>)}
        </ul>
      </nav>
      <Routes>
        <Route index element={<CollectionsView />} />
        <Route path="subscriptions" element={<SubscriptionsView />} />
        <Route path="advisories" element={<AdvisoriesView />} />
      </Routes>
    </Page>
  );
}
