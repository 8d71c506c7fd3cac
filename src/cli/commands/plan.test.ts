import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTarget } from '../../testing/database.ts';
import { runCli } from '../main.ts';

// The real `qalxan` program in process, on its own new database (a PGlite folder, or a new
// server database when DATABASE_URL is set), capturing what it writes.
let dataDir: string;
let drop: () => Promise<void>;
const saved = { dir: process.env.QALXAN_DATA_DIR, url: process.env.DATABASE_URL };

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'qalxan-plan-cli-'));
  const fresh = await freshTarget();
  drop = fresh.drop;
  process.env.QALXAN_DATA_DIR = dataDir;
  if (fresh.target.databaseUrl) process.env.DATABASE_URL = fresh.target.databaseUrl;
});
afterAll(async () => {
  for (const [name, value] of [['QALXAN_DATA_DIR', saved.dir], ['DATABASE_URL', saved.url]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ow = process.stdout.write.bind(process.stdout);
  const ew = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    return { code: await runCli(args), out, err };
  } finally {
    process.stdout.write = ow;
    process.stderr.write = ew;
    process.exitCode = undefined;
  }
}

describe('qalxan plan export', () => {
  it('writes the whole plan as JSON: ids, parents, kinds, agencies, periods, indicators in az and en, status', async () => {
    const { code, out, err } = await run(['plan', 'export', '--format', 'json']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const plan = JSON.parse(out);
    const kinds = plan.items.reduce((n: Record<string, number>, i: { kind: string }) => ({ ...n, [i.kind]: (n[i.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ priority: 9, goal: 16, measure: 56 });
    expect(plan.items.find((i: { id: string }) => i.id === '8.2.1')).toMatchObject({ parent: '8.2', kind: 'goal' });
    const measure = plan.items.find((i: { id: string }) => i.id === '8.1.1.1');
    expect(measure).toMatchObject({
      parent: '8.1.1', kind: 'measure', lead: ['XRİTDX'], coExecutors: [{ acronym: 'DTX', recommended: false }, { acronym: 'RİNN', recommended: false }, { acronym: 'DİN', recommended: false }, { acronym: 'MN', recommended: false }],
      periodText: '2023 – 2024', status: 'not_started', indicators: { initial: { az: 'Təhdidlərin analiz olunması', en: 'Analysis of threats', status: 'not_started' } },
    });
    expect(plan.items.some((i: { coExecutors?: { recommended: boolean }[] }) => i.coExecutors?.some((c) => c.recommended))).toBe(true);
  });

  it('writes the same plan as CSV that a spreadsheet reads back', async () => {
    const { code, out } = await run(['plan', 'export', '--format', 'csv']);
    expect(code).toBe(0);
    const sheet = await new ExcelJS.Workbook().csv.read((await import('node:stream')).Readable.from([out]));
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(1, 8)).toEqual(['id', 'parent', 'kind', 'title_az', 'title_en', 'lead', 'co_executors']);
    expect(sheet.actualRowCount).toBe(1 + 9 + 16 + 56);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === '8.1.1.1')!;
    expect(row.getCell(7).value).toBe('DTX; RİNN; DİN; MN');
    expect(String(row.getCell(4).value)).toContain('təhdidlərin kateqoriyalarını');
    expect(out.split('\r\n').filter(Boolean)).toHaveLength(1 + 81);
  });

  it('refuses an unknown format with a one-line error', async () => {
    const { code, err } = await run(['plan', 'export', '--format', 'xml']);
    expect(code).toBe(1);
    expect(err).toBe('qalxan: --format must be json or csv\n');
  });
});
