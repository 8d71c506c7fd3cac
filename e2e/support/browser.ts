/**
 * Launches Debian's Chromium through playwright-core, headless and kept off the network
 * (see NOTES.md); playwright gives every launch a new empty profile.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh headless browser; close it in the suite's teardown. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: flags });
}

/** A page on `baseURL` in a new context of `browser` (its own cookies), waiting up to 20 s for what the suites look for. */
export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  context.setDefaultTimeout(20_000);
  return context.newPage();
}

/** A fresh browser with one page on `baseURL`. */
export async function launchPage(baseURL: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser();
  return { browser, page: await newPage(browser, baseURL) };
}
