/**
 * Sharing in a real browser: a National CERT analyst writes a bilingual advisory for the energy
 * sector and publishes it; an operator of a subscribed energy company signs in, finds the early
 * warning, opens it (in Azerbaijani, then in English); the analyst's reach view shows who opened
 * it. An indicator the CERT imported for the energy sector reaches the operator too, and the
 * CERT sees that it was opened. The analyst sets the CERT's own early-warning profile. The
 * Subscriptions tab shows each TAXII subscription's sync status: one pulling from this very
 * server succeeds, one pointed at a closed port shows its error. Organisations, users, the
 * profile and the subscriptions are set up over the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './support/browser.ts';
import { firstAdminSession, organisationId, type ApiSession } from './support/admin-api.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { AppShell } from './pages/AppShell.ts';
import { SharingPage } from './pages/SharingPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { texts } from './pages/text.ts';

const analyst = { username: 'nigar.cert', password: 'Initial-Cert-Analyst1', newPassword: 'Cert-Analyst-New-42' };
const operator = { username: 'elvin.grid', password: 'Initial-Grid-Operator1', newPassword: 'Grid-Operator-New-42' };
const advisory = {
  title: { az: 'ExampleVPN-də kritik boşluq', en: 'Critical flaw in ExampleVPN' },
  summary: { az: 'Uzaqdan kod icrası mümkündür.', en: 'Remote code execution is possible.' },
  actions: { az: '9.2 versiyasına yeniləyin.', en: 'Update to version 9.2.' },
  tlp: 'AMBER', sectors: ['Enerji'], products: 'ExampleVPN 9.1', cves: 'CVE-2026-12345',
};

const indicatorName = 'ExampleVPN kampaniyasının C2 serveri';

/** A national collection with an energy-sector indicator (which warns the company), and two subscriptions of the National CERT: one to itself, one to a closed port. */
async function subscriptions(server: RunningServer, admin: ApiSession, national: string): Promise<void> {
  const source = await admin.request<{ id: string }>('POST', '/api/sharing/collections', { organisationId: national, title: 'National feed' });
  const inbound = await admin.request<{ id: string }>('POST', '/api/sharing/collections', { organisationId: national, title: 'Inbound' });
  const indicator = {
    type: 'indicator', spec_version: '2.1', id: 'indicator--6b1d8a3e-2f4c-4d5e-9a8b-7c6d5e4f3a2b', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z',
    name: indicatorName, labels: ['sector:energy'], pattern: "[ipv4-addr:value = '203.0.113.9']", pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z',
  };
  await admin.request('POST', `/api/sharing/collections/${source.id}/import`, { bundle: { type: 'bundle', id: 'bundle--0b1d8a3e-2f4c-4d5e-9a8b-7c6d5e4f3a2b', objects: [indicator] }, defaultTlp: 'GREEN' });
  const { token } = await admin.request<{ token: string }>('POST', '/api/tokens', { name: 'self pull', organisationId: national, role: 'admin', expiresInDays: 1 });
  const common = { organisationId: national, collectionId: inbound.id, intervalSeconds: 3600 };
  await admin.request('POST', '/api/sharing/subscriptions', { ...common, name: 'Own feed', apiRoot: `${server.url}/taxii2/api/`, remoteCollection: source.id, token });
  await admin.request('POST', '/api/sharing/subscriptions', { ...common, name: 'Partner offline', apiRoot: 'http://127.0.0.1:9/taxii2/api/', remoteCollection: 'feed', token: 'qx_none' });
}

async function signInFirst(page: Page, user: typeof analyst): Promise<SharingPage> {
  await page.goto('/');
  const signIn = new SignInPage(page);
  await signIn.signIn(user.username, user.password);
  await signIn.changePassword(user.password, user.newPassword);
  await new AppShell(page).open(texts.az.modules.sharing.name);
  return new SharingPage(page);
}

