/** The signed-in frame: top bar, side navigation and the current page. */
import { Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { TopBar } from './TopBar.tsx';
import { SideNav } from './SideNav.tsx';

export function Layout() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <TopBar />
      <div className="app-body">
        <SideNav />
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
