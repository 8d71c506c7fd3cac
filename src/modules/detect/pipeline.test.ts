import dgram from 'node:dgram';
import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrganisation, makeUser, nationalCertId, signIn, type Client, type TestContext } from '../../testing/app.ts';
import * as organisationStore from '../identity/organisations.store.ts';
import { eventToken, imageRule, send, sysmon, waitFor } from './testing.ts';

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

let ctx: TestContext;
let org: string;
let analyst: Client;
let national: Client;
let token: string;
let syslogPort: number;

beforeAll(async () => {
  syslogPort = await freePort();
  // The listeners name the National CERT by acronym, resolved when the pipeline starts.
  ctx = await createTestApp({ QALXAN_DETECT_RELOAD_SECONDS: '1', QALXAN_BUS_CAPACITY: '5000', QALXAN_SYSLOG_LISTENERS: `udp:${syslogPort}=MİLLİ-CERT,tcp:${syslogPort}=MİLLİ-CERT` });
  org = await makeOrganisation(ctx);
  analyst = await signIn(ctx, await makeUser(ctx, [{ organisationId: org, role: 'cert_analyst' }]));
  national = await signIn(ctx, await makeUser(ctx, [{ organisationId: await nationalCertId(ctx), role: 'cert_analyst' }]));
  token = await eventToken(analyst, org, 'cert_analyst');
  const created = await analyst.request('POST', '/api/detect/rules', { organisationId: org, yaml: imageRule('11111111-0000-4000-8000-000000000001', 'evil.exe') });
  expect(created.statusCode, created.body).toBe(201);
}, 60_000);
afterAll(async () => ctx.close());

