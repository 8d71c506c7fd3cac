/**
 * Moving a register in and out of spreadsheets: CSV, XLSX or JSON, all-or-nothing per file.
 * Every row is checked first (schema, threat class, scales); any problem rejects the whole file
 * with a report naming the line (for XLSX, the row number the spreadsheet shows), so nothing is
 * half-imported. XLSX uses the CSV's columns on its first worksheet.
 */
import Ajv from 'ajv';
import ExcelJS from 'exceljs';
import addFormats from 'ajv-formats';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../identity/identity.policy.ts';
import { assertSectors } from '../identity/sectors.service.ts';
import { assertKeeps } from './risk.policy.ts';
import { ImportedRisk, type RiskListQuery } from './risk.schema.ts';
import type { ImportedRisk as ImportedRiskInput } from './risk.schema.ts';
import { checkScales, create, list, type Risk } from './risk.service.ts';
import { requireClass } from './taxonomy.service.ts';

const ajv = new Ajv.default({ coerceTypes: false, allErrors: false, strict: false });
addFormats.default(ajv);
const validRow = ajv.compile(ImportedRisk);

/** The CSV columns, in order; the same header is written on export. */
export const csvColumns = [
  'title', 'threatClass', 'likelihood', 'impactPeople', 'impactEconomy', 'impactStateFunctions', 'impactOtherSectors', 'treatment',
  'residualLikelihood', 'residualImpact', 'asset', 'sector', 'vulnerability', 'controls', 'owner', 'reviewDate', 'description',
] as const;

/** Splits CSV text into rows of fields (RFC 4180 quoting), each with the line it starts on. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else { if (c === '\n') line++; field += c; }
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f !== '')) rows.push({ line: start, fields });
      fields = []; field = ''; line++; start = line;
    } else field += c;
  }
  fields.push(field);
  if (fields.some((f) => f !== '')) rows.push({ line: start, fields });
  return rows;
}

function csvRecord(header: string[], fields: string[]): Record<string, unknown> {
  const get = (name: string) => { const i = header.indexOf(name); const v = i === -1 ? '' : (fields[i] ?? '').trim(); return v === '' ? undefined : v; };
  const num = (name: string) => { const v = get(name); return v === undefined ? undefined : /^-?\d+$/.test(v) ? Number(v) : v; };
  const record: Record<string, unknown> = {
    title: get('title'), threatClass: get('threatClass'), likelihood: num('likelihood'), treatment: get('treatment'),
    impact: { people: num('impactPeople'), economy: num('impactEconomy'), stateFunctions: num('impactStateFunctions'), otherSectors: num('impactOtherSectors') },
    residualLikelihood: num('residualLikelihood'), residualImpact: num('residualImpact'), asset: get('asset'), sector: get('sector'),
    vulnerability: get('vulnerability'), controls: get('controls'), owner: get('owner'), reviewDate: get('reviewDate'), description: get('description'),
  };
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

export type ImportFormat = 'csv' | 'json' | 'xlsx';
export type ExportFormat = ImportFormat;

/** Cells missing from the header that every file must have. */
const requiredColumns = ['title', 'threatClass', 'likelihood', 'treatment'];

function headerRecords(head: { line: number; fields: string[] } | undefined, rows: { line: number; fields: string[] }[]): { line: number; record: unknown }[] {
  const header = head?.fields.map((h) => h.trim()) ?? [];
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new AppError('unprocessable', `The header lacks ${missing.join(', ')}`, { errors: [{ path: `line ${head?.line ?? 1}`, message: `missing columns: ${missing.join(', ')}` }] });
  return rows.map((r) => ({ line: r.line, record: csvRecord(header, r.fields) }));
}

/** A cell's value as the text a CSV would hold: dates as ISO dates, formulas by their result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/** The first worksheet's non-empty rows, each with the row number the spreadsheet shows. */
export async function parseXlsx(content: Buffer): Promise<{ line: number; fields: string[] }[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(content as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('unprocessable', `The file is not an XLSX workbook: ${(e as Error).message}`, { errors: [{ path: 'line 1', message: 'not an XLSX workbook' }] });
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: { line: number; fields: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const fields: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) fields.push(cellText(row.getCell(c).value));
    if (fields.some((f) => f.trim() !== '')) rows.push({ line: row.number, fields });
  });
  return rows;
}

