// The API reference (/docs/api): drawn on the server from /api/v1/openapi.json,
// readable on a 375 px phone, with nothing loaded from another host.
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launchBrowser, newPage } from './browser';
import { axeViolations } from './axe';

/** Elements of the page body that stick out past the viewport's right edge. */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .filter((el) => !el.closest('[hidden], .visually-hidden, .skip-link'))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(0, 5),
  );

describe('the API reference in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the series path with its parameters, their values and a link to the raw document, loading nothing from elsewhere', async () => {
    const page = await newPage(browser);
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).origin));
    const response = await page.goto('/docs/api');
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('API reference — Corridor');

    const series = page.locator('section#getSeries');
    await expect(series.getByRole('heading', { level: 3 }).textContent()).resolves.toBe('GET /api/v1/series');
    const parameters = await series.locator('.api-fields > li').allTextContents();
    const metric = parameters.find((p) => p.startsWith('metric '));
    expect(metric).toContain('required');
    const interval = parameters.find((p) => p.startsWith('interval '));
    expect(interval).toContain('one of day, week, month');
    expect(interval).toContain('default "day"');
    expect(parameters.find((p) => p.startsWith('qualifier '))).toContain('list of one of EXACT, APPROXIMATE, AT_LEAST, AT_MOST, RANGE');
    await expect(series.getByText('SeriesBreakdown').count()).resolves.toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: '/api/v1/openapi.json', exact: true }).click();
    await page.waitForURL('**/api/v1/openapi.json');
    const document = JSON.parse((await page.locator('body').textContent()) ?? '');
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/v1/series');
    expect([...hosts]).toEqual([new URL(BASE_URL).origin]);
    await page.close();
  });

  it('fits a 375 px screen without sideways scrolling', async () => {
    const page = await newPage(browser, 375, 812);
    await page.goto('/docs/api');
    await expect(page.locator('section#getSeries').isVisible()).resolves.toBe(true);
    expect(await overflowing(page)).toEqual([]);
    await page.close();
  });

  it('caches the document like other public reads: an ETag, public, and 304 for the same tag', async () => {
    const first = await fetch(`${BASE_URL}/api/v1/openapi.json`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=600');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"d\d+-/);
    const again = await fetch(`${BASE_URL}/api/v1/openapi.json`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('sends /docs to the API reference', async () => {
    const page = await newPage(browser);
    await page.goto('/docs');
    expect(new URL(page.url()).pathname).toBe('/docs/api');
    await page.close();
  });
});
