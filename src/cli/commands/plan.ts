/**
 * `qalxan plan export --format json|csv`: the whole action plan with its current status on
 * standard output, for spreadsheets and other systems. Opening the database loads the plan's
 * data file first, so a fresh installation exports the full plan.
 */
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { fail } from '../../lib/errors.ts';
import { createLogger } from '../../lib/logger.ts';
import * as plan from '../../modules/plan/plan.service.ts';
import { stages } from '../../modules/plan/plan.tables.ts';
import { openAndPrepare } from '../../server.ts';

const csvColumns = [
  'id', 'parent', 'kind', 'title_az', 'title_en', 'lead', 'co_executors', 'period', 'deadline',
  ...stages.flatMap((s) => [`${s}_az`, `${s}_en`, `${s}_status`]), 'status', 'completion', 'overdue',
];

/** RFC 4180: quote a field that holds a comma, quote or line break. */
function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(row: plan.ExportRow): string {
  const m = row.measure;
  const co = m ? [...m.coExecutors.map((c) => (c.recommended ? `${c.acronym} (recommended)` : c.acronym)), ...m.otherExecutors.map((o) => o.en)].join('; ') : '';
  const fields = [
    row.id, row.parent, row.kind, row.title.az, row.title.en, m?.lead.join('; ') ?? '', co, m?.periodText ?? '', m?.deadline ?? '',
    ...stages.flatMap((s) => (m ? [m.indicators[s].text.az, m.indicators[s].text.en, m.indicators[s].status] : ['', '', ''])),
    m?.status ?? '', m?.completion ?? '', m ? m.overdue : '',
  ];
  return fields.map(csvField).join(',');
}

function jsonItem(row: plan.ExportRow): Record<string, unknown> {
  const m = row.measure;
  if (!m) return { id: row.id, parent: row.parent, kind: row.kind, title: row.title };
  return {
    id: row.id, parent: row.parent, kind: row.kind, title: row.title, lead: m.lead, coExecutors: m.coExecutors, otherExecutors: m.otherExecutors,
    period: m.period, periodText: m.periodText, deadline: m.deadline,
    indicators: Object.fromEntries(stages.map((s) => [s, { ...m.indicators[s].text, status: m.indicators[s].status }])),
    status: m.status, completion: m.completion, overdue: m.overdue,
  };
}

export function register(program: Command): void {
  program.command('plan').description("The strategy's action plan").command('export')
    .description('Write the whole plan (items, agencies, periods, indicators, status) to standard output')
    .option('--format <format>', 'json or csv', 'json')
    .action(async (o: { format: string }) => {
      if (o.format !== 'json' && o.format !== 'csv') throw fail.validation('--format must be json or csv');
      // Logs would go to standard output, mixed into the export; failures still reach stderr as errors.
      const db = await openAndPrepare(loadConfig(), createLogger('silent'));
      try {
        const { version, asOf, rows } = await plan.exportRows(db);
        if (o.format === 'json') process.stdout.write(`${JSON.stringify({ version, asOf, items: rows.map(jsonItem) }, null, 2)}\n`);
        else process.stdout.write(`${[csvColumns.join(','), ...rows.map(csvLine)].join('\r\n')}\r\n`);
      } finally {
        await db.destroy();
      }
    });
}
