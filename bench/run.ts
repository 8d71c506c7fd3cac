/**
 * `npm run bench [-- NAME…]`: runs every bench/*.bench.ts (or the named ones) one after the
 * other, each printing its own figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.ts', '')));

if (benches.length === 0) {
  process.stderr.write(`no benchmark named ${wanted.join(', ')}\n`);
  process.exitCode = 1;
}
// Figures depend on what else the machine runs: each bench names the load it ran under.
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

for (const file of benches) {
  process.stdout.write(`\n## ${file.replace('.bench.ts', '')} (load average ${load()}, ${os.cpus().length} cores)\n`);
  const started = Date.now();
  const bench = (await import(pathToFileURL(path.join(dir, file)).href)) as { run(): Promise<void> };
  await bench.run();
  process.stdout.write(`(${((Date.now() - started) / 1000).toFixed(1)} s; load average ${load()})\n`);
}
