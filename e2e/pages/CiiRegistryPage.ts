/** CII › objects, dependencies and the cascade analysis. */
import type { Page } from 'playwright-core';
import az from '../../web/i18n/cii/az.json' with { type: 'json' };
import { texts } from './text.ts';

export class CiiRegistryPage {
  readonly t = az;

  constructor(private readonly page: Page) {}

  async tab(name: string): Promise<void> {
    await this.page.getByRole('navigation', { name: this.t.tabs.label }).getByRole('link', { name, exact: true }).click();
  }

  async register(object: { name: string; sector: string; tolerance: string }): Promise<void> {
    await this.tab(this.t.tabs.objects);
    await this.page.getByRole('button', { name: this.t.create }).click();
    const form = this.page.getByRole('region', { name: this.t.create });
    await form.getByLabel(this.t.name, { exact: true }).fill(object.name);
    await form.getByLabel(this.t.sector, { exact: true }).fill(object.sector);
    await form.getByLabel(this.t.tolerance, { exact: true }).fill(object.tolerance);
    await form.getByRole('button', { name: texts.az.common.save }).click();
    await this.page.getByRole('table', { name: this.t.objects }).getByRole('rowheader', { name: object.name, exact: true }).waitFor();
  }

  /** `supplier` is the option text "name (OPERATOR)". */
  async addDependency(dependent: string, supplier: string, strength: 'low' | 'medium' | 'high'): Promise<void> {
    await this.tab(this.t.tabs.dependencies);
    const form = this.page.getByRole('region', { name: this.t.addDependency });
    await form.getByLabel(this.t.dependent, { exact: true }).selectOption({ label: dependent });
    await form.getByLabel(this.t.supplier, { exact: true }).selectOption({ label: supplier });
    await form.getByLabel(this.t.strength, { exact: true }).selectOption(strength);
    await form.getByRole('button', { name: this.t.addDependency }).click();
    await this.page.getByRole('table', { name: this.t.tabs.dependencies }).getByRole('cell', { name: supplier, exact: true }).waitFor();
  }

  /** Runs the cascade for failed objects (option texts) and returns the affected objects' names in order. */
  async cascade(failed: string[]): Promise<string[]> {
    await this.tab(this.t.tabs.cascade);
    await this.page.getByLabel(this.t.failedObjects, { exact: true }).selectOption(failed.map((label) => ({ label })));
    await this.page.getByRole('button', { name: this.t.runCascade }).click();
    const table = this.page.getByRole('table', { name: this.t.cascadeTable });
    await table.waitFor();
    await this.page.getByRole('img', { name: this.t.cascadeGraph }).waitFor();
    return table.getByRole('rowheader').allInnerTexts();
  }
}
