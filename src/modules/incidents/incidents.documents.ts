/** The incident report (PDF) and the periodic statistics report (XLSX), bilingual labels. */
import ExcelJS from 'exceljs';
import { createPdf } from '../../lib/pdf.ts';
import type { Metrics } from './metrics.service.ts';
import type { detail } from './work.service.ts';

type Detail = Awaited<ReturnType<typeof detail>>;
const grey = '#555555';

function line(doc: PDFKit.PDFDocument, label: string, value: unknown): void {
  doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(value == null || value === '' ? '—' : String(value));
}

/** The incident as a PDF: header with markings, facts, clocks, observables, tasks and timeline. */
export async function incidentPdf(i: Detail): Promise<Buffer> {
  const { doc, done } = createPdf({ size: 'A4', margin: 42, info: { Title: `${i.title} (TLP:${i.tlp})` } });
  doc.fillColor('#b00020').font('bold').fontSize(10).text(`TLP:${i.tlp}   PAP:${i.pap}`, { align: 'right' }).fillColor('black');
  doc.fontSize(16).text(i.title).font('body').fontSize(9).fillColor(grey).text(`İnsident hesabatı / Incident report — ${i.id}`).fillColor('black').moveDown();
  doc.fontSize(10);
  line(doc, 'Status', i.status);
  line(doc, 'Ciddilik / Severity', i.severity);
  line(doc, 'Təsnifat / Classification', i.classification ? `${i.classification.classKey} / ${i.classification.typeKey}` : null);
  line(doc, 'Mənbə / Source', i.source);
  line(doc, 'Aşkarlanıb / Detected', i.detectedAt);
  line(doc, 'Həll edilib / Resolved', i.resolvedAt);
  doc.moveDown(0.5).text(i.description || '—');
  doc.moveDown().font('bold').fontSize(12).text('SLA').font('body').fontSize(10);
  for (const [measure, c] of Object.entries(i.sla.clocks)) doc.text(`${measure}: ${c.dueAt}${c.metAt ? ` — ${c.metAt}` : ''}${c.late ? '  (LATE / GECİKİB)' : ''}`);
  doc.moveDown().font('bold').fontSize(12).text('Hesabat mərhələləri / Reporting stages').font('body').fontSize(10);
  for (const [stage, c] of Object.entries(i.reporting.clocks)) doc.text(`${stage}: ${c.dueAt}${c.metAt ? ` — ${c.metAt}` : ''}${c.late ? '  (LATE / GECİKİB)' : ''}`);
  doc.moveDown().font('bold').fontSize(12).text(`Müşahidələr / Observables (${i.observables.length})`).font('body').fontSize(9);
  for (const o of i.observables) doc.text(`${o.type}  ${o.value}  [TLP:${o.tlp}]${o.correlations.length ? `  ↔ ${o.correlations.length}` : ''}`);
  doc.moveDown().font('bold').fontSize(12).text('Tapşırıqlar / Tasks').font('body').fontSize(9);
  for (const t of i.tasks) doc.text(`${t.doneAt ? '☑' : '☐'} ${t.title}${t.dueAt ? ` (${new Date(t.dueAt).toISOString()})` : ''}`);
  doc.moveDown().font('bold').fontSize(12).text('Xronologiya / Timeline').font('body').fontSize(8);
  for (const e of i.timeline) doc.text(`${new Date(e.at).toISOString()}  ${e.actor}  ${e.action}`);
  doc.end();
  return done;
}

const dimensions = (m: Metrics) => [['Sinif / Class', m.byClass], ['Sektor / Sector', m.bySector], ['Qurum / Organisation', m.byOrganisation],
  ['Ciddilik / Severity', m.bySeverity], ['Status', m.byStatus], ['Ay / Month', m.byMonth]] as const;
const minutes = (v: number | null) => (v === null ? '—' : `${v}`);
/** A group's names for bilingual documents: one when both languages agree. */
const named = (g: { label: { az: string; en: string } }) => (g.label.az === g.label.en ? g.label.az : `${g.label.az} / ${g.label.en}`);

/** The statistics for a period as a PDF: totals, then one table per dimension. */
export async function statisticsPdf(m: Metrics): Promise<Buffer> {
  const { doc, done } = createPdf({ size: 'A4', margin: 42, info: { Title: `Qalxan incident statistics ${m.from} – ${m.to}` } });
  doc.font('bold').fontSize(16).text('İnsident statistikası / Incident statistics').font('body').fontSize(10).fillColor(grey).text(`${m.from} – ${m.to}`).fillColor('black').moveDown();
  const row = (key: string, g: Metrics['totals']) => doc.text(`${key}: ${g.count}   ✓ ${g.resolved}   MTTD ${minutes(g.mttdMinutes)}   MTTA ${minutes(g.mttaMinutes)}   MTTR ${minutes(g.mttrMinutes)} (dəq/min)`);
  row('Cəmi / Total', m.totals);
  for (const [title, groups] of dimensions(m)) {
    doc.moveDown().font('bold').fontSize(12).text(title).font('body').fontSize(9);
    for (const g of groups) row(named(g), g);
  }
  doc.end();
  return done;
}

/** The statistics for a period as a workbook: totals and one sheet per dimension. */
export async function statisticsXlsx(m: Metrics): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Qalxan';
  const period = `${m.from} – ${m.to}`;
  const sheets = [['Cəmi / Total', [{ key: period, label: { az: period, en: period }, ...m.totals }]], ...dimensions(m)] as const;
  for (const [title, groups] of sheets) {
    // Sheet names may not contain "/".
    const sheet = book.addWorksheet(title.replace(' / ', ' - '));
    sheet.columns = [
      { header: 'Açar / Key', width: 40 }, { header: 'Ad / Name (az)', width: 40 }, { header: 'Ad / Name (en)', width: 40 },
      { header: 'Say / Count', width: 12 }, { header: 'Həll / Resolved', width: 14 },
      { header: 'MTTD (dəq/min)', width: 16 }, { header: 'MTTA (dəq/min)', width: 16 }, { header: 'MTTR (dəq/min)', width: 16 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const g of groups) sheet.addRow([g.key, g.label.az, g.label.en, g.count, g.resolved, g.mttdMinutes, g.mttaMinutes, g.mttrMinutes]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