describe('sharing in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let cert: Page;
  let grid: Page;

  beforeAll(async () => {
    server = await startServer();
    const admin = await firstAdminSession(server.url, server.adminPassword, 'Sentinel-Xy7!Baku-2026');
    const national = await organisationId(admin, 'national');
    const company = await admin.request<{ id: string }>('POST', '/api/organisations', { acronym: 'GRIDCO', name: { az: 'Şəbəkə şirkəti', en: 'Grid company' }, kind: 'cii_operator', sector: 'energy' });
    await admin.request('PUT', `/api/advisories/subscriptions/${company.id}`, { sectors: ['energy'], keywords: [] });
    await admin.request('POST', '/api/users', { username: analyst.username, displayName: 'Nigar Əliyeva', password: analyst.password, memberships: [{ organisationId: national, role: 'cert_analyst' }] });
    await admin.request('POST', '/api/users', { username: operator.username, displayName: 'Elvin Həsənov', password: operator.password, memberships: [{ organisationId: company.id, role: 'operator' }] });
    await subscriptions(server, admin, national);
    browser = await launchBrowser();
    cert = await newPage(browser, server.url);
    grid = await newPage(browser, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets a CERT analyst write a bilingual advisory for a sector and publish it; nobody has opened it yet', async () => {
    const sharing = await signInFirst(cert, analyst);
    await sharing.tab('advisories');
    await sharing.writeAdvisory(advisory);
    await sharing.publish(advisory.title.az);
    const reach = await sharing.reach(advisory.title.az, 'Xəbərdar edilmiş 1 təşkilatdan 0-i açıb');
    expect(reach.rows).toEqual([['GRIDCO', 'Sektor: Enerji', 'Hələ açılmayıb', '—']]);
  });

  it('shows the subscribed operator the warning, which opens in both languages', async () => {
    const sharing = await signInFirst(grid, operator);
    await sharing.tab('advisories');
    const row = await sharing.warning(advisory.title.az);
    expect(row.slice(0, 4)).toEqual([advisory.title.az, 'Xəbərdarlıq', 'AMBER', 'Sektor: Enerji']);
    const text = await sharing.openWarning(advisory.title.az);
    expect(text).toContain(advisory.summary.az);
    expect(text).toContain(advisory.actions.az);
    await new AppShell(grid).switchLanguage('English');
    await grid.getByRole('article', { name: advisory.title.en }).getByText(advisory.summary.en).waitFor();
  });

  it('shows the operator an imported indicator that matched its profile, as the CERT sent it', async () => {
    const sharing = new SharingPage(grid);
    await new AppShell(grid).switchLanguage('Azərbaycanca');
    expect((await sharing.warning(indicatorName)).slice(1, 4)).toEqual(['İndikator', 'GREEN', 'Sektor: Enerji']);
    expect(await sharing.openWarning(indicatorName)).toContain("[ipv4-addr:value = '203.0.113.9']");
  });

  it("shows the read receipt in the CERT's reach view", async () => {
    const sharing = new SharingPage(cert);
    const reach = await sharing.reach(advisory.title.az, 'Xəbərdar edilmiş 1 təşkilatdan 1-i açıb');
    expect(reach.rows[0][2]).toMatch(new RegExp(`^${operator.username} \\(`));
  });

  it('shows the CERT which warned organisations opened the indicator warning', async () => {
    await cert.reload();
    const reach = await new SharingPage(cert).indicatorReach(indicatorName, 'Xəbərdar edilmiş 1 təşkilatdan 1-i açıb');
    expect(reach.openedOf).toBe('1 / 1');
    expect(reach.rows[0].slice(0, 2)).toEqual(['GRIDCO', 'Sektor: Enerji']);
  });

  it("lets the CERT analyst set the organisation's early-warning profile", async () => {
    const sharing = new SharingPage(cert);
    await sharing.saveProfile(['Telekommunikasiya və İKT', 'Enerji'], 'ExampleVPN, OpenSSL');
    await cert.reload();
    expect(await sharing.profile()).toEqual([['Enerji', 'Telekommunikasiya və İKT'], 'ExampleVPN, OpenSSL']);
  });

  it('shows each TAXII subscription with its sync status and error', async () => {
    const sharing = new SharingPage(cert);
    await sharing.tab('subscriptions');
    const ok = await sharing.subscription('Own feed');
    expect(ok[2]).toBe('Uğurlu');
    expect(ok[4]).toBe('1');
    const failed = await sharing.subscription('Partner offline');
    expect(failed[2]).toMatch(/^Xəta\s+(fetch failed|.*ECONNREFUSED)/);
  });
});
