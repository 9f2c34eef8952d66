// Launches Debian's Chromium through playwright-core. A tool's own browser
// download does not work on our machines, so the executable path is fixed.
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

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

/**
 * A chart by its id, scrolled to first: charts draw only when near the viewport
 * (components/charts/LazySeriesChart.tsx), as a reader scrolling down would see them.
 */
export async function chartOf(page: Page, id: string): Promise<Locator> {
  const chart = page.getByTestId(`chart-${id}`);
  // Scroll again until it draws: hydration, or a chart above it drawing taller than its
  // placeholder, can move it after a scroll made before either.
  for (let tries = 0; tries < 20 && (await chart.count()) === 0; tries++) {
    await page.evaluate((chartId) => document.querySelector(`[data-chart-placeholder="${CSS.escape(chartId)}"]`)?.scrollIntoView({ block: 'center' }), id);
    await chart.waitFor({ state: 'attached', timeout: 1_500 }).catch(() => {});
  }
  await chart.scrollIntoViewIfNeeded();
  await chart.waitFor();
  return chart;
}
