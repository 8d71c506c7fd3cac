import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingest } from '../../cli/commands/ingest.ts';
import { createTestApp, makeOrganisation, makeUser, signIn, type TestContext } from '../../testing/app.ts';
import { eventToken, imageRule, sysmon, waitFor } from './testing.ts';

let ctx: TestContext;
let url: string;
let dir: string;

beforeAll(async () => {
  ctx = await createTestApp({ QALXAN_DETECT_RELOAD_SECONDS: '1' });
  url = await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qalxan-ingest-'));
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('qalxan ingest sends NDJSON, CSV and syslog files in chunks and counts what the server refused', async () => {
  const org = await makeOrganisation(ctx);
  const analyst = await signIn(ctx, await makeUser(ctx, [{ organisationId: org, role: 'cert_analyst' }]));
  expect((await analyst.request('POST', '/api/detect/rules', { organisationId: org, yaml: imageRule('55555555-0000-4000-8000-000000000005', 'cli.exe') })).statusCode).toBe(201);
  const token = await eventToken(analyst, org, 'cert_analyst');
  fs.writeFileSync(path.join(dir, 'a.ndjson'), [...Array.from({ length: 25 }, (_, i) => JSON.stringify(sysmon(`c${i % 3}`, i % 5 === 0 ? 'C:\\cli.exe' : 'C:\\ok.exe'))), '{bad'].join('\n'));
  fs.writeFileSync(path.join(dir, 'b.csv'), 'Channel,EventID,Computer,Image\nMicrosoft-Windows-Sysmon/Operational,1,csvhost,C:\\cli.exe\nMicrosoft-Windows-Sysmon/Operational,1,csvhost,C:\\x.exe\n');
  fs.writeFileSync(path.join(dir, 'c.log'), '<13>Nov 25 10:00:00 h1 sshd[1]: ok\nnot syslog\n');
  const totals = await ingest([path.join(dir, 'a.ndjson'), path.join(dir, 'b.csv'), path.join(dir, 'c.log')], { url, token, format: 'auto', chunk: '7' });
  expect(totals).toEqual({ accepted: 28, rejected: 2 });
  const alerts = await waitFor(async () => {
    const items = (await analyst.request('GET', '/api/detect/alerts?ruleId=55555555-0000-4000-8000-000000000005')).json().items as { count: number; host: string }[];
    return items.reduce((n, a) => n + a.count, 0) === 6 ? items : undefined;
  });
  expect(alerts.map((a) => a.host).sort()).toEqual(['c0', 'c1', 'c2', 'csvhost']);
});