async function alertsOf(client: Client, query = ''): Promise<{ id: string; host: string; count: number; severity: string; techniques: string[]; ruleId: string; status: string }[]> {
  const r = await client.request('GET', `/api/detect/alerts${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json().items;
}

describe('the embedded pipeline', () => {
  it('turns matching events sent over HTTP (NDJSON, gzip) into one deduplicated alert per host', async () => {
    const lines = [sysmon('ws-1', 'C:\\t\\evil.exe'), sysmon('ws-1', 'C:\\t\\EVIL.EXE'), sysmon('ws-2', 'C:\\t\\evil.exe'), sysmon('ws-3', 'C:\\t\\good.exe')].map((e) => JSON.stringify(e)).join('\n');
    const r = await send(ctx, token, gzipSync(lines), { 'content-encoding': 'gzip' });
    expect(r.statusCode, r.body).toBe(202);
    expect(r.json()).toEqual({ accepted: 4, rejected: 0 });
    const alerts = await waitFor(async () => {
      const a = await alertsOf(analyst, '?ruleId=11111111-0000-4000-8000-000000000001');
      return a.reduce((n, x) => n + x.count, 0) === 3 ? a : undefined;
    });
    expect(alerts.map((a) => [a.host, a.count]).sort()).toEqual([['ws-1', 2], ['ws-2', 1]]);
    expect(alerts[0]).toMatchObject({ severity: 'high', techniques: ['T1059.001'], status: 'open' });
    const events = await analyst.request('GET', `/api/detect/alerts/${alerts.find((a) => a.host === 'ws-1')!.id}/events`);
    expect(events.json().items).toHaveLength(2);
    expect(events.json().items[0].event.process.executable).toMatch(/evil/i);
  });

  it('keeps malformed lines in the dead-letter table with the reason and processes the rest', async () => {
    const body = Buffer.concat([
      Buffer.from(`${JSON.stringify(sysmon('ws-dl', 'C:\\evil.exe'))}\n{"broken": \n`),
      Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d, 0x0a]),
      Buffer.from(`{"huge":"${'z'.repeat(1_100_000)}"}\n${JSON.stringify(sysmon('ws-dl', 'C:\\x\\evil.exe'))}\n`),
    ]);
    const r = await send(ctx, token, body);
    expect(r.json()).toEqual({ accepted: 2, rejected: 3 });
    const syslog = await send(ctx, token, '<13>1 2026-11-25T10:00:00Z h a - - - CEF:9|a|b|c|d|e|f|x=1\nnot syslog at all\n', { 'content-type': 'text/plain' });
    expect(syslog.json()).toEqual({ accepted: 0, rejected: 2 });
    const reasons = (await analyst.request('GET', '/api/detect/dead-letters')).json().items.map((d: { reason: string }) => d.reason.replace(/:.*|\d+/g, '').trim());
    expect(reasons.sort()).toEqual(['bad JSON', 'invalid UTF-', 'invalid syslog', 'line of  bytes exceeds the limit of', 'unknown CEF version ""'].sort());
    await waitFor(async () => ((await alertsOf(analyst, '?host=ws-dl'))[0]?.count === 2 ? true : undefined));
  });

  it('acknowledges in bulk and updates the live count', async () => {
    const before = (await analyst.request('GET', '/api/detect/alerts/count')).json();
    const open = await alertsOf(analyst, '?status=open');
    expect(before.open).toBe(open.length);
    const r = await analyst.request('POST', '/api/detect/alerts/acknowledge', { ids: open.map((a) => a.id) });
    expect(r.json().acknowledged.sort()).toEqual(open.map((a) => a.id).sort());
    expect((await analyst.request('GET', '/api/detect/alerts/count')).json().open).toBe(0);
    expect(await alertsOf(analyst, '?status=acknowledged')).toHaveLength(open.length);
  });

  it('hot-reloads national rules and indicators, versions changes, and stops matching a disabled rule', async () => {
    const rule = await national.request('POST', '/api/detect/rules', { organisationId: null, yaml: imageRule('22222222-0000-4000-8000-000000000002', 'mimikatz.exe', 'critical') });
    expect(rule.statusCode, rule.body).toBe(201);
    const ind = await national.request('POST', '/api/detect/indicators', { organisationId: null, value: 'bad.example.org', confidence: 90 });
    expect(ind.statusCode, ind.body).toBe(201);
    await send(ctx, token, [sysmon('ws-n', 'C:\\mimikatz.exe'), { Computer: 'ws-n', QueryName: 'x.bad.example.org' }].map((e) => JSON.stringify(e)).join('\n'));
    const got = await waitFor(async () => {
      const a = await alertsOf(analyst, '?host=ws-n');
      return a.length === 2 ? a : undefined;
    });
    expect(got.map((a) => a.severity).sort()).toEqual(['critical', 'high']);
    const disabled = await national.request('PUT', `/api/detect/rules/${rule.json().id}`, { enabled: false });
    expect(disabled.json()).toMatchObject({ version: 2, enabled: false });
    expect((await national.request('GET', `/api/detect/rules/${rule.json().id}/versions`)).json().items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    await send(ctx, token, JSON.stringify(sysmon('ws-m', 'C:\\mimikatz.exe')));
    await send(ctx, token, JSON.stringify(sysmon('ws-m', 'C:\\evil.exe')));
    await waitFor(async () => ((await alertsOf(analyst, '?host=ws-m')).length > 0 ? true : undefined));
    expect((await alertsOf(analyst, '?host=ws-m')).map((a) => a.ruleId)).toEqual(['11111111-0000-4000-8000-000000000001']);
    const badRule = await national.request('POST', '/api/detect/rules', { organisationId: null, yaml: 'title: x\nid: 3\nlogsource: {}\ndetection: { condition: nope }\n' });
    expect(badRule.statusCode).toBe(422);
  });

  it('answers 429 instead of queueing without bound when the bus is full', async () => {
    const many = Array.from({ length: 6000 }, (_, i) => JSON.stringify({ Computer: `bulk-${i}` })).join('\n');
    const r = await send(ctx, token, many);
    expect(r.statusCode).toBe(429);
    expect(r.headers['retry-after']).toBe('1');
    const metrics = await ctx.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/qalxan_events_dropped_total\{reason="rate_limited"\} 6000/);
    expect(metrics.body).toMatch(/qalxan_events_received_total\{source="http"\}/);
  });

  it('takes syslog over UDP and TCP (octet-counted and newline framing) for the configured organisation', async () => {
    const cert = (await organisationStore.findByAcronym(ctx.db, 'MİLLİ-CERT'))!.id;
    const rule = await national.request('POST', '/api/detect/rules', { organisationId: null, yaml: `title: Syslog su failure
id: 33333333-0000-4000-8000-000000000003
level: medium
logsource: { product: linux }
detection:
  keywords: ['FAILED SU']
  condition: keywords
` });
    expect(rule.statusCode, rule.body).toBe(201);
    const udp = dgram.createSocket('udp4');
    await new Promise<void>((r) => udp.send('<34>Nov 25 10:00:00 udphost su[1]: FAILED SU (to root) bob on pts/0', syslogPort, '127.0.0.1', () => r()));
    udp.close();
    const tcp = net.connect(syslogPort, '127.0.0.1');
    const m = '<34>1 2026-11-25T10:00:00Z tcphost su 1 - - FAILED SU (to root) alice';
    tcp.end(`${Buffer.byteLength(m)} ${m}<34>Nov 25 10:00:01 tcphost2 su[2]: FAILED SU (to root) eve\n`);
    const admin = await signIn(ctx, await makeUser(ctx, [{ organisationId: cert, role: 'cert_analyst' }]));
    const hosts = await waitFor(async () => {
      const h = (await alertsOf(admin, `?organisationId=${cert}&ruleId=33333333-0000-4000-8000-000000000003`)).map((a) => a.host).sort();
      return h.length === 3 ? h : undefined;
    });
    expect(hosts).toEqual(['tcphost', 'tcphost2', 'udphost']);
  });
});
