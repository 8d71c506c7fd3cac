/** The incidents module: open alerts, the list, one incident's page (classification, clocks, observables, moves) and the metrics tab. */
import type { Page } from 'playwright-core';
import incidentsAz from '../../web/i18n/incidents/az.json' with { type: 'json' };

export type IncidentsTexts = typeof incidentsAz;

export class IncidentsPage {
  constructor(
    private readonly page: Page,
    private readonly i: IncidentsTexts = incidentsAz,
  ) {}

  async tab(name: 'list' | 'metrics'): Promise<void> {
    await this.page.getByRole('navigation', { name: this.i.tabs.label }).getByRole('link', { name: this.i.tabs[name], exact: true }).click();
  }

  /** Turns the open alert of a rule on a host into an incident and waits for its page. */
  async promoteAlert(rule: string, host: string): Promise<void> {
    const name = this.i.alerts.promoteOne.replace('{{rule}}', rule).replace('{{host}}', host);
    await this.page.getByRole('button', { name }).click();
    await this.page.getByRole('article', { name: rule }).waitFor();
  }

  /** The titles of the incidents an observable's row links to. */
  async correlations(value: string): Promise<string[]> {
    const row = this.page.getByRole('table', { name: this.i.observables.title }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: value, exact: true }) });
    await row.waitFor();
    return row.getByRole('link').allInnerTexts();
  }

  async classify(className: string, typeName: string): Promise<void> {
    const form = this.page.getByRole('form', { name: this.i.classification.title });
    await form.getByLabel(this.i.classification.class, { exact: true }).selectOption({ label: className });
    await form.getByLabel(this.i.classification.type, { exact: true }).selectOption({ label: typeName });
    await form.getByRole('button', { name: this.i.classification.save }).click();
  }

  classification() {
    return this.page.getByTestId('incident-classification');
  }

  status() {
    return this.page.getByTestId('incident-status');
  }

  /** The SLA timer row of a measure: its cells (due, time left, state). */
  async slaTimer(measure: 'acknowledge' | 'contain' | 'resolve'): Promise<string[]> {
    const row = this.page.getByRole('table', { name: this.i.clocks.sla }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: this.i.clocks[measure], exact: true }) });
    await row.waitFor();
    return row.getByRole('cell').allInnerTexts();
  }

  /** Fills the next reporting stage's form (texts by field key) and submits it. */
  async submitStage(stage: keyof IncidentsTexts['clocks'], texts: Partial<Record<keyof IncidentsTexts['reporting']['fields'], string>>): Promise<void> {
    const form = this.page.getByRole('form', { name: this.i.reporting.form.replace('{{stage}}', this.i.clocks[stage]) });
    for (const [key, value] of Object.entries(texts)) await form.getByLabel(this.i.reporting.fields[key as keyof IncidentsTexts['reporting']['fields']], { exact: true }).fill(value!);
    await form.getByRole('button', { name: this.i.reporting.submit }).click();
    await form.waitFor({ state: 'detached' });
  }

  /** The reporting clock row of a stage: its cells (due, time left, state). */
  async reportingClock(stage: 'early_warning' | 'notification' | 'final'): Promise<string[]> {
    const row = this.page.getByRole('table', { name: this.i.clocks.reporting }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: this.i.clocks[stage], exact: true }) });
    await row.waitFor();
    return row.getByRole('cell').allInnerTexts();
  }

  async moveTo(status: keyof IncidentsTexts['status']): Promise<void> {
    await this.page.getByRole('group', { name: this.i.moves.label }).getByRole('button', { name: this.i.moves.to.replace('{{status}}', this.i.status[status]), exact: true }).click();
    await this.page.getByTestId('incident-status').filter({ hasText: this.i.status[status] }).waitFor();
  }

  /** A row of a metrics table (by class: the class key; by sector: the sector's name): count and resolved. */
  async figures(table: 'byClassTable' | 'bySectorTable', key: string): Promise<{ count: string; resolved: string }> {
    const row = this.page.getByRole('table', { name: this.i.metrics[table] }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: key, exact: true }) });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    return { count: cells[0], resolved: cells[1] };
  }
}

/** The public report form at /report-incident (no account; the page solves the proof of work). */
export class PublicReportPage {
  constructor(private readonly page: Page) {}

  /** Fills and sends the form; resolves to the confirmation text. */
  async report(input: { name: string; email: string; title: string; description: string }): Promise<string> {
    await this.page.goto('/report-incident');
    const form = this.page.getByRole('form', { name: 'İnsident bildirin' });
    await form.getByLabel('Adınız / Your name').fill(input.name);
    await form.getByLabel('E-poçt / E-mail').fill(input.email);
    await form.getByLabel('Başlıq / Title').fill(input.title);
    await form.getByLabel('Nə baş verib? / What happened?').fill(input.description);
    await form.getByRole('button', { name: 'Göndər / Send' }).click();
    const status = this.page.getByRole('status').filter({ hasText: /Qəbul edildi|Göndərilmədi/ });
    await status.waitFor();
    return status.innerText();
  }
}
