/**
 * `qalxan ingest [--url URL] [--token TOKEN] [--format F] FILE…`: sends event files (NDJSON, JSON,
 * CSV or syslog lines) to a running server's POST /api/events with an organisation's API token,
 * gzip-compressed in chunks, so parsing, dead-lettering and the bus are the server's one path.
 * A chunk answered 429/503 is retried after the server's Retry-After; progress goes to stderr.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';

const gz = promisify(gzip);
const formats = ['auto', 'ndjson', 'json', 'csv', 'syslog'];

interface IngestOptions {
  url: string;
  token?: string;
  format: string;
  chunk: string;
}

function formatOf(file: string, format: string): string {
  if (format !== 'auto') return format;
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.(ndjson|jsonl)$/i.test(file)) return 'ndjson';
  if (/\.json$/i.test(file)) return 'json';
  if (/\.(log|syslog|txt)$/i.test(file)) return 'syslog';
  return 'auto';
}

async function post(url: string, token: string, format: string, body: string): Promise<{ accepted: number; rejected: number }> {
  const payload = await gz(Buffer.from(body));
  for (let attempt = 1; ; attempt++) {
    const r = await fetch(`${url.replace(/\/$/, '')}/api/events?format=${format}`, {
      method: 'POST', body: payload, headers: { authorization: `Bearer ${token}`, 'content-encoding': 'gzip', 'content-type': 'application/octet-stream' },
    });
    if (r.status === 202) return (await r.json()) as { accepted: number; rejected: number };
    if ((r.status === 429 || r.status === 503) && attempt < 60) {
      await new Promise((res) => setTimeout(res, 1000 * Number(r.headers.get('retry-after') ?? 1)));
      continue;
    }
    throw new Error(`server answered ${r.status}: ${(await r.text()).slice(0, 300)}`);
  }
}

/** Sends the files; returns totals. */
export async function ingest(files: string[], opts: IngestOptions): Promise<{ accepted: number; rejected: number }> {
  const token = opts.token ?? process.env.QALXAN_TOKEN;
  if (!token) throw new Error('an API token is needed: --token or QALXAN_TOKEN');
  if (!formats.includes(opts.format)) throw new Error(`unknown format '${opts.format}' (${formats.join(', ')})`);
  const missing = files.find((f) => !existsSync(f) || !statSync(f).isFile());
  if (missing) throw new Error(`input file not found: ${missing}`);
  const chunkLines = Math.max(1, Number(opts.chunk));
  const totalBytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'ingest [{bar}] {percentage}% | {value}/{total} bytes | {accepted} accepted, {rejected} rejected', stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
  bar?.start(totalBytes, 0, { accepted: 0, rejected: 0 });
  const totals = { accepted: 0, rejected: 0 };
  let done = 0;
  for (const file of files) {
    const format = formatOf(file, opts.format);
    // A JSON document is sent whole; line formats go in chunks (CSV repeats its header).
    const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    let buffer: string[] = [];
    let header: string | null = null;
    const flush = async () => {
      if (buffer.length === 0) return;
      const body = (header !== null && format === 'csv' && buffer[0] !== header ? [header, ...buffer] : buffer).join('\n');
      const r = await post(opts.url, token, format, body);
      totals.accepted += r.accepted;
      totals.rejected += r.rejected;
      done += Buffer.byteLength(buffer.join('\n')) + 1;
      buffer = [];
      bar?.update(Math.min(done, totalBytes), totals);
    };
    for await (const line of lines) {
      if (format === 'csv' && header === null) header = line;
      buffer.push(line);
      if (format !== 'json' && buffer.length >= chunkLines) await flush();
    }
    await flush();
  }
  bar?.stop();
  process.stderr.write(`ingest: ${totals.accepted} events accepted, ${totals.rejected} rejected (kept as dead letters)\n`);
  return totals;
}

export function register(program: Command): void {
  program.command('ingest')
    .description('Send event files (NDJSON, JSON, CSV, syslog lines) to a running Qalxan with an API token')
    .argument('<files...>', 'event files')
    .option('--url <url>', 'server address', process.env.QALXAN_URL ?? 'http://127.0.0.1:8080')
    .option('--token <token>', 'organisation API token (default: QALXAN_TOKEN)')
    .option('--format <format>', `input format: ${formats.join(', ')} (auto: by file extension, then content)`, 'auto')
    .option('--chunk <lines>', 'lines per request', '5000')
    .action(async (files: string[], opts: IngestOptions) => {
      await ingest(files, opts);
    });
}
