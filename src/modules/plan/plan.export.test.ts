import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFixture, reportBody, type PlanFixture } from './plan.fixtures.ts';

let f: PlanFixture;
beforeAll(async () => {
  f = await planFixture();
  const report = await f.operator.request('POST', '/api/plan/measures/8.1.1.1/reports', reportBody({ date: '2025-05-10', percent: 40 }));
  await f.coordinator.request('POST', `/api/plan/reports/${report.json().id}/decision`, { decision: 'accept' });
});
afterAll(async () => f.ctx.close());

/** The decompressed content of every stream in a PDF. */
function pdfStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', at);
    if (start < 0) return out;
    const end = pdf.indexOf('\nendstream', start);
    const body = pdf.subarray(start + 7, end);
    try {
      out.push(inflateSync(body).toString('latin1'));
    } catch {
      out.push(body.toString('latin1'));
    }
    at = end + 10;
  }
}

async function workbook(url: string): Promise<ExcelJS.Workbook> {
  const response = await f.operator.request('GET', url);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return book;
}

describe('progress report files', () => {
  it('renders the national report as a PDF with pages and an embedded font that has the Azerbaijani letters', async () => {
    const response = await f.operator.request('GET', '/api/plan/progress-report?format=pdf');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('qalxan-plan-national-2023');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(5);
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans/);
    const unicode = pdfStreams(pdf).filter((s) => s.includes('beginbfchar') || s.includes('beginbfrange')).join('\n').toLowerCase();
    for (const letter of ['ə', 'ğ', 'ı', 'ö', 'ü', 'ş', 'ç']) expect(unicode, letter).toContain(letter.codePointAt(0)!.toString(16).padStart(4, '0'));
  });

  it('renders the national report as an XLSX workbook with every measure, in both languages', async () => {
    const book = await workbook('/api/plan/progress-report?format=xlsx');
    expect(book.worksheets.map((w) => w.name)).toEqual(['Xülasə - Summary', 'Prioritetlər - Priorities', 'Qurumlar - Agencies', 'Tədbirlər - Measures']);
    const measures = book.getWorksheet('Tədbirlər - Measures')!;
    expect(measures.rowCount).toBe(1 + 56);
    expect(measures.getRow(1).getCell(2).value).toBe('Tədbir (az)');
    expect(measures.getRow(1).getCell(3).value).toBe('Measure (en)');
    const first = measures.getRow(2);
    expect(first.getCell(1).value).toBe('8.1.1.1');
    expect(String(first.getCell(2).value)).toContain('təhdidlərin kateqoriyalarını');
    expect(first.getCell(9).value).toBe('İcradadır');
    expect(first.getCell(10).value).toBe('In progress');
    expect(first.getCell(14).value).toBe(40);
    const priorities = book.getWorksheet('Prioritetlər - Priorities')!;
    expect(priorities.rowCount).toBe(1 + 9);
    expect(Number(priorities.getRow(2).getCell(5).value)).toBeGreaterThan(0);
  });

  it("limits an agency's report for a chosen period to its measures scheduled then, counting reports accepted in it", async () => {
    const book = await workbook(`/api/plan/progress-report?format=xlsx&organisationId=${f.agency.XRİTDX}&period=2025`);
    const summary = book.getWorksheet('Xülasə - Summary')!;
    expect(String(summary.getRow(2).getCell(2).value)).toMatch(/^XRİTDX — /);
    expect(String(summary.getRow(3).getCell(2).value)).toBe('2025 (2025-01-01 – 2025-12-31)');
    const rows = book.getWorksheet('Tədbirlər - Measures')!.getRows(2, 200)!.filter((r) => r.getCell(1).value);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => String(r.getCell(4).value).includes('XRİTDX') || String(r.getCell(5).value).includes('XRİTDX'))).toBe(true);
    expect(rows.find((r) => r.getCell(1).value === '8.1.1.1')).toBeUndefined();
    const inPeriod = rows.reduce((sum, r) => sum + Number(r.getCell(16).value), 0);
    expect(inPeriod).toBe(0);
    expect(book.getWorksheet('Qurumlar - Agencies')!.getRow(2).getCell(1).value).toBe('XRİTDX');
  });

  it('shows a past period as it stood at its end: a report accepted since does not count there', async () => {
    // 8.1.1.1 (2023–2024) has a report accepted today: in progress at 40 % now, untouched at the end of 2024.
    const row = async (period: string) => {
      const measures = (await workbook(`/api/plan/progress-report?format=xlsx${period}`)).getWorksheet('Tədbirlər - Measures')!;
      return measures.getRows(2, 200)!.find((r) => r.getCell(1).value === '8.1.1.1')!;
    };
    const then = await row('&period=2024');
    expect([then.getCell(9).value, then.getCell(10).value, then.getCell(14).value]).toEqual(['Başlanmayıb', 'Not started', 0]);
    // The whole plan's report runs until 2027, so it stands as of today.
    const now = await row('');
    expect([now.getCell(9).value, now.getCell(10).value, now.getCell(14).value]).toEqual(['İcradadır', 'In progress', 40]);
  });

  it('refuses an unknown format or period and an organisation that executes nothing', async () => {
    expect((await f.operator.request('GET', '/api/plan/progress-report?format=docx')).statusCode).toBe(400);
    expect((await f.operator.request('GET', '/api/plan/progress-report?format=pdf&period=2030')).statusCode).toBe(400);
    expect((await f.operator.request('GET', '/api/plan/progress-report?format=pdf&organisationId=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
