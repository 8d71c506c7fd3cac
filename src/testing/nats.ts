/**
 * A real nats-server with JetStream for tests and benchmarks: the CI's (NATS_TEST_URL), or one
 * started on a free port with its own store directory.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { connect } from 'nats';
import { streamOf } from '../events/partition.ts';
import { eventKinds } from '../events/types.ts';

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** A JetStream server for the test: the CI's, or our own until `stop`. */
export async function natsServer(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.NATS_TEST_URL) return { url: process.env.NATS_TEST_URL, stop: async () => undefined };
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qalxan-nats-'));
  // cwd: under a consumer race nats-server 2.9 may write files into its working directory.
  const child = spawn('nats-server', ['-js', '-sd', dir, '-a', '127.0.0.1', '-p', String(port)], { stdio: 'ignore', cwd: dir });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((r) => net.connect(port, '127.0.0.1').on('connect', function (this: net.Socket) { this.destroy(); r(true); }).on('error', () => r(false)));
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Deletes a run's streams and lease bucket: every stream reserves its max_bytes of the server's
 * storage, so the leftovers of a few runs are enough to make stream creation fail.
 */
export async function dropStreams(url: string, prefix: string): Promise<void> {
  const nc = await connect({ servers: url });
  const jsm = await nc.jetstreamManager();
  const names = [...eventKinds.map((kind) => streamOf(prefix, kind)), `KV_${prefix}_detect_leases`];
  for (const name of names) await jsm.streams.delete(name).catch(() => false); // already gone
  await nc.close();
}
