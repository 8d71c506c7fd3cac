/**
 * Detection in a real browser: a national rule is in place, `logger` (util-linux) sends a
 * matching syslog line over UDP to the listener bound to the National CERT, and the alert appears
 * in the analyst's queue, live, and can be acknowledged.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchPage } from './support/browser.ts';
import { firstAdminSession, organisationId } from './support/admin-api.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { AppShell } from './pages/AppShell.ts';
import { DetectionPage } from './pages/DetectionPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { texts } from './pages/text.ts';

const t = texts.az;
const analyst = { username: 'aysel.analyst', password: 'Initial-Detect-Analyst1', newPassword: 'Detect-Analyst-New-42' };
const ruleTitle = 'E2E su failure to root';
const rule = `title: ${ruleTitle}
id: 5e2e0000-0000-4000-8000-000000000001
level: high
logsource: { product: linux }
detection:
  keywords: ['QALXAN-E2E FAILED SU']
  condition: keywords
tags: [attack.privilege_escalation, attack.t1548]
`;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

describe('detection in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    server = await startServer({ QALXAN_SYSLOG_LISTENERS: `udp:${port}=MİLLİ-CERT`, QALXAN_DETECT_RELOAD_SECONDS: '1' });
    const admin = await firstAdminSession(server.url, server.adminPassword, 'Sentinel-Xy7!Baku-2026');
    await admin.request('POST', '/api/detect/rules', { organisationId: null, yaml: rule });
    await admin.request('POST', '/api/users', { username: analyst.username, displayName: 'Aysel Quliyeva', password: analyst.password, memberships: [{ organisationId: await organisationId(admin, 'national'), role: 'cert_analyst' }] });
    ({ browser, page } = await launchPage(server.url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the alert raised by a syslog line sent with logger, then acknowledges it', async () => {
    await new SignInPage(page).firstSignIn(analyst.username, analyst.password, analyst.newPassword);
    await new AppShell(page).open(t.modules.detection.name);
    const detection = new DetectionPage(page);
    await detection.openCount().filter({ hasText: '0' }).waitFor();

    execFileSync('logger', ['--server', '127.0.0.1', '--port', String(port), '--udp', '--rfc5424', '-t', 'su', 'QALXAN-E2E FAILED SU (to root) bob on pts/0']);

    const row = detection.row(ruleTitle);
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/T1548/);
    await detection.openCount().filter({ hasText: '1' }).waitFor();
    const host = (await row.getByRole('cell').nth(3).innerText()).trim();
    await detection.acknowledge(ruleTitle, host);
    await detection.openCount().filter({ hasText: '0' }).waitFor();
  });
});
