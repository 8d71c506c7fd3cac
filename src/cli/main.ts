/**
 * The `qalxan` command. Each verb lives in its own file under commands/ and registers itself;
 * a failure prints one line and sets a non-zero exit code.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { AppError } from '../lib/errors.ts';
import { register as registerAdmin } from './commands/admin.ts';
import { register as registerBackup } from './commands/backup.ts';
import { register as registerHunt } from './commands/hunt.ts';
import { register as registerIngest } from './commands/ingest.ts';
import { register as registerPlan } from './commands/plan.ts';
import { register as registerRules } from './commands/rules.ts';
import { register as registerStart } from './commands/start.ts';

export function buildProgram(): Command {
  const program = new Command('qalxan')
    .description('Qalxan — national cybersecurity platform')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  for (const register of [registerStart, registerAdmin, registerBackup, registerPlan, registerHunt, registerRules, registerIngest]) register(program);
  return program;
}

/** Runs the CLI; returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const message = error instanceof AppError || error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`qalxan: ${message}\n`);
    return 1;
  }
}
