/** Sharing: its tabs, the advisory form and list with reach, received warnings, and TAXII subscriptions with their sync status. */
import type { Locator, Page } from 'playwright-core';
import sharingAz from '../../web/i18n/sharing/az.json' with { type: 'json' };

export type SharingTexts = typeof sharingAz;

/** An advisory as the form takes it: both languages of each text. */
export interface AdvisoryDraft {
  title: { az: string; en: string };
  summary: { az: string; en: string };
  actions: { az: string; en: string };
  tlp: string;
  /** The sectors' names as the form offers them. */
  sectors: string[];
  products: string;
  cves: string;
}

export class SharingPage {
  constructor(
    private readonly page: Page,
    private readonly s: SharingTexts = sharingAz,
  ) {}

  async tab(name: 'collections' | 'subscriptions' | 'advisories'): Promise<void> {
    await this.page.getByRole('navigation', { name: this.s.tabs.label }).getByRole('link', { name: this.s.tabs[name], exact: true }).click();
  }

  /** Writes a draft through the form, in both languages. */
  async writeAdvisory(draft: AdvisoryDraft): Promise<void> {
    await this.page.getByRole('button', { name: this.s.advisory.create, exact: true }).click();
    const form = this.page.getByRole('form', { name: this.s.advisory.create });
    await form.getByLabel('TLP', { exact: true }).selectOption(draft.tlp);
    for (const key of ['title', 'summary', 'actions'] as const) {
      for (const lng of ['az', 'en'] as const) await form.getByLabel(`${this.s.advisory[key]} (${lng})`, { exact: true }).fill(draft[key][lng]);
    }
    await this.checkSectors(form, this.s.advisory.sectors, draft.sectors);
    await form.getByLabel(this.s.advisory.products, { exact: true }).fill(draft.products);
    await form.getByLabel(this.s.advisory.cves, { exact: true }).fill(draft.cves);
    await form.getByRole('button', { name: this.s.advisory.save }).click();
    await form.waitFor({ state: 'detached' });
  }

  private async checkSectors(form: Locator, legend: string, names: string[]): Promise<void> {
    const group = form.getByRole('group', { name: legend, exact: true });
    for (const name of names) await group.getByRole('checkbox', { name, exact: true }).check();
  }

  advisoryRow(title: string) {
    return this.page.getByRole('table', { name: this.s.advisory.list }).getByRole('row').filter({ hasText: title });
  }

  async publish(title: string): Promise<void> {
    await this.advisoryRow(title).getByRole('button', { name: this.s.advisory.publish }).click();
    await this.advisoryRow(title).getByRole('cell', { name: this.s.advisory.statuses.published, exact: true }).waitFor();
  }

  /** Opens the advisory's reach, waits for its summary line to read `summary`, and returns the cells of each warned organisation's row. */
  async reach(title: string, summary: string): Promise<{ rows: string[][] }> {
    await this.advisoryRow(title).getByRole('button', { name: this.s.advisory.reach }).click();
    return this.reachRows(this.page.getByRole('region', { name: this.s.advisory.list }), summary);
  }

  /** The same for an indicator the user's organisation warned others of; also returns its row's "opened / warned" cell. */
  async indicatorReach(name: string, summary: string): Promise<{ openedOf: string; rows: string[][] }> {
    const panel = this.page.getByRole('region', { name: this.s.warning.sent });
    const row = panel.getByRole('table', { name: this.s.warning.sent }).getByRole('row').filter({ hasText: name });
    await row.getByRole('button', { name: this.s.advisory.reach }).click();
    return { openedOf: (await row.getByRole('cell').allInnerTexts())[3], ...(await this.reachRows(panel, summary)) };
  }

  private async reachRows(panel: Locator, summary: string): Promise<{ rows: string[][] }> {
    const region = panel.getByRole('region', { name: this.s.advisory.reach });
    await region.getByText(summary, { exact: true }).waitFor();
    const rows = await region.getByRole('row').all();
    return { rows: await Promise.all(rows.slice(1).map((r) => r.getByRole('cell').allInnerTexts())) };
  }

  warningRow(title: string) {
    return this.page.getByRole('table', { name: this.s.advisory.warnings }).getByRole('row').filter({ hasText: title });
  }

  /** A received warning's cells, once the list shows it. */
  async warning(title: string): Promise<string[]> {
    await this.warningRow(title).waitFor();
    return this.warningRow(title).getByRole('cell').allInnerTexts();
  }

  /** Opens a received warning and returns the text of what it is about. */
  async openWarning(title: string): Promise<string> {
    await this.warningRow(title).getByRole('button', { name: this.s.advisory.open, exact: true }).click();
    const article = this.page.getByRole('article', { name: title });
    await article.waitFor();
    return article.innerText();
  }

  /** Sets the early-warning profile of the user's (first) organisation and waits for the confirmation. */
  async saveProfile(sectors: string[], keywords: string): Promise<void> {
    const form = this.page.getByRole('form', { name: this.s.profile.title });
    await this.checkSectors(form, this.s.profile.sectors, sectors);
    await form.getByLabel(this.s.profile.keywords, { exact: true }).fill(keywords);
    await form.getByRole('button', { name: this.s.profile.save }).click();
    await form.getByRole('status').filter({ hasText: this.s.profile.saved }).waitFor();
  }

  /** The profile as the form shows it, once loaded: the names of the chosen sectors, and the keywords. */
  async profile(): Promise<[string[], string]> {
    const form = this.page.getByRole('form', { name: this.s.profile.title });
    const chosen = form.getByRole('group', { name: this.s.profile.sectors, exact: true }).locator('label').filter({ has: this.page.getByRole('checkbox', { checked: true }) });
    await chosen.first().waitFor();
    return [(await chosen.allInnerTexts()).map((name) => name.trim()), await form.getByLabel(this.s.profile.keywords, { exact: true }).inputValue()];
  }

  /** A subscription's row: its cells (name, remote, status with any error, last run, objects imported). */
  async subscription(name: string): Promise<string[]> {
    const row = this.page.getByRole('table').getByRole('row').filter({ hasText: name });
    await row.waitFor();
    return row.getByRole('cell').allInnerTexts();
  }
}
