/**
 * Risk › the register: the new-risk form, the level switch, the workflow buttons of a row,
 * import with its report, and a risk opened for editing, acceptance and co-executors.
 */
import type { Page } from 'playwright-core';
import az from '../../web/i18n/risk/az.json' with { type: 'json' };
import { texts } from './text.ts';

export class RiskRegisterPage {
  readonly t = az;

  constructor(private readonly page: Page) {}

  table() {
    return this.page.getByRole('table', { name: this.t.register });
  }

  row(title: string) {
    return this.table().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: title, exact: true }) });
  }

  async record(risk: { title: string; threatClass: string; ciiObject: string; sector: string }): Promise<void> {
    await this.page.getByRole('button', { name: this.t.create }).click();
    const form = this.page.getByRole('region', { name: this.t.create });
    await form.getByLabel(this.t.riskTitle, { exact: true }).fill(risk.title);
    await form.getByLabel(this.t.threatClass, { exact: true }).selectOption(risk.threatClass);
    await form.getByLabel(this.t.ciiObject, { exact: true }).selectOption({ label: risk.ciiObject });
    await form.getByLabel(this.t.sector, { exact: true }).selectOption({ label: risk.sector });
    await form.getByLabel(this.t.likelihood, { exact: true }).selectOption('4');
    await form.getByLabel(this.t.impacts.economy, { exact: true }).selectOption('5');
    await form.getByRole('button', { name: texts.az.common.save }).click();
    await this.row(risk.title).waitFor();
  }

  async showLevel(level: 'organisation' | 'national'): Promise<void> {
    await this.page.getByRole('group', { name: this.t.filters }).getByLabel(this.t.level, { exact: true }).selectOption(level);
  }

  /** Presses a workflow button in the risk's row and waits for the row's new state. */
  async press(title: string, button: string, expectedState: string): Promise<void> {
    await this.row(title).getByRole('button', { name: button }).click();
    await this.row(title).getByRole('cell', { name: expectedState, exact: true }).waitFor();
  }

  /** Uploads a file through the import panel; resolves to the report's rows (line, problem) or [] when it was imported. */
  async importFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<{ line: string; problem: string }[]> {
    const panel = this.page.getByRole('region', { name: this.t.transfer.import });
    if (!(await panel.isVisible())) await this.page.getByRole('button', { name: this.t.transfer.import, exact: true }).click();
    await panel.getByLabel(this.t.transfer.file, { exact: true }).setInputFiles(file);
    await panel.getByRole('button', { name: this.t.transfer.import, exact: true }).click();
    const report = panel.getByRole('table', { name: this.t.transfer.report });
    const done = panel.getByRole('status');
    await report.or(done).first().waitFor();
    if (!(await report.isVisible())) return [];
    const rows = await report.locator('tbody tr').all();
    return Promise.all(rows.map(async (r) => ({ line: (await r.locator('td').nth(0).innerText()).trim(), problem: (await r.locator('td').nth(1).innerText()).trim() })));
  }

  exportLink(format: 'CSV' | 'XLSX' | 'JSON') {
    return this.page.getByRole('group', { name: this.t.transfer.export }).getByRole('link', { name: this.t.transfer.exportAs.replace('{{format}}', format) });
  }

  /** Opens a risk from its row; resolves to its panel. */
  async open(title: string) {
    await this.row(title).getByRole('button', { name: this.t.openRisk, exact: true }).click();
    const panel = this.page.getByRole('region', { name: this.t.detail.title.replace('{{title}}', title) });
    await panel.waitFor();
    return panel;
  }

  /** Adds a treatment action to an opened risk and saves it. */
  async addAction(title: string, action: { title: string; dueDate: string; cost: string; done: boolean }): Promise<void> {
    const form = (await this.open(title)).getByRole('form', { name: this.t.detail.edit });
    await form.getByRole('button', { name: this.t.detail.addAction }).click();
    const item = form.getByRole('group', { name: new RegExp(`^${this.t.detail.actionN.replace('{{n}}', '\\d+')}$`) }).last();
    await item.getByLabel(this.t.detail.actionTitle, { exact: true }).fill(action.title);
    await item.getByLabel(this.t.detail.dueDate, { exact: true }).fill(action.dueDate);
    await item.getByLabel(this.t.detail.cost, { exact: true }).fill(action.cost);
    if (action.done) await item.getByLabel(this.t.detail.done, { exact: true }).check();
    await form.getByRole('button', { name: texts.az.common.save }).click();
  }

  /** Names a national draft's co-executors by acronym; resolves to the panel's text about them. */
  async nameCoExecutors(title: string, acronyms: string): Promise<string> {
    const form = (await this.open(title)).getByRole('form', { name: this.t.coExecutors.title });
    await form.getByLabel(this.t.coExecutors.acronyms, { exact: true }).fill(acronyms);
    await form.getByRole('button', { name: this.t.coExecutors.save }).click();
    const expected = acronyms.trim() ? this.t.coExecutors.named.replace('{{list}}', acronyms) : this.t.coExecutors.none;
    await form.getByText(expected, { exact: true }).waitFor();
    return expected;
  }

  /** Accepts an opened risk until a date; resolves to the acceptance shown. */
  async accept(title: string, expiresOn: string, note: string): Promise<string> {
    const form = (await this.open(title)).getByRole('form', { name: this.t.acceptance.title });
    await form.getByLabel(this.t.acceptance.expiresOn, { exact: true }).fill(expiresOn);
    await form.getByLabel(this.t.acceptance.note, { exact: true }).fill(note);
    await form.getByRole('button', { name: this.t.acceptance.accept }).click();
    const shown = this.page.getByRole('form', { name: this.t.acceptance.title }).getByRole('status');
    await shown.waitFor();
    return shown.innerText();
  }
}
