/** Risk › the register: the new-risk form, the level switch and the workflow buttons of a row. */
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

  async record(risk: { title: string; threatClass: string; ciiObject: string }): Promise<void> {
    await this.page.getByRole('button', { name: this.t.create }).click();
    const form = this.page.getByRole('region', { name: this.t.create });
    await form.getByLabel(this.t.riskTitle, { exact: true }).fill(risk.title);
    await form.getByLabel(this.t.threatClass, { exact: true }).selectOption(risk.threatClass);
    await form.getByLabel(this.t.ciiObject, { exact: true }).selectOption({ label: risk.ciiObject });
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
}
