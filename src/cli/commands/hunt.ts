/**
 * `qalxan hunt --rules DIR_OR_FILE [--indicators FILE] [--format table|jsonl|csv] FILE…`:
 * runs Sigma rules (and indicators) over exported logs and prints every match. Matches go to
 * stdout; the progress bar and the summary go to stderr so the output can be piped.
 */
import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import {
  CorrelationEngine,
  eventTime,
  loadIndicatorFile,
  loadRules,
  readEvents,
  type IndicatorStore,
} from '@qalxan/detect-engine';

interface HuntOptions {
  rules: string;
  indicators?: string;
  format: 'table' | 'jsonl' | 'csv';
}

/** One output row: a rule match, a correlation or an indicator hit. */
interface Row {
  file: string;
  line: number;
  rule_id: string;
  rule_title: string;
  level: string;
  kind: 'sigma' | 'correlation' | 'indicator';
  detail?: string;
}

const COLUMNS: (keyof Row)[] = ['file', 'line', 'level', 'kind', 'rule_id', 'rule_title', 'detail'];

function csvCell(v: unknown): string {
  const s = v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes rows as they come, in the chosen format; the table pads to fixed widths so it streams. */
function makeWriter(format: HuntOptions['format']): (r: Row) => void {
  const out = (s: string) => process.stdout.write(s);
  if (format === 'jsonl') return (r) => out(JSON.stringify(r) + '\n');
  if (format === 'csv') {
    out(COLUMNS.join(',') + '\n');
    return (r) => out(COLUMNS.map((c) => csvCell(r[c])).join(',') + '\n');
  }
  const widths = [28, 7, 13, 11, 36, 60];
  const row = (cells: string[]) => cells.map((c, i) => (i < widths.length ? c.slice(0, widths[i]).padEnd(widths[i]) : c)).join(' ').trimEnd() + '\n';
  out(row(COLUMNS.map((c) => c.toUpperCase())));
  return (r) => out(row(COLUMNS.map((c) => String(r[c] ?? ''))));
}

/**
 * `qalxan hunt … | head` closes our stdout early: that is the reader saying "enough", not an
 * error, so an EPIPE ends the process quietly (exit 0) instead of dumping a stack trace.
 */
export function exitQuietlyOnEpipe(stream: NodeJS.WriteStream = process.stdout): void {
  if (stream.listenerCount('error') > 0 && (stream as { qalxanEpipe?: boolean }).qalxanEpipe) return;
  (stream as { qalxanEpipe?: boolean }).qalxanEpipe = true;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

function fail(reason: string): void {
  process.stderr.write(`qalxan hunt: ${reason}\n`);
  process.exitCode = 2;
}

/** The hunt itself; returns the exit code (also set on process.exitCode). */
export async function hunt(files: string[], opts: HuntOptions): Promise<number> {
  if (!['table', 'jsonl', 'csv'].includes(opts.format)) return (fail(`unknown format '${opts.format}' (table, jsonl or csv)`), 2);
  if (!existsSync(opts.rules)) return (fail(`rules path not found: ${opts.rules}`), 2);
  const missing = files.find((f) => !existsSync(f) || !statSync(f).isFile());
  if (missing) return (fail(`input file not found: ${missing}`), 2);
  const t0 = performance.now();
  const { engine, loaded, rejected } = loadRules([opts.rules]);
  if (loaded === 0) return (fail(`no rule loaded from ${opts.rules} (${rejected.length} rejected)`), 2);
  let iocs: IndicatorStore | null = null;
  if (opts.indicators) {
    if (!existsSync(opts.indicators)) return (fail(`indicator file not found: ${opts.indicators}`), 2);
    const r = await loadIndicatorFile(opts.indicators);
    iocs = r.store;
    if (r.errors.length) process.stderr.write(`indicators: ${r.errors.length} lines refused (first: line ${r.errors[0].line}: ${r.errors[0].reason})\n`);
  }
  exitQuietlyOnEpipe();
  const corr = new CorrelationEngine(engine.correlations);
  const write = makeWriter(opts.format);
  const perRule = new Map<string, { title: string; n: number }>();
  const malformed: string[] = [];
  let events = 0;
  const count = (id: string, title: string) => {
    const c = perRule.get(id) ?? { title, n: 0 };
    c.n++;
    perRule.set(id, c);
  };
  const total = files.reduce((a, f) => a + statSync(f).size, 0);
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr, format: 'hunting [{bar}] {percentage}% | {events} events | {matches} matches' }, cliProgress.Presets.shades_classic) : null;
  let done = 0;
  let matches = 0;
  bar?.start(total, 0, { events: 0, matches: 0 });
  const tHunt = performance.now();
  for (const file of files) {
    for await (const rec of readEvents(file)) {
      done += rec.bytes;
      if ('error' in rec) {
        malformed.push(`${file}:${rec.line}: ${rec.error}`);
        continue;
      }
      events++;
      const ev = rec.event;
      const fired = engine.match(ev);
      for (const r of fired) {
        write({ file, line: rec.line, rule_id: r.id, rule_title: r.title, level: r.level, kind: 'sigma' });
        count(r.id, r.title);
      }
      matches += fired.length;
      if (engine.correlations.length && fired.length) {
        for (const c of corr.observe(ev, fired, eventTime(ev, events))) {
          write({ file, line: rec.line, rule_id: c.rule.id, rule_title: c.rule.title, level: c.rule.level, kind: 'correlation', detail: `${c.value} in window ${JSON.stringify(c.group)}` });
          count(c.rule.id, c.rule.title);
          matches++;
        }
      }
      if (iocs) {
        for (const h of iocs.lookupEvent(ev, eventTime(ev, Date.now()))) {
          write({ file, line: rec.line, rule_id: `ioc:${h.type}:${h.indicator}`, rule_title: `Indicator ${h.indicator} in ${h.field}`, level: h.confidence >= 80 ? 'high' : 'medium', kind: 'indicator', detail: `confidence ${h.confidence}, TLP:${h.tlp.toUpperCase()}, source ${h.source || '-'}` });
          count(`ioc:${h.type}:${h.indicator}`, `Indicator ${h.indicator}`);
          matches++;
        }
      }
      if (bar && events % 2000 === 0) bar.update(done, { events, matches });
    }
  }
  bar?.update(total, { events, matches });
  bar?.stop();
  const secs = (performance.now() - tHunt) / 1000;
  const e = (s: string) => process.stderr.write(s + '\n');
  e(`\n${events} events in ${files.length} file(s), ${matches} matches, ${Math.round(events / Math.max(secs, 1e-6))} events/s (rules loaded in ${Math.round(tHunt - t0)} ms)`);
  e(`rules loaded: ${loaded}, rejected: ${rejected.length}`);
  for (const r of rejected) e(`  rejected ${r.file}${r.id ? ` (${r.id})` : ''}: ${r.reason}`);
  if (malformed.length) {
    e(`malformed records: ${malformed.length}`);
    for (const m of malformed.slice(0, 20)) e(`  ${m}`);
    if (malformed.length > 20) e(`  … and ${malformed.length - 20} more`);
  }
  if (perRule.size) {
    e('matches per rule:');
    for (const [id, c] of [...perRule].sort((a, b) => b[1].n - a[1].n)) e(`  ${String(c.n).padStart(7)}  ${c.title} (${id})`);
  }
  process.exitCode = 0;
  return 0;
}

/** Registers `hunt` on the qalxan program. */
export function register(program: Command): void {
  program
    .command('hunt')
    .description('Run Sigma rules (and indicators) over exported logs: NDJSON, JSON, CSV, Windows event XML')
    .requiredOption('--rules <dirOrFile>', 'Sigma rule file or directory')
    .option('--indicators <file>', 'indicator file: JSON lines or one value a line')
    .option('--format <format>', 'table, jsonl or csv', 'table')
    .argument('<files...>', 'event files')
    .action(async (files: string[], opts: HuntOptions) => {
      await hunt(files, opts);
    });
}
