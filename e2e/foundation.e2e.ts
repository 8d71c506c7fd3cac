/**
 * The platform foundation in a real browser against a freshly started server: first sign-in of
 * the administrator with password change and MFA enrolment, creating an organisation and an
 * operator in it, and that operator's scoped view, in both languages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { launchPage } from './support/browser.ts';
import { webDir } from './support/paths.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { AppShell } from './pages/AppShell.ts';
import { OrganisationsPage } from './pages/OrganisationsPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { UsersPage } from './pages/UsersPage.ts';
import { texts } from './pages/text.ts';

const t = texts.az;
type ModuleKey = keyof typeof t.modules;

/** The modules that web/src/features/registry.ts gives no page yet. */
function modulesWithoutPage(): ModuleKey[] {
  const registry = readFileSync(path.join(webDir, 'src', 'features', 'registry.ts'), 'utf8');
  return (Object.keys(t.modules) as ModuleKey[]).filter((key) => !new RegExp(`^\\s+${key}:`, 'm').test(registry));
}
const adminPassword = 'Sentinel-Xy7!Baku-2026';
const organisation = {
  acronym: 'BTOP',
  nameAz: 'Bakı Test Operatoru',
  nameEn: 'Baku Test Operator',
  kind: 'cii_operator',
  sector: 'Enerji',
};
const operator = {
  username: 'leyla.operator',
  displayName: 'Leyla Məmmədova',
  email: 'leyla@example.az',
  password: 'Initial-Op3rator-Pass',
  organisation: `${organisation.acronym} — ${organisation.nameAz}`,
  role: 'operator',
};

describe('the platform foundation in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    ({ browser, page } = await launchPage(server.url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves the web app and starts in Azerbaijani with the sign-in form', async () => {
    const failedFiles: string[] = [];
    const record = (response: Response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/api/') && response.status() >= 400) failedFiles.push(`${url.pathname} ${response.status()}`);
    };
    page.on('response', record);
    await page.goto('/');
    await page.waitForLoadState('load');
    page.off('response', record);
    expect(failedFiles).toEqual([]);
    await page.getByRole('heading', { name: t.login.title }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('az');
  });

  it('makes the administrator change the one-time password and enrol MFA at first sign-in', async () => {
    const signIn = new SignInPage(page);
    await signIn.signIn('admin', server.adminPassword);
    await signIn.changePassword(server.adminPassword, adminPassword);
    const { secret, recoveryCodes } = await signIn.enrolMfa();
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    expect(recoveryCodes).toHaveLength(10);
    await new AppShell(page).navigation().waitFor();
  });

  it('shows every module in the navigation, and an honest notice where a module has no page yet', async () => {
    const shell = new AppShell(page);
    for (const module of Object.values(t.modules)) {
      await expect(shell.navigation().getByRole('link', { name: module.name, exact: true }).count()).resolves.toBe(1);
    }
    for (const key of modulesWithoutPage()) {
      await shell.open(t.modules[key].name);
      await page.getByText(t.notAvailable.title).waitFor();
    }
  });

  it('lets the administrator create an organisation and an operator in it', async () => {
    const shell = new AppShell(page);
    await shell.open(t.nav.organisations, t.organisations.title);
    const organisations = new OrganisationsPage(page);
    expect((await organisations.acronyms()).length).toBeGreaterThan(20);
    await organisations.create(organisation);
    expect(await organisations.cells(organisation.acronym)).toContain(organisation.sector);
    await shell.open(t.nav.users, t.users.title);
    await new UsersPage(page).create(operator);
    await shell.signOut();
  });

  it('makes the operator change the password, without MFA, and shows only their organisation', async () => {
    const signIn = new SignInPage(page);
    await signIn.signIn(operator.username, operator.password);
    await signIn.changePassword(operator.password, 'Operator-New-Pass-42');
    const shell = new AppShell(page);
    await shell.navigation().waitFor();
    await expect(shell.navigation().getByRole('link', { name: t.nav.users, exact: true }).count()).resolves.toBe(0);
    await shell.open(t.nav.organisations, t.organisations.title);
    expect(await new OrganisationsPage(page).acronyms()).toEqual([organisation.acronym]);
    await expect(page.getByRole('button', { name: t.organisations.create }).count()).resolves.toBe(0);
  });

  it('switches to English and keeps the choice after a reload', async () => {
    const en = texts.en;
    await new AppShell(page).switchLanguage('English');
    await page.getByRole('heading', { level: 1, name: en.organisations.title }).waitFor();
    await page.getByRole('cell', { name: organisation.nameEn, exact: true }).waitFor();
    await page.reload();
    const shell = new AppShell(page, en);
    await shell.navigation().getByRole('link', { name: en.nav.account, exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await shell.open(en.nav.account, en.account.title);
    await page.getByRole('heading', { name: en.mfa.title }).waitFor();
  });
});
