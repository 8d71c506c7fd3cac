/** Starts `qalxan start` as a child process and measures the time until /readyz answers. */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export interface BenchServer { url: string; readyMs: number; process: ChildProcess; stop(): Promise<void> }

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startBenchServer(env: Record<string, string>): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/qalxan.mjs', 'start'], {
    env: { ...process.env, QALXAN_LOG_LEVEL: 'warn', ...env, QALXAN_PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - started;
  return {
    url, readyMs, process: child,
    stop: () => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }),
  };
}
