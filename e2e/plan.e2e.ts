/**
 * The action plan in a real browser: an operator of the lead agency of 8.1.1.1 submits a progress
 * report with an evidence file, a coordinator accepts it, and the dashboard's completion figure
 * for priority 8.1 changes. Users are created over the API by the first administrator; the
 * coordinator and the operator work in two browser contexts, as two people would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import planAz from '../web/i18n/plan/az.json' with { type: 'json' };
import { launchBrowser, newPage } from './support/browser.ts';
import { firstAdminSession, organisationId } from './support/admin-api.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { AppShell } from './pages/AppShell.ts';
import { PlanPage } from './pages/PlanPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { texts } from './pages/text.ts';

const t = texts.az;
const operator = { username: 'nigar.xritdx', password: 'Initial-Plan-Op3rator', newPassword: 'Plan-Operator-New-42' };
const coordinator = { username: 'rauf.coordinator', password: 'Initial-Plan-Co0rdinator', newPassword: 'Plan-Coordinator-New-42' };
const evidence = { name: 'təhdidlər-təhlili.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% threat analysis evidence\n') };

describe('the action plan in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let operatorPage: Page;
  let coordinatorPage: Page;
  let before: string;

  beforeAll(async () => {
    server = await startServer();
    const admin = await firstAdminSession(server.url, server.adminPassword, 'Sentinel-Xy7!Baku-2026');
    await admin.request('POST', '/api/users', { username: operator.username, displayName: 'Nigar Əliyeva', password: operator.password, memberships: [{ organisationId: await organisationId(admin, 'XRİTDX'), role: 'operator' }] });
    await admin.request('POST', '/api/users', { username: coordinator.username, displayName: 'Rauf Həsənov', password: coordinator.password, memberships: [{ organisationId: await organisationId(admin, 'national'), role: 'coordinator' }] });
    browser = await launchBrowser();
    operatorPage = await newPage(browser, server.url);
    coordinatorPage = await newPage(browser, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the coordinator the dashboard with priority 8.1's completion before any report", async () => {
    await new SignInPage(coordinatorPage).firstSignIn(coordinator.username, coordinator.password, coordinator.newPassword, { enrolMfa: true });
    await new AppShell(coordinatorPage).open(t.modules.plan.name);
    const plan = new PlanPage(coordinatorPage);
    await plan.tab('dashboard');
    await coordinatorPage.getByRole('img', { name: planAz.dashboard.byPriority }).waitFor();
    before = await plan.priorityCompletion('8.1');
    expect(before).toBe('0%');
  });

  it('lets the lead agency operator submit a report with an evidence file', async () => {
    await new SignInPage(operatorPage).firstSignIn(operator.username, operator.password, operator.newPassword);
    await new AppShell(operatorPage).open(t.modules.plan.name);
    const plan = new PlanPage(operatorPage);
    await plan.tab('mine');
    await plan.submitReport({
      measureId: '8.1.1.1', stage: 'initial', stageStatus: 'achieved', percent: 30, evidence,
      textAz: 'Təhdidlərin təhlili başa çatıb; hesabat əlavə olunur.', textEn: 'The threat analysis is complete; the report is attached.',
    });
    expect(await plan.myReportStatus('8.1.1.1')).toBe(planAz.status.submitted);
    // Still awaiting the decision, so the agency may correct it.
    await plan.correctReport('8.1.1.1', 40);
    await plan.waitForReportPercent('8.1.1.1', '40%');
  });

  it("lets the coordinator accept it, and priority 8.1's completion on the dashboard changes", async () => {
    const plan = new PlanPage(coordinatorPage);
    await plan.tab('review');
    await plan.evidenceLink(evidence.name).waitFor();
    await plan.accept('8.1.1.1', 'XRİTDX', 'Sübut yoxlanıldı.');
    await plan.tab('dashboard');
    await coordinatorPage.getByRole('img', { name: planAz.dashboard.byPriority }).waitFor();
    const after = await plan.priorityCompletion('8.1');
    expect(after).not.toBe(before);
    expect(parseFloat(after)).toBeGreaterThan(0);
  });

  it("shows the operator the coordinator's decision on the report", async () => {
    await operatorPage.reload();
    const plan = new PlanPage(operatorPage);
    expect(await plan.myReportStatus('8.1.1.1')).toBe(planAz.status.accepted);
    // Decided: no longer open to correction.
    await expect(operatorPage.getByRole('button', { name: planAz.report.editTitle.replace('{{id}}', '8.1.1.1') }).count()).resolves.toBe(0);
  });
});
