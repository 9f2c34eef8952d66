// Launches Debian's Chromium through playwright-core. A tool's own browser
// download does not work on our machines, so the executable path is fixed.
import { chromium, type Browser, type Page } from 'playwright-core';

export const BASE_URL = process.env.E2E_BASE_URL ?? '';
if (!BASE_URL) throw new Error('Run browser tests with `npm run test:e2e`, which serves the app.');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export async function newPage(browser: Browser, width = 1280, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, baseURL: BASE_URL, acceptDownloads: true });
  return context.newPage();
}
