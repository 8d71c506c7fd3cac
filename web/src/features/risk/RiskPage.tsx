/** The risk page: the register and the threat taxonomy, as tabs. */
import { Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page.tsx';
import { RegisterView } from './RegisterView.tsx';
import { SectionTabs } from './SectionTabs.tsx';
import { TaxonomyView } from './TaxonomyView.tsx';

export function RiskPage() {
  const { t } = useTranslation();
  const tabs = (
    <SectionTabs label={t('risk.tabs.label')} sections={[
      { to: '/risk', label: t('risk.tabs.register'), end: true },
      { to: '/risk/taxonomy', label: t('risk.tabs.taxonomy') },
    ]} />
  );
  return (
    <Routes>
      {/* The register keeps its own page header: its actions (record, import, export) belong to it alone. */}
      <Route index element={<RegisterView tabs={tabs} />} />
      <Route path="taxonomy" element={<Page title={t('risk.title')}>{tabs}<TaxonomyView /></Page>} />
    </Routes>
  );
}
