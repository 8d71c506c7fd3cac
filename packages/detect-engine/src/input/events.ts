import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { flattenWindowsEvent } from './flatten.ts';

/** One input record: an event with its 1-based line, or a line that could not be read. */
export type InputRecord = { line: number; event: Record<string, unknown>; bytes: number } | { line: number; error: string; bytes: number };

/** Input formats `hunt` understands; `auto` decides from the extension and the first character. */
export type InputFormat = 'auto' | 'ndjson' | 'json' | 'csv' | 'xml';

function sniff(file: string): Exclude<InputFormat, 'auto'> {
  const ext = file.toLowerCase().split('.').pop();
  if (ext === 'csv') return 'csv';
  if (ext === 'xml') return 'xml';
  const fd = readFileSync(file, { encoding: 'utf8', flag: 'r' }).slice(0, 4096).trimStart();
  if (fd.startsWith('<')) return 'xml';
  if (fd.startsWith('[')) return 'json';
  if (ext === 'json' && fd.startsWith('{') && !/}\s*\n\s*{/.test(fd)) return 'json';
  return 'ndjson';
}

/**
 * Reads events from a file: NDJSON (streamed, so files of any size), a JSON array or object,
 * CSV with a header row, or Windows event XML (wevtutil / Get-WinEvent exports). evtx_dump's
 * nested JSON is flattened. Malformed records are yielded as errors with their line, never thrown.
 */
export async function* readEvents(file: string, format: InputFormat = 'auto'): AsyncGenerator<InputRecord> {
  const f = format === 'auto' ? sniff(file) : format;
  if (f === 'ndjson') yield* readNdjson(file);
  else if (f === 'csv') yield* readCsv(file);
  else if (f === 'xml') yield* readXml(readFileSync(file, 'utf8'));
  else yield* readJson(readFileSync(file, 'utf8'));
}

function asEvent(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? flattenWindowsEvent(v as Record<string, unknown>) : null;
}

async function* readNdjson(file: string): AsyncGenerator<InputRecord> {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) {
    line++;
    const bytes = text.length + 1;
    if (text.trim() === '') continue;
    try {
      const ev = asEvent(JSON.parse(text));
      yield ev ? { line, event: ev, bytes } : { line, error: 'not a JSON object', bytes };
    } catch (e) {
      yield { line, error: (e as Error).message, bytes };
    }
  }
}

/** A JSON array (or `{records|events|Events: [...]}`); each element's line is where it starts. */
function* readJson(text: string): Generator<InputRecord> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    yield { line: 1, error: (e as Error).message, bytes: text.length };
    return;
  }
  const o = doc as Record<string, unknown>;
  const items = Array.isArray(doc) ? doc : Array.isArray(o.records) ? o.records : Array.isArray(o.events) ? o.events : Array.isArray(o.Events) ? o.Events : [doc];
  const lines = elementLines(text);
  for (let i = 0; i < items.length; i++) {
    const line = lines[i] ?? 1;
    const ev = asEvent(items[i]);
    yield ev ? { line, event: ev, bytes: text.length / items.length } : { line, error: 'not a JSON object', bytes: 0 };
  }
}

/** Line numbers at which the elements of the first top-level array begin. */
function elementLines(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let line = 1;
  let inStr = false;
  let expect = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
      continue;
    }
    if (expect && !/\s/.test(c) && c !== ']') {
      out.push(line);
      expect = false;
    }
    if (c === '"') inStr = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (c === '[' && depth === (text.trimStart().startsWith('[') ? 1 : 2)) expect = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === (text.trimStart().startsWith('[') ? 1 : 2)) expect = true;
  }
  return out;
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') out.push(cur), (cur = '');
    else cur += c;
  }
  out.push(cur);
  return out;
}

async function* readCsv(file: string): AsyncGenerator<InputRecord> {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header: string[] | null = null;
  let line = 0;
  for await (const text of rl) {
    line++;
    if (text.trim() === '') continue;
    const cells = splitCsv(text);
    if (!header) {
      header = cells.map((h) => h.trim().replace(/^\uFEFF/, ''));
      continue;
    }
    if (cells.length !== header.length) {
      yield { line, error: `expected ${header.length} columns, found ${cells.length}`, bytes: text.length + 1 };
      continue;
    }
    const ev: Record<string, unknown> = {};
    header.forEach((h, i) => (ev[h] = /^-?\d+$/.test(cells[i]) && cells[i].length < 16 ? Number(cells[i]) : cells[i]));
    yield { line, event: ev, bytes: text.length + 1 };
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()]));

/** Windows event XML: System children by name (attributes too), EventData `<Data Name=…>` leaves. */
function* readXml(text: string): Generator<InputRecord> {
  const re = /<Event[\s>][\s\S]*?<\/Event>/g;
  for (const m of text.matchAll(re)) {
    const line = text.slice(0, m.index).split('\n').length;
    const x = m[0];
    const ev: Record<string, unknown> = {};
    const sys = /<System>([\s\S]*?)<\/System>/.exec(x)?.[1] ?? '';
    for (const t of sys.matchAll(/<(\w+)([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
      const [, tag, attrs, body] = t;
      if (body !== undefined && body.trim() !== '') ev[tag] = /^\d+$/.test(body) ? Number(body) : unescape(body);
      for (const a of attrs.matchAll(/(\w+)=['"]([^'"]*)['"]/g)) ev[tag === 'Provider' && a[1] === 'Name' ? 'Provider_Name' : a[1]] = unescape(a[2]);
    }
    for (const d of x.matchAll(/<Data Name=['"]([^'"]+)['"]\s*(?:\/>|>([\s\S]*?)<\/Data>)/g)) ev[d[1]] = unescape(d[2] ?? '');
    if (ev.EventID === undefined) yield { line, error: 'event without EventID', bytes: x.length };
    else yield { line, event: ev, bytes: x.length };
  }
}
