/** The CII registry: objects, dependencies, the cascade analysis, the reach ranking and recovery plans, as tabs. */
import { Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page.tsx';
import { CascadeView } from './CascadeView.tsx';
import { DependenciesView } from './DependenciesView.tsx';
import { ObjectsView } from './ObjectsView.tsx';
import { PlansView } from './PlansView.tsx';
import { ReachView } from './ReachView.tsx';
import { SectionTabs } from '../risk/SectionTabs.tsx';

export function CiiPage() {
  const { t } = useTranslation();
  const tabs = [
    { to: '/cii', label: t('cii.tabs.objects'), end: true },
    { to: '/cii/dependencies', label: t('cii.tabs.dependencies') },
    { to: '/cii/cascade', label: t('cii.tabs.cascade') },
    { to: '/cii/reach', label: t('cii.tabs.reach') },
    { to: '/cii/plans', label: t('cii.tabs.plans') },
  ];
  return (
    <Page title={t('cii.title')} actions={<a href="/api/cii/plan-document" download>{t('cii.document')}</a>}>
      <SectionTabs label={t('cii.tabs.label')} sections={tabs} />
      <Routes>
        <Route index element={<ObjectsView />} />
        <Route path="dependencies" element={<DependenciesView />} />
        <Route path="cascade" element={<CascadeView />} />
        <Route path="reach" element={<ReachView />} />
        <Route path="plans" element={<PlansView />} />
      </Routes>
    </Page>
  );
}
