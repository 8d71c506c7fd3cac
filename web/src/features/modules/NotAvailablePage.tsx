/** The honest page for a module that is not built yet, and the page for unknown addresses. */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page.tsx';
import type { ModuleKey } from '../../ui/modules.ts';

export function NotAvailablePage({ module }: { module: ModuleKey }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`modules.${module}.name`)}>
      <p className="lead">{t(`modules.${module}.summary`)}</p>
      <div className="notice" role="status">
        <strong>{t('notAvailable.title')}</strong>
        <p>{t('notAvailable.body')}</p>
      </div>
    </Page>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('nav.home')}</Link>
    </Page>
  );
}
