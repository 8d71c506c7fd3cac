/**
 * The progress report as PDF (pdfkit), with DejaVu Sans embedded for the Azerbaijani letters
 * (src/lib/pdf.ts).
 */
import { createPdf } from '../../lib/pdf.ts';
import type { Bilingual } from './plan.data.ts';
import { coExecutorText, labels, statusLabels, type ProgressReport } from './plan.export.ts';
import { stages } from './plan.tables.ts';

const both = (text: Bilingual): string => `${text.az} / ${text.en}`;
const grey = '#555555';

/** Renders the report; resolves to the PDF bytes. */
export async function renderPdf(report: ProgressReport): Promise<Buffer> {
  const { doc, done } = createPdf({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: both(report.title), Subject: both(report.scope) } });

  doc.font('bold').fontSize(16).text(report.title.az).font('body').fontSize(12).fillColor(grey).text(report.title.en).fillColor('black');
  doc.moveDown(0.5).font('bold').fontSize(12).text(both(report.scope));
  doc.font('body').fontSize(10).text(`${both(labels.period)}: ${report.range.label} (${report.range.start} – ${report.range.end})   ${both(labels.asOf)}: ${report.asOf}`);
  const t = report.dashboard.totals;
  doc.moveDown(0.5).text([
    `${both(labels.measures)}: ${t.measures}`, `${both(labels.completion)}: ${t.completion}`, `${both(labels.achieved)}: ${t.achieved}`,
    `${both(labels.inProgress)}: ${t.inProgress}`, `${both(labels.notStarted)}: ${t.notStarted}`, `${both(labels.overdue)}: ${t.overdue}`,
  ].join('   '));

  doc.moveDown().font('bold').fontSize(12).text(both(labels.priority));
  doc.font('body').fontSize(9);
  for (const p of report.dashboard.priorities.filter((x) => x.measures > 0)) {
    doc.text(`${p.id}  ${p.title.az}`, { continued: false });
    doc.fillColor(grey).text(`      ${p.title.en}`).fillColor('black');
    doc.text(`      ${both(labels.measures)}: ${p.measures}   ${both(labels.completion)}: ${p.completion}   ${both(labels.overdue)}: ${p.overdue}`);
  }

  doc.addPage().font('bold').fontSize(12).text(both(labels.measures));
  for (const m of report.measures) {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.moveDown(0.6).font('bold').fontSize(10).text(`${m.id}  ${m.title.az}`);
    doc.font('body').fontSize(9).fillColor(grey).text(m.title.en).fillColor('black');
    doc.text(`${both(labels.lead)}: ${m.lead.join(', ')}   ${labels.coExecutors.az}: ${coExecutorText(m, 'az') || '—'}   ${labels.coExecutors.en}: ${coExecutorText(m, 'en') || '—'}`);
    doc.text(`${both(labels.period)}: ${m.periodText}   ${both(labels.deadline)}: ${m.deadline}   ${both(labels.status)}: ${both(statusLabels[m.status])}   ${both(labels.completion)}: ${m.completion}   ${both(labels.reports)}: ${m.reportsInPeriod}${m.overdue ? `   ${both(labels.overdue).toUpperCase()}` : ''}`);
    for (const stage of stages) {
      const indicator = m.indicators[stage];
      doc.text(`• ${both(labels[stage])} [${both(statusLabels[indicator.status])}]: ${indicator.text.az}`, { indent: 10 });
      doc.fillColor(grey).text(indicator.text.en, { indent: 22 }).fillColor('black');
    }
  }
  doc.end();
  return done;
}
