/** The detection module's alert queue, by role and label. */
import type { Page } from 'playwright-core';
import detectionAz from '../../web/i18n/detection/az.json' with { type: 'json' };

export class DetectionPage {
  constructor(private readonly page: Page, private readonly t = detectionAz) {}

  queue() {
    return this.page.getByRole('table', { name: this.t.alerts.caption });
  }

  /** The queue row of an alert, found by its rule title. */
  row(ruleTitle: string) {
    return this.queue().getByRole('row').filter({ hasText: ruleTitle });
  }

  openCount() {
    return this.page.getByRole('status').filter({ hasText: this.t.alerts.openCount.replace(/\{\{count\}\}/, '') });
  }

  async acknowledge(ruleTitle: string, host: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: this.t.alerts.selectOne.replace('{{rule}}', ruleTitle).replace('{{host}}', host) }).check();
    await this.page.getByRole('button', { name: this.t.alerts.acknowledge.replace('{{count}}', '1') }).click();
  }
}
