/** Risk › threat taxonomy: the classes table, a coordinator's class form and a class's versions. */
import type { Page } from 'playwright-core';
import az from '../../web/i18n/risk/az.json' with { type: 'json' };
import { texts } from './text.ts';

/** A class as the form asks for it; `category` is the category's Azerbaijani name. */
interface NewClass {
  key: string;
  category: string;
  az: string;
  en: string;
  attack: string;
}

export class ThreatTaxonomyPage {
  readonly t = az;

  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: this.t.tabs.label }).getByRole('link', { name: this.t.tabs.taxonomy, exact: true }).click();
    await this.table().locator('tbody tr').first().waitFor();
  }

  table() {
    return this.page.getByRole('table', { name: this.t.taxonomy.classes });
  }

  /** A class's row, found by its name in the interface's language. */
  row(name: string) {
    return this.table().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  addButton() {
    return this.page.getByRole('button', { name: this.t.taxonomy.add, exact: true });
  }

  async add(item: NewClass): Promise<void> {
    await this.submitNew(item);
    await this.row(item.az).waitFor();
  }

  /** Submits a class the server refuses; resolves to the alert the form shows, and leaves the form. */
  async addRefused(item: NewClass): Promise<string> {
    const form = await this.submitNew(item);
    const text = await form.getByRole('alert').innerText();
    await form.getByRole('button', { name: texts.az.common.cancel }).click();
    return text;
  }

  private async submitNew(item: NewClass) {
    await this.addButton().click();
    const form = this.page.getByRole('region', { name: this.t.taxonomy.add });
    await form.getByLabel(this.t.taxonomy.key, { exact: true }).fill(item.key);
    await form.getByLabel(this.t.taxonomy.category, { exact: true }).selectOption({ label: item.category });
    await this.fillNames(form, item);
    await form.getByLabel(this.t.taxonomy.attack, { exact: true }).fill(item.attack);
    await form.getByRole('button', { name: this.t.taxonomy.add }).click();
    return form;
  }

  /** Renames a coordinator's class (found by its current Azerbaijani name). */
  async rename(current: string, next: { az: string; en: string }): Promise<void> {
    await this.row(current).getByRole('button', { name: this.t.taxonomy.edit, exact: true }).click();
    const form = this.page.getByRole('region', { name: this.t.taxonomy.editing.replace('{{name}}', current) });
    await this.fillNames(form, next);
    await form.getByRole('button', { name: texts.az.common.save }).click();
    await this.row(next.az).waitFor();
  }

  /** Opens a class's versions; resolves to each version's number and Azerbaijani name, oldest first. */
  async versions(name: string, key: string): Promise<{ version: string; az: string }[]> {
    await this.row(name).getByRole('button', { name: this.t.taxonomy.versions, exact: true }).click();
    const table = this.page.getByRole('table', { name: this.t.taxonomy.versionsOf.replace('{{key}}', key) });
    await table.locator('tbody tr').first().waitFor();
    const rows = await table.locator('tbody tr').all();
    return Promise.all(rows.map(async (row) => ({ version: await row.getByRole('rowheader').innerText(), az: await row.getByRole('cell').first().innerText() })));
  }

  private async fillNames(form: ReturnType<Page['getByRole']>, names: { az: string; en: string }): Promise<void> {
    await form.getByLabel(this.t.taxonomy.nameAz, { exact: true }).fill(names.az);
    await form.getByLabel(this.t.taxonomy.nameEn, { exact: true }).fill(names.en);
  }
}
