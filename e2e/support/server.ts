/**
 * Starts the real server (`qalxan start`) as a child process on a free port with a fresh data
 * folder (and a fresh database when DATABASE_URL is set), and captures the first-start password.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { repoRoot, webDistDir } from './paths.ts';

export interface RunningServer {
  url: string;
  /** The administrator's one-time password, printed at first start. */
  adminPassword: string;
  stop: () => Promise<void>;
}

const firstStart = /one-time password: (\S+)/;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The parent's environment without Qalxan settings, so only ours apply. */
function childEnv(own: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('QALXAN_') && key !== 'ROLE' && key !== 'DATABASE_URL') env[key] = value;
  }
  return { ...env, ...own };
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready && firstStart.test(output())) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not ready within ${timeoutMs} ms:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts a fresh server and resolves once /readyz answers and the admin password is known;
 * `extraEnv` adds settings a suite needs (e.g. syslog listeners).
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'qalxan-e2e-'));
  const database: TestDatabase | null = process.env.DATABASE_URL ? await createTestDatabase(process.env.DATABASE_URL) : null;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const own: Record<string, string> = {
    QALXAN_DATA_DIR: dataDir,
    QALXAN_PORT: String(port),
    QALXAN_LOG_LEVEL: 'warn',
    QALXAN_WEB_DIST: webDistDir,
    ...extraEnv,
  };
  if (database) own.DATABASE_URL = database.url;
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'qalxan.mjs'), 'start'], {
    cwd: repoRoot,
    env: childEnv(own),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    await stopProcess(child);
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, child, () => output, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, adminPassword: firstStart.exec(output)![1], stop };
}
