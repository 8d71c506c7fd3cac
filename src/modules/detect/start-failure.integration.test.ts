/**
 * A `qalxan start` that fails after it has connected to NATS must exit with the error, not hang
 * on the connections it opened (as a worker did in CI when a consumer declaration failed).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { natsServer } from '../../testing/nats.ts';

let nats: Awaited<ReturnType<typeof natsServer>>;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qalxan-start-failure-'));

beforeAll(async () => {
  nats = await natsServer();
}, 60_000);
afterAll(async () => {
  await nats?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('exits 1 with the reason when start fails after connecting to NATS', async () => {
  const child = spawn(process.execPath, ['bin/qalxan.mjs', 'start'], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    env: {
      PATH: process.env.PATH ?? '', QALXAN_LOG_LEVEL: 'silent', QALXAN_ADMIN_PASSWORD: 'Start-Failure-Test-1', QALXAN_DATA_DIR: dataDir, QALXAN_PORT: '0',
      QALXAN_WEB_DIST: '/nonexistent', NATS_URL: nats.url, QALXAN_NATS_PREFIX: `fail${process.pid}`, QALXAN_SYSLOG_LISTENERS: 'udp:0=NO-SUCH-ORGANISATION',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | string>((resolve) => {
    const timer = setTimeout(() => resolve('still running after 60 s'), 60_000);
    child.once('exit', (c) => {
      clearTimeout(timer);
      resolve(c ?? -1);
    });
  });
  if (code === 'still running after 60 s') child.kill('SIGKILL');
  expect(code).toBe(1);
  expect(err).toContain('NO-SUCH-ORGANISATION');
}, 120_000);