/** The file's rows as records with their line numbers, or the reason the file cannot be read. */
async function records(format: ImportFormat, content: string): Promise<{ line: number; record: unknown }[]> {
  if (format === 'xlsx') {
    if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(content)) throw new AppError('unprocessable', 'An XLSX file must be sent base64-encoded', { errors: [{ path: 'line 1', message: 'not base64' }] });
    const [head, ...rows] = await parseXlsx(Buffer.from(content, 'base64'));
    return headerRecords(head, rows);
  }
  if (format === 'json') {
    let parsed: unknown;
    try { parsed = JSON.parse(content); } catch (e) { throw new AppError('unprocessable', `The file is not JSON: ${(e as Error).message}`, { errors: [{ path: 'line 1', message: 'not JSON' }] }); }
    if (!Array.isArray(parsed)) throw new AppError('unprocessable', 'The JSON file must be an array of risks', { errors: [{ path: 'line 1', message: 'not an array' }] });
    // JSON items are numbered by position; a formatted file's line is not stable across editors.
    return parsed.map((record, i) => ({ line: i + 1, record }));
  }
  const [head, ...rows] = parseCsv(content);
  return headerRecords(head, rows);
}

/** Imports a file into an organisation's register; on any bad row nothing is stored. */
export async function importRisks(tx: Executor, actor: Actor, input: { organisationId: string; format: ImportFormat; content: string }): Promise<{ imported: number; ids: string[] }> {
  assertKeeps(actor, input.organisationId);
  const rows = await records(input.format, input.content);
  const errors: { path: string; message: string }[] = [];
  for (const { line, record } of rows) {
    if (!validRow(record)) {
      const e = validRow.errors?.[0];
      errors.push({ path: `line ${line}`, message: `${e?.instancePath || '/'} ${e?.message ?? 'invalid'}`.trim() });
      continue;
    }
    const risk = record as ImportedRiskInput;
    const problem = await requireClass(tx, risk.threatClass).then(() => assertSectors('/sector', [risk.sector])).then(
      () => checkScales(tx, 'organisation', input.organisationId, { ...risk, residualLikelihood: risk.residualLikelihood ?? null, residualImpact: risk.residualImpact ?? null }),
    ).then(() => null, (error: unknown) => (error instanceof AppError ? error.message : String(error)));
    if (problem) errors.push({ path: `line ${line}`, message: problem });
  }
  if (rows.length === 0) errors.push({ path: 'line 1', message: 'the file has no risks' });
  if (errors.length > 0) throw new AppError('unprocessable', `Nothing imported: ${errors.length} bad row(s)`, { errors });
  const ids: string[] = [];
  for (const { record } of rows) ids.push((await create(tx, actor, { ...(record as ImportedRiskInput), organisationId: input.organisationId, level: 'organisation' })).id);
  return { imported: ids.length, ids };
}

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function exportRow(r: Risk): Record<(typeof csvColumns)[number], unknown> {
  return {
    title: r.title, threatClass: r.threatClass, likelihood: r.likelihood, impactPeople: r.impact.people, impactEconomy: r.impact.economy,
    impactStateFunctions: r.impact.stateFunctions, impactOtherSectors: r.impact.otherSectors, treatment: r.treatment,
    residualLikelihood: r.residualLikelihood, residualImpact: r.residualImpact, asset: r.asset, sector: r.sector, vulnerability: r.vulnerability,
    controls: r.controls, owner: r.owner, reviewDate: r.reviewDate, description: r.description,
  };
}

/** A register as an XLSX workbook: one sheet, the CSV's columns, levels as numbers and dates as ISO text. */
async function xlsxExport(risks: Risk[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Risks');
  sheet.columns = csvColumns.map((c) => ({ header: c, key: c, width: c === 'title' || c === 'description' ? 40 : 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of risks) {
    const row = exportRow(r);
    sheet.addRow(csvColumns.map((c) => row[c] ?? null));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A register as CSV or XLSX (the import's columns) or JSON (the API's risk objects). */
export async function exportRisks(tx: Executor, actor: Actor, query: Pick<RiskListQuery, 'level' | 'organisationId'>, format: 'xlsx'): Promise<Buffer>;
export async function exportRisks(tx: Executor, actor: Actor, query: Pick<RiskListQuery, 'level' | 'organisationId'>, format: ExportFormat): Promise<string | Buffer>;
export async function exportRisks(tx: Executor, actor: Actor, query: Pick<RiskListQuery, 'level' | 'organisationId'>, format: ExportFormat): Promise<string | Buffer> {
  const risks = await list(tx, actor, { ...query, limit: 1000 });
  if (format === 'json') return JSON.stringify(risks, null, 2);
  if (format === 'xlsx') return xlsxExport(risks);
  const lines = [csvColumns.join(','), ...risks.map((r) => { const row = exportRow(r); return csvColumns.map((c) => csvField(row[c])).join(','); })];
  return `${lines.join('\r\n')}\r\n`;
}
