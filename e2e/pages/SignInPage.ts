/** The sign-in steps: password, forced password change, MFA enrolment and the MFA code. */
import type { Page } from 'playwright-core';
import * as OTPAuth from 'otpauth';
import { texts, type Texts } from './text.ts';

/** The current TOTP code for a base32 secret, as an authenticator app would show it. */
export function totp(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate();
}

export class SignInPage {
  constructor(
    private readonly page: Page,
    private readonly t: Texts = texts.az,
  ) {}

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByRole('heading', { name: this.t.login.title }).waitFor();
    await this.page.getByLabel(this.t.login.username, { exact: true }).fill(username);
    await this.page.getByLabel(this.t.login.password, { exact: true }).fill(password);
    await this.page.getByRole('button', { name: this.t.login.submit }).click();
  }

  /**
   * Opens the app and signs in a newly created account: the initial password, the new one it
   * must be changed to, and MFA enrolment when the account's role requires it.
   */
  async firstSignIn(username: string, initial: string, next: string, { enrolMfa = false } = {}): Promise<void> {
    await this.page.goto('/');
    await this.signIn(username, initial);
    await this.changePassword(initial, next);
    if (enrolMfa) await this.enrolMfa();
  }

  async changePassword(current: string, next: string): Promise<void> {
    await this.page.getByRole('heading', { name: this.t.password.forcedTitle }).waitFor();
    await this.page.getByLabel(this.t.password.current, { exact: true }).fill(current);
    await this.page.getByLabel(this.t.password.new, { exact: true }).fill(next);
    await this.page.getByLabel(this.t.password.repeat, { exact: true }).fill(next);
    await this.page.getByRole('button', { name: this.t.password.submit }).click();
  }

  /** Enrols with the secret shown on the page; returns it and the recovery codes shown once. */
  async enrolMfa(): Promise<{ secret: string; recoveryCodes: string[] }> {
    await this.page.getByRole('heading', { name: this.t.mfa.enrolTitle }).waitFor();
    await this.page.getByRole('img', { name: this.t.mfa.qrAlt }).waitFor();
    const secret = await this.page.getByLabel(this.t.mfa.secret, { exact: true }).inputValue();
    await this.page.getByLabel(this.t.mfa.code, { exact: true }).fill(totp(secret));
    await this.page.getByRole('button', { name: this.t.mfa.verify }).click();
    const codes = this.page.getByRole('list', { name: this.t.mfa.recoveryCodes }).getByRole('listitem');
    await codes.first().waitFor();
    const recoveryCodes = await codes.allInnerTexts();
    await this.page.getByRole('button', { name: this.t.mfa.saved }).click();
    return { secret, recoveryCodes };
  }

  /** The alert shown for a failed step, if any. */
  alert() {
    return this.page.getByRole('alert');
  }
}
