/** The action plan module: its tabs, my agency's measures with the report form, the review queue and the dashboard. */
import type { Page } from 'playwright-core';
import planAz from '../../web/i18n/plan/az.json' with { type: 'json' };
import { texts, type Texts } from './text.ts';

export type PlanTexts = typeof planAz;

export interface NewReport {
  measureId: string;
  stage: string;
  stageStatus: string;
  textAz: string;
  textEn: string;
  percent: number;
  evidence: { name: string; mimeType: string; buffer: Buffer };
}

export class PlanPage {
  constructor(
    private readonly page: Page,
    private readonly t: Texts = texts.az,
    private readonly p: PlanTexts = planAz,
  ) {}

  /** Follows a tab of the plan page. */
  async tab(name: keyof PlanTexts['tabs']): Promise<void> {
    await this.page.getByRole('navigation', { name: this.p.tabs.label }).getByRole('link', { name: this.p.tabs[name], exact: true }).click();
  }

  async submitReport(report: NewReport): Promise<void> {
    const title = this.p.report.formTitle.replace('{{id}}', report.measureId);
    await this.page.getByRole('button', { name: title }).click();
    const form = this.page.getByRole('form', { name: title });
    await form.getByLabel(this.p.report.stage, { exact: true }).selectOption(report.stage);
    await form.getByLabel(this.p.report.stageStatus, { exact: true }).selectOption(report.stageStatus);
    await form.getByLabel(this.p.report.textAz, { exact: true }).fill(report.textAz);
    await form.getByLabel(this.p.report.textEn, { exact: true }).fill(report.textEn);
    await form.getByLabel(this.p.report.percent, { exact: true }).fill(String(report.percent));
    await form.getByLabel(this.p.report.evidence, { exact: true }).setInputFiles(report.evidence);
    await form.getByRole('button', { name: this.p.report.submit }).click();
    await this.page.getByRole('status').filter({ hasText: this.p.report.submitted.replace('{{id}}', report.measureId) }).waitFor();
  }

  /** Corrects the percentage of a submitted report from "my agency's reports". */
  async correctReport(measureId: string, percent: number): Promise<void> {
    const title = this.p.report.editTitle.replace('{{id}}', measureId);
    await this.myReport(measureId).getByRole('button', { name: title }).click();
    const form = this.page.getByRole('form', { name: title });
    await form.getByLabel(this.p.report.percent, { exact: true }).fill(String(percent));
    await form.getByRole('button', { name: this.p.report.save }).click();
    await this.page.getByRole('status').filter({ hasText: this.p.report.updated.replace('{{id}}', measureId) }).waitFor();
    await form.waitFor({ state: 'detached' });
  }

  private myReport(measureId: string) {
    return this.page.getByRole('table', { name: this.p.mine.reports }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: measureId, exact: true }) });
  }

  /** The status shown for a report on a measure in "my agency's reports". */
  async myReportStatus(measureId: string): Promise<string> {
    return this.myReport(measureId).locator('.plan-status').innerText();
  }

  /** Waits until a report on a measure in "my agency's reports" shows the percentage ("40%"). */
  async waitForReportPercent(measureId: string, percent: string): Promise<void> {
    await this.myReport(measureId).getByRole('cell', { name: percent, exact: true }).waitFor();
  }

  async accept(measureId: string, agency: string, comment: string): Promise<void> {
    const review = this.page.getByRole('region', { name: `${measureId} — ${agency}` });
    await review.getByLabel(this.p.review.comment, { exact: true }).fill(comment);
    await review.getByRole('button', { name: this.p.review.accept, exact: true }).click();
    await this.page.getByRole('status').filter({ hasText: this.p.review.decided.replace('{{id}}', measureId).replace('{{agency}}', agency) }).waitFor();
  }

  /** A priority's completion as the dashboard's table shows it ("12.5%"). */
  async priorityCompletion(priorityId: string): Promise<string> {
    const table = this.page.getByRole('table', { name: this.p.dashboard.byPriority });
    const row = table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: priorityId, exact: true }) });
    await row.waitFor();
    return row.getByRole('cell').nth(1).innerText();
  }

  /** The evidence link of the newest report in the review queue, by file name. */
  evidenceLink(name: string) {
    return this.page.getByRole('link', { name, exact: true });
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: this.t.modules.plan.name });
  }
}
