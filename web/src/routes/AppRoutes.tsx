/** The signed-in app's pages, by path. */
import { Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Layout } from '../ui/Layout.tsx';
import { moduleKeys } from '../ui/modules.ts';
import { modulePages } from '../features/registry.ts';
import { HomePage } from '../features/home/HomePage.tsx';
import { NotAvailablePage, NotFoundPage } from '../features/modules/NotAvailablePage.tsx';
import { OrganisationsPage } from '../features/organisations/OrganisationsPage.tsx';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        {moduleKeys.map((key) => {
          const Page = modulePages[key];
          return <Route key={key} path={`${key}/*`} element={Page ? <Suspense fallback={<p aria-busy="true" />}><Page /></Suspense> : <NotAvailablePage module={key} />} />;
        })}
        <Route path="admin/organisations" element={<OrganisationsPage />} />
        <Route path="admin/users" element={<UsersPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
