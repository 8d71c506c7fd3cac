/**
 * The risk and CII views issue 5 left without a page, in a real browser: an operator records an
 * exercise of a recovery plan and sees it listed; the reach ranking puts the power grid above the
 * bank that depends on it; a coordinator adds a threat class, sees it in Azerbaijani, renames it,
 * reads both versions and is told why the same key cannot be added twice, while an operator sees
 * the taxonomy with nothing to change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { firstAdminSession, organisationId, type ApiSession } from './support/admin-api.ts';
import { launchBrowser, newPage } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { AppShell } from './pages/AppShell.ts';
import { CiiRegistryPage } from './pages/CiiRegistryPage.ts';
import { RiskRegisterPage } from './pages/RiskRegisterPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { ThreatTaxonomyPage } from './pages/ThreatTaxonomyPage.ts';
import { texts } from './pages/text.ts';

const t = texts.az;
const initial = 'Naxçıvan-Qalası-2026-Y';
const next = 'Şahdağ-Zirvəsi-4-Qəbələ';
const users = { planner: 'bank.planner', analyst: 'bank.analyst', reader: 'bank.reader', coordinator: 'taxonomy.coordinator' };
const objects = { grid: 'Mərkəzi dispetçer məntəqəsi', bank: 'Kart prosessinq mərkəzi', egov: 'Elektron hökumət portalı' };

describe('reach, exercises and the threat taxonomy in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  /** Two operators, a bank and a portal that depend, in a chain, on the grid; the bank has a recovery plan. */
  async function prepare(admin: ApiSession): Promise<void> {
    const organisation = (acronym: string, sector: string) =>
      admin.request<{ id: string }>('POST', '/api/organisations', { acronym, name: { az: acronym, en: acronym }, kind: 'cii_operator', sector });
    const [gridOrg, bankOrg] = [await organisation('GRIDV', 'energy'), await organisation('BANKV', 'banking')];
    const object = (organisationId: string, name: string, sector: string) =>
      admin.request<{ id: string }>('POST', '/api/cii/objects', { organisationId, name, sector, criticality: 'I', toleranceHours: 0 });
    const grid = await object(gridOrg.id, objects.grid, 'energy');
    const bank = await object(bankOrg.id, objects.bank, 'banking');
    const egov = await object(bankOrg.id, objects.egov, 'government');
    await admin.request('POST', '/api/cii/dependencies', { dependentId: bank.id, supplierId: grid.id, kind: 'power', strength: 'high' });
    await admin.request('POST', '/api/cii/dependencies', { dependentId: egov.id, supplierId: bank.id, kind: 'financial', strength: 'high' });
    await admin.request('PUT', `/api/cii/objects/${bank.id}/plan`, { rtoHours: 4, rpoHours: 1, steps: [{ title: 'Ehtiyat mərkəzə keçid', owner: 'Növbətçi', durationHours: 2 }], reviewDate: null });
    for (const username of [users.planner, users.analyst, users.reader]) {
      await admin.request('POST', '/api/users', { username, displayName: username, password: initial, memberships: [{ organisationId: bankOrg.id, role: 'operator' }] });
    }
    await admin.request('POST', '/api/users', { username: users.coordinator, displayName: 'Taxonomy Coordinator', password: initial, memberships: [{ organisationId: await organisationId(admin, 'national'), role: 'coordinator' }] });
  }

  /** A new browser context signed in for the first time as `username`, on the page of `module`. */
  async function signedIn(username: string, module: 'cii' | 'risk', enrolMfa = false) {
    const page = await newPage(browser, server.url);
    await new SignInPage(page).firstSignIn(username, initial, next, { enrolMfa });
    await new AppShell(page).open(t.modules[module].name, module === 'cii' ? new CiiRegistryPage(page).t.title : new RiskRegisterPage(page).t.title);
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    await prepare(await firstAdminSession(server.url, server.adminPassword, 'Sentinel-Xy7!Baku-2026'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("lets an operator record an exercise of the bank's recovery plan and lists it with its result and findings", async () => {
    const page = await signedIn(users.planner, 'cii');
    const cii = new CiiRegistryPage(page);
    await cii.tab(cii.t.tabs.plans);
    await cii.plansTable().getByText(cii.t.exercise.none, { exact: true }).waitFor();
    expect(await cii.exercises(objects.bank).count()).toBe(0);

    await cii.recordExercise(objects.bank, { heldOn: '2026-10-15', result: cii.t.exercise.results.partial, findings: 'Generator 40 dəqiqə gec işə düşdü' });
    expect(await cii.exercises(objects.bank).allInnerTexts()).toEqual([`2026-10-15 — ${cii.t.exercise.results.partial}: Generator 40 dəqiqə gec işə düşdü`]);
    await page.context().close();
  });

  it('ranks the power grid above the bank by how far their failure reaches', async () => {
    const page = await signedIn(users.analyst, 'cii');
    const cii = new CiiRegistryPage(page);
    const ranking = await cii.reach();
    expect(ranking.map((r) => [r.rank, r.name, r.operator, r.failed, r.sectors])).toEqual([
      ['1', objects.grid, 'GRIDV', '2', '2'],
      ['2', objects.bank, 'BANKV', '1', '1'],
    ]);
    expect((await cii.reach(1)).map((r) => r.name)).toEqual([objects.grid]);
    await page.context().close();
  });

  it('shows an operator the threat taxonomy with nothing to add or change', async () => {
    const page = await signedIn(users.reader, 'risk');
    const taxonomy = new ThreatTaxonomyPage(page);
    await taxonomy.open();
    await taxonomy.row('Elektrik təchizatının kəsilməsi və ya pozulması').getByRole('button', { name: taxonomy.t.taxonomy.versions }).waitFor();
    expect(await taxonomy.addButton().count()).toBe(0);
    expect(await taxonomy.table().getByRole('button', { name: taxonomy.t.taxonomy.edit, exact: true }).count()).toBe(0);
    await page.context().close();
  });

  it('lets a coordinator add a threat class, shown in Azerbaijani, rename it, read both versions, and not add its key twice', async () => {
    const page = await signedIn(users.coordinator, 'risk', true);
    const taxonomy = new ThreatTaxonomyPage(page);
    await taxonomy.open();
    const added = { az: 'Dronların idarəetmə kanalının pozulması', en: 'Jamming of drone control links' };
    await taxonomy.add({ key: 'drone-jamming', category: 'Ağıllı sistemlərə və dronlara hücumlar', ...added, attack: 't1498, T1565.002' });
    const row = taxonomy.row(added.az);
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([added.en, 'Ağıllı sistemlərə və dronlara hücumlar', 'T1498, T1565.002', taxonomy.t.taxonomy.sources.custom, '1', expect.any(String)]);

    const renamed = { az: 'Dronların idarəetmə kanalının susdurulması', en: added.en };
    await taxonomy.rename(added.az, renamed);
    expect(await taxonomy.versions(renamed.az, 'custom:drone-jamming')).toEqual([{ version: '1', az: added.az }, { version: '2', az: renamed.az }]);

    const again = await taxonomy.addRefused({ key: 'drone-jamming', category: 'Fidyə proqramları', az: 'Təkrar', en: 'Again', attack: '' });
    expect(again).toContain(t.errors.conflict);
    expect(again).toContain('custom:drone-jamming');
    await page.context().close();
  });
});
