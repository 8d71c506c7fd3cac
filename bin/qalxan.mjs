#!/usr/bin/env node
// The `qalxan` command: loads the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
const code = await runCli(process.argv.slice(2));
// A failed command may leave connections open (a server that could not start); it must still end.
if (code !== 0) process.exit(code);
process.exitCode = code;
