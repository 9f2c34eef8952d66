import type { Browser } from 'playwright-core';
import { launchBrowser, newPage } from './browser';

describe('the running app in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('serves the home page with the three chart headings', async () => {
    const page = await newPage(browser);
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBeTruthy();
    await page.close();
  });
});
