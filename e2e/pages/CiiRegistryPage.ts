/** CII › objects, dependencies, the cascade analysis, the reach ranking and recovery-plan exercises. */
import type { Page } from 'playwright-core';
import az from '../../web/i18n/cii/az.json' with { type: 'json' };
import { texts } from './text.ts';

export class CiiRegistryPage {
  readonly t = az;

  constructor(private readonly page: Page) {}

  async tab(name: string): Promise<void> {
    await this.page.getByRole('navigation', { name: this.t.tabs.label }).getByRole('link', { name, exact: true }).click();
  }

  /** `sector` is the sector's name as the form offers it. */
  async register(object: { name: string; sector: string; tolerance: string }): Promise<void> {
    await this.tab(this.t.tabs.objects);
    await this.page.getByRole('button', { name: this.t.create }).click();
    const form = this.page.getByRole('region', { name: this.t.create });
    await form.getByLabel(this.t.name, { exact: true }).fill(object.name);
    await form.getByLabel(this.t.sector, { exact: true }).selectOption({ label: object.sector });
    await form.getByLabel(this.t.tolerance, { exact: true }).fill(object.tolerance);
    await form.getByRole('button', { name: texts.az.common.save }).click();
    await this.page.getByRole('table', { name: this.t.objects }).getByRole('rowheader', { name: object.name, exact: true }).waitFor();
  }

  /** The cells of a registered object's row, after its name: sector, criticality, location, services, tolerance. */
  async objectCells(name: string): Promise<string[]> {
    return this.page.getByRole('table', { name: this.t.objects }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell').allInnerTexts();
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

  /** Ranks objects by reach (at most `limit` when given); resolves to the table's rows, best first. */
  async reach(limit?: number): Promise<{ rank: string; name: string; operator: string; failed: string; sectors: string }[]> {
    await this.tab(this.t.tabs.reach);
    const table = this.page.getByRole('table', { name: this.t.reach.table });
    if (limit !== undefined) {
      await this.page.getByLabel(this.t.reach.limit, { exact: true }).fill(String(limit));
      await this.page.getByRole('button', { name: this.t.reach.show, exact: true }).click();
      await table.locator('tbody tr').nth(limit).waitFor({ state: 'detached' });
    }
    await table.locator('tbody tr').first().waitFor();
    await this.page.getByRole('img', { name: this.t.reach.chart }).waitFor();
    const rows = await table.locator('tbody tr').all();
    return Promise.all(rows.map(async (row) => {
      const [rank, operator, , failed, , sectors] = await row.getByRole('cell').allInnerTexts();
      return { rank, name: await row.getByRole('rowheader').innerText(), operator, failed, sectors };
    }));
  }

  plansTable() {
    return this.page.getByRole('table', { name: this.t.tabs.plans });
  }

  /** The exercise history shown in a plan's row (the row is named by the plan's object). */
  exercises(object: string) {
    return this.plansTable().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: object, exact: true }) }).getByRole('listitem');
  }

  /** Records an exercise of the object's plan; `result` is the translated result's text. */
  async recordExercise(object: string, exercise: { heldOn: string; result: string; findings: string }): Promise<void> {
    await this.tab(this.t.tabs.plans);
    const form = this.page.getByRole('region', { name: this.t.exercise.record });
    await form.getByLabel(this.t.exercise.plan, { exact: true }).selectOption({ label: object });
    await form.getByLabel(this.t.exercise.heldOn, { exact: true }).fill(exercise.heldOn);
    await form.getByLabel(this.t.exercise.result, { exact: true }).selectOption({ label: exercise.result });
    await form.getByLabel(this.t.exercise.findings, { exact: true }).fill(exercise.findings);
    await form.getByRole('button', { name: this.t.exercise.record }).click();
    await this.exercises(object).filter({ hasText: exercise.heldOn }).waitFor();
  }
}
