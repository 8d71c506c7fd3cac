/**
 * Turns ingested bytes into records: a JSON document or array, NDJSON, syslog lines or CSV.
 * Each bad line (invalid UTF-8, too long, bad JSON, not an object, invalid syslog, unknown CEF
 * version) becomes a rejection with its reason and a bounded copy of the raw text; the good
 * lines around it are kept, so one bad line never stops a stream.
 */
import { parseSyslog } from './syslog.ts';

export type LineFormat = 'auto' | 'json' | 'ndjson' | 'syslog' | 'csv';
export const lineFormats: readonly LineFormat[] = ['auto', 'json', 'ndjson', 'syslog', 'csv'];

export interface ParsedRecord {
  record: Record<string, unknown>;
  /** The raw line for text formats, kept as event.original. */
  original?: string;
}

export interface Rejection {
  reason: string;
  /** At most 4 KiB of the raw input, invalid bytes replaced. */
  raw: string;
  rawBytes: number;
}

export interface ParsedBody {
  records: ParsedRecord[];
  rejected: Rejection[];
}

const RAW_KEEP = 4096;
const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

function reject(raw: string | Buffer, reason: string): Rejection {
  const text = typeof raw === 'string' ? raw.slice(0, RAW_KEEP) : lenient.decode(raw.subarray(0, RAW_KEEP));
  return { reason, raw: text, rawBytes: typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length };
}

function splitBuffer(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, start)) {
    out.push(buf.subarray(start, i));
    start = i + 1;
  }
  if (start < buf.length) out.push(buf.subarray(start));
  return out;
}

/** Lines as text; lines that are not valid UTF-8 are rejected on their own. */
function textLines(buf: Buffer, maxBytes: number, rejected: Rejection[]): string[] {
  let whole: string | null = null;
  try {
    whole = strict.decode(buf);
  } catch {
    whole = null;
  }
  const lines: string[] = [];
  if (whole !== null) {
    for (const line of whole.split('\n')) {
      const l = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (l.trim() === '') continue;
      if (l.length > maxBytes / 4 && Buffer.byteLength(l) > maxBytes) rejected.push(reject(l, `line of ${Buffer.byteLength(l)} bytes exceeds the limit of ${maxBytes}`));
      else lines.push(l);
    }
    return lines;
  }
  for (const b of splitBuffer(buf)) {
    if (b.length > maxBytes) {
      rejected.push(reject(b, `line of ${b.length} bytes exceeds the limit of ${maxBytes}`));
      continue;
    }
    let l: string;
    try {
      l = strict.decode(b);
    } catch {
      rejected.push(reject(b, 'invalid UTF-8'));
      continue;
    }
    if (l.endsWith('\r')) l = l.slice(0, -1);
    if (l.trim() !== '') lines.push(l);
  }
  return lines;
}

function jsonRecord(line: string, out: ParsedBody): void {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    out.rejected.push(reject(line, `bad JSON: ${(error as Error).message}`));
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) out.rejected.push(reject(line, 'a JSON event must be an object'));
  else out.records.push({ record: value as Record<string, unknown> });
}

/** Splits one CSV line (RFC 4180 quoting, no embedded newlines). */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') cur += line[++i];
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  cells.push(cur);
  return cells;
}

function guess(buf: Buffer): LineFormat {
  let i = 0;
  while (i < buf.length && (buf[i] === 0x20 || buf[i] === 0x0a || buf[i] === 0x0d || buf[i] === 0x09)) i++;
  if (buf[i] === 0x5b) return 'json';
  if (buf[i] === 0x7b) return 'ndjson';
  return 'syslog';
}

/** Parses a body in the given format ('auto' guesses from the first byte). */
export function parseBody(buf: Buffer, format: LineFormat, maxLineBytes: number): ParsedBody {
  const out: ParsedBody = { records: [], rejected: [] };
  const f = format === 'auto' ? guess(buf) : format;
  if (f === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(strict.decode(buf));
    } catch {
      // Not one JSON document: read it line by line so the good lines survive.
      return parseBody(buf, 'ndjson', maxLineBytes);
    }
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) out.rejected.push(reject(JSON.stringify(item) ?? String(item), 'a JSON event must be an object'));
      else if (Buffer.byteLength(JSON.stringify(item)) > maxLineBytes) out.rejected.push(reject(JSON.stringify(item), `event exceeds the limit of ${maxLineBytes} bytes`));
      else out.records.push({ record: item as Record<string, unknown> });
    }
    return out;
  }
  const lines = textLines(buf, maxLineBytes, out.rejected);
  if (f === 'ndjson') for (const line of lines) jsonRecord(line, out);
  else if (f === 'syslog') {
    for (const line of lines) {
      const r = parseSyslog(line);
      if (r.ok) out.records.push({ record: r.record, original: line });
      else out.rejected.push(reject(line, r.reason));
    }
  } else {
    const header = lines.shift();
    if (header === undefined) return out;
    const names = csvCells(header);
    for (const line of lines) {
      const cells = csvCells(line);
      if (cells.length !== names.length) {
        out.rejected.push(reject(line, `CSV row has ${cells.length} cells, the header ${names.length}`));
        continue;
      }
      const record: Record<string, unknown> = {};
      names.forEach((n, i) => {
        if (cells[i] !== '') record[n] = cells[i];
      });
      out.records.push({ record, original: line });
    }
  }
  return out;
}
