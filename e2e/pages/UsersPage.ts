/** Administration › Users: the table and the creation form. */
import type { Page } from 'playwright-core';
import { texts, type Texts } from './text.ts';

export interface NewUser {
  username: string;
  displayName: string;
  email: string;
  password: string;
  /** The organisation option's text, "ACRONYM — name". */
  organisation: string;
  role: string;
}

export class UsersPage {
  constructor(
    private readonly page: Page,
    private readonly t: Texts = texts.az,
  ) {}

  table() {
    return this.page.getByRole('table', { name: this.t.users.title });
  }

  async create(user: NewUser): Promise<void> {
    await this.page.getByRole('button', { name: this.t.users.create }).click();
    const form = this.page.getByRole('region', { name: this.t.users.create });
    await form.getByLabel(this.t.users.username, { exact: true }).fill(user.username);
    await form.getByLabel(this.t.users.displayName, { exact: true }).fill(user.displayName);
    await form.getByLabel(this.t.users.email, { exact: true }).fill(user.email);
    await form.getByLabel(this.t.users.initialPassword, { exact: true }).fill(user.password);
    await form.getByLabel(this.t.users.organisation, { exact: true }).selectOption({ label: user.organisation });
    await form.getByLabel(this.t.users.role, { exact: true }).selectOption(user.role);
    await form.getByRole('button', { name: this.t.users.submit }).click();
    await this.table().getByRole('rowheader', { name: user.username, exact: true }).waitFor();
  }
}
