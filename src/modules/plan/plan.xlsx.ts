/** The progress report as an XLSX workbook (exceljs): a summary sheet, priorities, agencies and measures, each column in az and en. */
import ExcelJS from 'exceljs';
import type { Bilingual } from './plan.data.ts';
import { coExecutorText, labels, statusLabels, type ProgressReport } from './plan.export.ts';

const both = (text: Bilingual): string => `${text.az} / ${text.en}`;

function header(sheet: ExcelJS.Worksheet, columns: { header: string; width: number }[]): void {
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Renders the report; resolves to the XLSX bytes. */
export async function renderXlsx(report: ProgressReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Qalxan';
  book.title = both(report.title);

  const summary = book.addWorksheet('Xülasə - Summary');
  header(summary, [{ header: 'Göstərici / Figure', width: 40 }, { header: 'Dəyər / Value', width: 50 }]);
  const t = report.dashboard.totals;
  summary.addRows([
    [both(labels.title), both(report.scope)],
    [both(labels.period), `${report.range.label} (${report.range.start} – ${report.range.end})`],
    [both(labels.asOf), report.asOf],
    [both(labels.measures), t.measures],
    [both(labels.completion), t.completion],
    [both(labels.achieved), t.achieved],
    [both(labels.inProgress), t.inProgress],
    [both(labels.notStarted), t.notStarted],
    [both(labels.overdue), t.overdue],
  ]);

  const priorities = book.addWorksheet('Prioritetlər - Priorities');
  header(priorities, [
    { header: 'ID', width: 8 }, { header: 'Prioritet (az)', width: 60 }, { header: 'Priority (en)', width: 60 },
    { header: both(labels.measures), width: 14 }, { header: both(labels.completion), width: 16 }, { header: both(labels.overdue), width: 14 },
  ]);
  for (const p of report.dashboard.priorities) priorities.addRow([p.id, p.title.az, p.title.en, p.measures, p.completion, p.overdue]);

  const agencies = book.addWorksheet('Qurumlar - Agencies');
  header(agencies, [
    { header: 'Qurum / Agency', width: 14 }, { header: 'Ad (az)', width: 60 }, { header: 'Name (en)', width: 60 },
    { header: both(labels.measures), width: 14 }, { header: both(labels.completion), width: 16 }, { header: both(labels.overdue), width: 14 },
  ]);
  for (const a of report.dashboard.agencies) agencies.addRow([a.acronym, a.name.az, a.name.en, a.measures, a.completion, a.overdue]);

  const measures = book.addWorksheet('Tədbirlər - Measures');
  header(measures, [
    { header: 'ID', width: 10 }, { header: 'Tədbir (az)', width: 60 }, { header: 'Measure (en)', width: 60 },
    { header: both(labels.lead), width: 14 }, { header: `${labels.coExecutors.az} (az)`, width: 30 }, { header: `${labels.coExecutors.en} (en)`, width: 30 },
    { header: both(labels.period), width: 14 }, { header: both(labels.deadline), width: 12 },
    { header: 'Status (az)', width: 14 }, { header: 'Status (en)', width: 14 },
    { header: `${labels.initial.az} / ${labels.initial.en}`, width: 16 }, { header: `${labels.intermediate.az} / ${labels.intermediate.en}`, width: 16 }, { header: `${labels.final.az} / ${labels.final.en}`, width: 16 },
    { header: both(labels.completion), width: 12 }, { header: both(labels.overdue), width: 10 }, { header: both(labels.reports), width: 14 },
  ]);
  for (const m of report.measures) {
    measures.addRow([
      m.id, m.title.az, m.title.en, m.lead.join(', '), coExecutorText(m, 'az'), coExecutorText(m, 'en'), m.periodText, m.deadline,
      statusLabels[m.status].az, statusLabels[m.status].en,
      both(statusLabels[m.indicators.initial.status]), both(statusLabels[m.indicators.intermediate.status]), both(statusLabels[m.indicators.final.status]),
      m.completion, m.overdue ? both(labels.yes) : '', m.reportsInPeriod,
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
