/** `qalxan start` and `qalxan migrate`. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { describeTarget } from '../../db/database.ts';
import { createLogger } from '../../lib/logger.ts';
import { openAndPrepare, startServer } from '../../server.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the web app when its output is missing or older than its sources. */
export function buildWebIfStale(distDir: string): void {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync('web') || (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestMtime('web'))) return;
  process.stdout.write('Building the web app…\n');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

export function register(program: Command): void {
  program.command('start')
    .description('Start the platform (HTTP API, web app, workers as ROLE says) on the configured database')
    .option('--build', 'build the web app first if it is missing or stale')
    .action(async (options: { build?: boolean }) => {
      const config = loadConfig();
      if (options.build) buildWebIfStale(config.webDistDir);
      const server = await startServer(config);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise(() => undefined);
    });

  program.command('migrate')
    .description('Apply pending database migrations and load reference data, then exit')
    .action(async () => {
      const config = loadConfig();
      const db = await openAndPrepare(config, createLogger('warn'));
      await db.destroy();
      process.stdout.write(`Database is up to date (${describeTarget({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })})\n`);
    });
}
