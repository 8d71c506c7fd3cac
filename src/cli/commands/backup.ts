/** `qalxan backup FILE` and `qalxan restore FILE`, for either database mode. */
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { backup, restore } from '../../db/backup.ts';
import { createLogger } from '../../lib/logger.ts';
import { openAndPrepare } from '../../server.ts';

function summary(counts: Record<string, number>): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return `${total} rows in ${Object.keys(counts).length} tables`;
}

export function register(program: Command): void {
  program.command('backup').description('Write a consistent backup of the whole database to FILE (gzipped JSON lines)')
    .argument('<file>')
    .action(async (file: string) => {
      const db = await openAndPrepare(loadConfig(), createLogger('warn'));
      try {
        process.stdout.write(`Backup written to ${file}: ${summary(await backup(db, file))}\n`);
      } finally {
        await db.destroy();
      }
    });
  program.command('restore').description('Replace all data with the backup in FILE (all or nothing); stop the server first')
    .argument('<file>')
    .action(async (file: string) => {
      const db = await openAndPrepare(loadConfig(), createLogger('warn'));
      try {
        process.stdout.write(`Restored from ${file}: ${summary(await restore(db, file))}\n`);
      } finally {
        await db.destroy();
      }
    });
}
