/**
 * Incidents in a real browser: a detection rule raises an alert from an ingested event; a
 * National CERT analyst turns the alert into an incident, sees its IP correlate with an earlier
 * incident, classifies it, sees its SLA timers, resolves it, and finds it counted on the metrics
 * page. Someone without an account reports an incident through the public form, and the
 * analyst finds it in the list. The rule, the token, the event and the earlier incident are set
 * up over the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchPage } from './support/browser.ts';
import { firstAdminSession, organisationId, type ApiSession } from './support/admin-api.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { AppShell } from './pages/AppShell.ts';
import { IncidentsPage, PublicReportPage } from './pages/IncidentsPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { texts } from './pages/text.ts';

const analyst = { username: 'leyla.cert', password: 'Initial-Cert-Analyst1', newPassword: 'Cert-Analyst-New-42' };
const ruleId = '5d1c0000-0000-4000-8000-00000000e2e1';
const rule = `title: Suspicious ping to C2
id: ${ruleId}
status: test
level: high
logsource: { product: windows, category: process_creation }
detection:
  selection: { Image|endswith: '\\\\beacon-e2e.exe' }
  condition: selection
`;
const c2 = '203.0.113.77';

async function raiseAlert(server: RunningServer, admin: ApiSession, national: string): Promise<void> {
  await admin.request('POST', '/api/detect/rules', { organisationId: national, yaml: rule });
  const { token } = await admin.request<{ token: string }>('POST', '/api/tokens', { name: 'e2e sensor', organisationId: national, role: 'admin', expiresInDays: 1 });
  const event = JSON.stringify({ Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: 1, Computer: 'ws-17.cert.example', Image: 'C:\\Temp\\beacon-e2e.exe', CommandLine: `beacon-e2e.exe --ping ${c2}` });
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    await fetch(`${server.url}/api/events`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' }, body: `${event}\n` });
    await new Promise((r) => setTimeout(r, 1000));
    if ((await admin.request<{ items: unknown[] }>('GET', '/api/detect/alerts?status=open')).items.length > 0) return;
  }
  throw new Error('no alert within 60 s');
}

describe('incidents in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    const admin = await firstAdminSession(server.url, server.adminPassword, 'Sentinel-Xy7!Baku-2026');
    const national = await organisationId(admin, 'national');
    await admin.request('POST', '/api/users', { username: analyst.username, displayName: 'Leyla Məmmədova', password: analyst.password, memberships: [{ organisationId: national, role: 'cert_analyst' }] });
    await admin.request('POST', '/api/incidents', { organisationId: national, title: 'C2 server seen last month', tlp: 'AMBER', observables: [{ type: 'ip', value: c2 }] });
    await raiseAlert(server, admin, national);
    ({ browser, page } = await launchPage(server.url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('turns an alert into an incident whose IP correlates with the earlier incident', async () => {
    await page.goto('/');
    const signIn = new SignInPage(page);
    await signIn.signIn(analyst.username, analyst.password);
    await signIn.changePassword(analyst.password, analyst.newPassword);
    await new AppShell(page).open(texts.az.modules.incidents.name);
    const incidents = new IncidentsPage(page);
    await incidents.promoteAlert('Suspicious ping to C2', 'ws-17.cert.example');
    expect(await incidents.correlations(c2)).toEqual(['C2 server seen last month']);
  });

  it('classifies the incident and shows its SLA timers', async () => {
    const incidents = new IncidentsPage(page);
    await incidents.classify('Zərərli kod', 'İdarəetmə (C2) serveri');
    await incidents.classification().filter({ hasText: 'malicious-code / c2-server' }).waitFor();
    const [due, left, state] = await incidents.slaTimer('resolve');
    expect(due).not.toBe('');
    expect(left).toMatch(/\d+h \d+m|\d+m/);
    expect(state).toBe('Davam edir');
  });

  it('submits the early warning through its form, and the reporting clock shows it met', async () => {
    const incidents = new IncidentsPage(page);
    expect((await incidents.reportingClock('early_warning'))[2]).toBe('Davam edir');
    await incidents.submitStage('early_warning', { summary: 'C2 rabitəsi aşkarlanıb; host təcrid olunub.' });
    expect((await incidents.reportingClock('early_warning'))[2]).toBe('Vaxtında');
  });

  it('resolves it, and the metrics page counts it', async () => {
    const incidents = new IncidentsPage(page);
    await incidents.moveTo('resolved');
    expect((await incidents.slaTimer('resolve'))[2]).toBe('Vaxtında');
    await incidents.tab('metrics');
    // Classes are named as the taxonomy names them (malicious-code).
    expect(await incidents.figures('byClassTable', 'Zərərli kod')).toEqual({ count: '1', resolved: '1' });
    // Every incident so far is the National CERT's, whose sector is public administration.
    expect((await incidents.figures('bySectorTable', 'Dövlət idarəçiliyi')).resolved).toBe('1');
  });

  it('takes a report from the public form, and the analyst finds it in the list', async () => {
    const visitor = await browser.newPage({ baseURL: server.url });
    const answer = await new PublicReportPage(visitor).report({ name: 'Kamran Əliyev', email: 'kamran@example.az', title: 'Saytımız dəyişdirilib', description: 'Ana səhifədə http://deface.example.net/x göstərilir.' });
    expect(answer).toMatch(/^Qəbul edildi/);
    await visitor.close();
    const incidents = new IncidentsPage(page);
    await incidents.tab('list');
    await page.getByRole('table', { name: 'İnsidentlər' }).getByRole('link', { name: 'Saytımız dəyişdirilib' }).waitFor();
  });
});
