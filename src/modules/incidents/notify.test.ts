import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../../testing/app.ts';
import { parseEmail } from './email.ts';
import { incidentWorld, openIncident, type IncidentWorld } from './incidents.fixtures.ts';
import { deliver, queueWebhooks, signature } from './notify.service.ts';

// A real SMTP server process for the test: accepts every message and prints it as one JSON line.
const sink = `
const net = require('node:net');
const server = net.createServer((socket) => {
  let data = null, from = '', to = '', buffer = '';
  socket.write('220 sink ESMTP\\r\\n');
  socket.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    let end;
    while ((end = buffer.indexOf('\\r\\n')) !== -1) {
      const line = buffer.slice(0, end); buffer = buffer.slice(end + 2);
      if (data !== null) {
        if (line === '.') { process.stdout.write(JSON.stringify({ from, to, message: data }) + '\\n'); data = null; socket.write('250 queued\\r\\n'); }
        else data += line + '\\r\\n';
      } else if (/^EHLO/i.test(line)) socket.write('250-sink\\r\\n250 8BITMIME\\r\\n');
      else if (/^MAIL FROM:/i.test(line)) { from = line.slice(10); socket.write('250 ok\\r\\n'); }
      else if (/^RCPT TO:/i.test(line)) { to = line.slice(8); socket.write('250 ok\\r\\n'); }
      else if (/^DATA/i.test(line)) { data = ''; socket.write('354 go\\r\\n'); }
      else if (/^QUIT/i.test(line)) { socket.end('221 bye\\r\\n'); }
      else socket.write('500 what\\r\\n');
    }
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\\n'));
`;

describe('e-mail notifications', () => {
  let w: IncidentWorld;
  let smtp: ChildProcess;
  let port = 0;
  const received: { from: string; to: string; message: string }[] = [];

  beforeAll(async () => {
    w = await incidentWorld();
    smtp = spawn(process.execPath, ['-e', sink], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => {
      smtp.stdout!.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          const parsed = JSON.parse(line);
          if (parsed.port) {
            port = parsed.port;
            resolve();
          } else received.push(parsed);
        }
      });
    });
  });
  afterAll(async () => {
    smtp.kill();
    await w.ctx.close();
  });

  it('mails a mailto: subscriber through the SMTP relay, signed like a webhook', async () => {
    const admin = await signIn(w.ctx, await makeUser(w.ctx, [{ organisationId: w.org, role: 'admin' }]));
    const bad = await admin.request('POST', '/api/incidents/webhooks', { organisationId: w.org, url: 'mailto:not-an-address' });
    expect(bad.statusCode).toBe(400);
    const subscription = await admin.request('POST', '/api/incidents/webhooks', { organisationId: w.org, url: 'mailto:soc@operator.example.az' });
    expect(subscription.statusCode, subscription.body).toBe(201);
    const incident = await openIncident(w.operator, { title: 'Mailed', severity: 'high' });
    expect(await deliver(w.ctx.db, null)).toEqual({ delivered: 0, failed: 1 });
    expect(await deliver(w.ctx.db, { url: `smtp://127.0.0.1:${port}`, from: 'qalxan@cert.example.az' })).toEqual({ delivered: 1, failed: 0 });
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toMatchObject({ from: '<qalxan@cert.example.az>', to: '<soc@operator.example.az>' });
    const mail = parseEmail(received[0].message);
    expect(mail.subject).toBe(`[Qalxan] incident.create — ${incident.id} (high)`);
    expect(JSON.parse(mail.text)).toMatchObject({ event: 'incident.create', incidentId: incident.id });
    const header = /X-Qalxan-Signature: (\S+)/.exec(received[0].message)![1];
    const body = (await w.ctx.db.selectFrom('incident_webhook_deliveries').select('body').executeTakeFirstOrThrow()).body;
    expect(header).toBe(signature(subscription.json().secret, body));
  });

  it('names an indicator warning by its STIX id in the subject', async () => {
    const stixId = 'indicator--6f1e1a3c-8d2b-4c7e-9a51-0c2f4d7b8e90';
    await queueWebhooks(w.ctx.db, [w.org], 'indicator.warning', { stixId, tlp: 'GREEN' });
    expect(await deliver(w.ctx.db, { url: `smtp://127.0.0.1:${port}`, from: 'qalxan@cert.example.az' })).toEqual({ delivered: 1, failed: 0 });
    await expect.poll(() => received.length).toBe(2);
    expect(parseEmail(received[1].message).subject).toBe(`[Qalxan] indicator.warning — ${stixId}`);
  });
});
