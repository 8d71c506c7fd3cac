/** The signed-in frame: side navigation, language switch and sign-out. */
import type { Page } from 'playwright-core';
import { texts, type Texts } from './text.ts';

export class AppShell {
  constructor(
    private readonly page: Page,
    private readonly t: Texts = texts.az,
  ) {}

  navigation() {
    return this.page.getByRole('navigation', { name: this.t.nav.label });
  }

  /** Follows a side-navigation link and waits for the page's heading. */
  async open(link: string, heading = link): Promise<void> {
    await this.navigation().getByRole('link', { name: link, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: this.t.layout.logout }).click();
    await this.page.getByRole('heading', { name: this.t.login.title }).waitFor();
  }

  async switchLanguage(name: 'English' | 'Azərbaycanca'): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
  }
}
