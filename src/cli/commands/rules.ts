/** `qalxan rules check DIR`: lists every Sigma rule that does not load, and why. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadRules } from '@qalxan/detect-engine';

/** Checks a rule directory; exit code 0 when all load, 1 when some are rejected, 2 on bad input. */
export function checkRules(dir: string): number {
  if (!existsSync(dir)) {
    process.stderr.write(`qalxan rules check: rules path not found: ${dir}\n`);
    return (process.exitCode = 2);
  }
  const { loaded, rejected } = loadRules([dir]);
  for (const r of rejected) process.stdout.write(`${r.file}${r.id ? ` (${r.id})` : ''}: ${r.reason}\n`);
  process.stdout.write(`${loaded} rules loaded, ${rejected.length} rejected\n`);
  return (process.exitCode = rejected.length > 0 ? 1 : 0);
}

/** Registers `rules check` on the qalxan program. */
export function register(program: Command): void {
  const rules = program.command('rules').description('Sigma rule tools');
  rules
    .command('check')
    .description('Load every rule under DIR and report each one that does not load, with the reason')
    .argument('<dir>')
    .action((dir: string) => {
      checkRules(dir);
    });
}
