/**
 * Issue 5 in a real browser: a bank's operator registers its CII object and its dependency on
 * the power grid, records a risk on it and escalates it; a coordinator agrees and approves it in
 * the national register and sees the bank fall in the cascade of a power-grid failure. Along the
 * way the operator loads a spreadsheet (a bad XLSX is refused with its row number, a good CSV
 * goes in), exports the register as XLSX and plans a treatment action; the coordinator names
 * and clears co-executors by acronym and accepts the approved entry until a date.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { AppShell } from './pages/AppShell.ts';
import { CiiRegistryPage } from './pages/CiiRegistryPage.ts';
import { RiskRegisterPage } from './pages/RiskRegisterPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { texts } from './pages/text.ts';

const t = texts.az;
const initial = 'Göygöl-Mənzərəsi-2026-X';
const operator = { username: 'bank.operator', password: 'Xəzər-Dalğası-9-Lənkəran' };
const coordinator = { username: 'risk.coordinator', password: 'Qobustan-Qayası-7-Şəki' };
const grid = { name: 'Azərişıq ötürmə şəbəkəsi', option: 'Azərişıq ötürmə şəbəkəsi (GRIDT)' };
const bank = { name: 'Ödəniş sistemi — prosessinq mərkəzi', sector: 'Bank sektoru' };
const riskTitle = 'Elektrik kəsilməsi ödəniş sistemini dayandırır';
const importedTitle = 'Fişinq kampaniyası — mühasibatlıq';
const columns = ['title', 'threatClass', 'likelihood', 'impactPeople', 'impactEconomy', 'impactStateFunctions', 'impactOtherSectors', 'treatment', 'reviewDate'];

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Risklər');
  for (const row of [columns, ...rows]) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('risk register and CII registry in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  /** The administrator prepares organisations, users and the power grid through the API. */
  async function prepare(page: Page): Promise<void> {
    await new SignInPage(page).firstSignIn('admin', server.adminPassword, 'Sentinel-Xy7!Baku-2026', { enrolMfa: true });
    await new AppShell(page).navigation().waitFor();
    const csrf = (await (await page.request.get('/api/auth/session')).json()).csrfToken as string;
    const post = async (url: string, data: unknown) => {
      const response = await page.request.post(url, { data, headers: { 'x-csrf-token': csrf } });
      expect(response.status(), await response.text()).toBe(201);
      return response.json();
    };
    const gridOrg = await post('/api/organisations', { acronym: 'GRIDT', name: { az: 'Şəbəkə operatoru', en: 'Grid operator' }, kind: 'cii_operator', sector: 'energy' });
    const bankOrg = await post('/api/organisations', { acronym: 'BANKT', name: { az: 'Test bankı', en: 'Test bank' }, kind: 'cii_operator', sector: 'banking' });
    const agencies = (await (await page.request.get('/api/organisations')).json()).items as { id: string; kind: string }[];
    const agency = agencies.find((o) => o.kind === 'coordinating_agency')!;
    await post('/api/users', { username: operator.username, displayName: 'Bank Operator', password: initial, memberships: [{ organisationId: bankOrg.id, role: 'operator' }] });
    await post('/api/users', { username: coordinator.username, displayName: 'Risk Coordinator', password: initial, memberships: [{ organisationId: agency.id, role: 'coordinator' }] });
    await post('/api/cii/objects', { organisationId: gridOrg.id, name: grid.name, sector: 'energy', criticality: 'I', toleranceHours: 0 });
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const page = await newPage(browser, server.url);
    await prepare(page);
    await page.context().close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets an operator register a CII object with its dependency, record a risk and escalate it', async () => {
    const page = await newPage(browser, server.url);
    await new SignInPage(page).firstSignIn(operator.username, initial, operator.password);
    const shell = new AppShell(page);
    await shell.open(t.modules.cii.name, new CiiRegistryPage(page).t.title);
    const cii = new CiiRegistryPage(page);
    await cii.register({ name: bank.name, sector: bank.sector, tolerance: '2' });
    expect((await cii.objectCells(bank.name))[0]).toBe(bank.sector);
    await cii.addDependency(bank.name, grid.option, 'high');

    const risks = new RiskRegisterPage(page);
    await shell.open(t.modules.risk.name, risks.t.title);
    await risks.record({ title: riskTitle, threatClass: 'enisa:failure-or-disruption-of-power-supply', ciiObject: bank.name, sector: 'Maliyyə' });
    const inFinance = (await (await page.request.get('/api/risks?sector=finance')).json()) as { items: { title: string }[] };
    expect(inFinance.items.map((r) => r.title)).toContain(riskTitle);
    await risks.row(riskTitle).getByRole('button', { name: risks.t.escalate }).click();
    await risks.row(riskTitle).getByText(risks.t.escalated).waitFor();

    const bad = await xlsx([[importedTitle, 'enisa:phishing-attacks', 2, 1, 2, 1, 1, 'mitigate', '2027-01-01'], ['Naməlum', 'enisa:nope', 2, 1, 1, 1, 1, 'mitigate']]);
    const report = await risks.importFile({ name: 'risklər.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
    expect(report.map((r) => r.line)).toEqual(['3']);
    expect(await risks.row(importedTitle).count()).toBe(0);
    const csv = `${columns.join(',')}\n${importedTitle},enisa:phishing-attacks,2,1,2,1,1,mitigate,2027-01-01\n`;
    expect(await risks.importFile({ name: 'risklər.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })).toEqual([]);
    await risks.row(importedTitle).waitFor();

    const exported = await page.request.get((await risks.exportLink('XLSX').getAttribute('href'))!);
    expect(exported.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await exported.body() as unknown as ArrayBuffer);
    const titles = book.worksheets[0]!.getColumn(1).values.slice(2);
    expect(titles).toEqual(expect.arrayContaining([riskTitle, importedTitle]));

    await risks.addAction(importedTitle, { title: 'Təlim keçirmək', dueDate: '2027-02-01', cost: '1500', done: true });
    await risks.row(importedTitle).getByText('1/1', { exact: true }).waitFor();
    await risks.showLevel('national');
    await risks.row(riskTitle).getByRole('cell', { name: risks.t.procedure.draft, exact: true }).waitFor();
    await page.context().close();
  });

  it('lets a coordinator agree and approve it in the national register and see the cascade reach the bank', async () => {
    const page = await newPage(browser, server.url);
    await new SignInPage(page).firstSignIn(coordinator.username, initial, coordinator.password, { enrolMfa: true });
    const shell = new AppShell(page);
    const risks = new RiskRegisterPage(page);
    await shell.open(t.modules.risk.name, risks.t.title);
    await risks.showLevel('national');
    await risks.nameCoExecutors(riskTitle, 'GRIDT');
    await risks.nameCoExecutors(riskTitle, '');
    await risks.press(riskTitle, risks.t.agree, risks.t.procedure.agreed);
    await risks.press(riskTitle, risks.t.approve, risks.t.procedure.approved);
    expect(await risks.accept(riskTitle, '2999-01-01', 'Ehtiyat enerji 2027-ci ildə')).toContain('2999-01-01');

    const cii = new CiiRegistryPage(page);
    await shell.open(t.modules.cii.name, cii.t.title);
    const affected = await cii.cascade([`${grid.name} — Enerji (GRIDT)`]);
    expect(affected).toEqual([grid.name, bank.name]);
    await page.context().close();
  });
});
