/** Administration › Organisations: the table and the creation form. */
import type { Page } from 'playwright-core';
import { texts, type Texts } from './text.ts';

export interface NewOrganisation {
  acronym: string;
  nameAz: string;
  nameEn: string;
  kind: string;
  /** The sector's name as the form offers it. */
  sector: string;
}

export class OrganisationsPage {
  constructor(
    private readonly page: Page,
    private readonly t: Texts = texts.az,
  ) {}

  table() {
    return this.page.getByRole('table', { name: this.t.organisations.title });
  }

  /** The acronyms in the table, in order. */
  async acronyms(): Promise<string[]> {
    await this.table().waitFor();
    return this.table().getByRole('rowheader').allInnerTexts();
  }

  /** The cells of an organisation's row, after its acronym. */
  async cells(acronym: string): Promise<string[]> {
    return this.table().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: acronym, exact: true }) }).getByRole('cell').allInnerTexts();
  }

  async create(org: NewOrganisation): Promise<void> {
    await this.page.getByRole('button', { name: this.t.organisations.create }).click();
    const form = this.page.getByRole('region', { name: this.t.organisations.create });
    await form.getByLabel(this.t.organisations.acronym, { exact: true }).fill(org.acronym);
    await form.getByLabel(this.t.organisations.nameAz, { exact: true }).fill(org.nameAz);
    await form.getByLabel(this.t.organisations.nameEn, { exact: true }).fill(org.nameEn);
    await form.getByLabel(this.t.organisations.kind, { exact: true }).selectOption(org.kind);
    await form.getByLabel(this.t.organisations.sector, { exact: true }).selectOption({ label: org.sector });
    await form.getByRole('button', { name: this.t.common.save }).click();
    await this.table().getByRole('rowheader', { name: org.acronym, exact: true }).waitFor();
  }
}
