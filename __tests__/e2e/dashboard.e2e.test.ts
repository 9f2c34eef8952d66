// The analyst's path through the dashboard on the curated Ukraine 2022 dataset, in Chromium.
// Which claim heads a day is the headline rule's choice, so the page is checked
// against the JSON API for the same filters rather than against fixed values.
import type { Browser, Page } from 'playwright-core';
import { chartOf, launchBrowser, newPage } from './browser';

describe('the analyst dashboard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const pointsOf = async (page: Page, metric: string) => (await chartOf(page, metric)).getAttribute('data-points');

  it('filters by dates and place through the URL, shows cited tooltips and opens a figure', async () => {
    const page = await newPage(browser);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Refugees and evacuations');
    await expect(page.getByRole('note').textContent()).resolves.toContain('Ukraine 2022: curated from public reports, for demonstration');
    // Other browser tests may publish figures into the same database first, so the
    // default view is checked against the JSON API for the range the page shows.
    // The page picks the interval that keeps the chart readable (weeks for the dataset's
    // three months); the flow charts' headings say which.
    const from = await page.getByLabel('From', { exact: true }).inputValue();
    const to = await page.getByLabel('To', { exact: true }).inputValue();
    const interval = /per (day|week|month)/.exec((await page.locator('h2#chart-evacuees').textContent()) ?? '')?.[1];
    expect(interval).toBe('week');
    const api = await (await page.request.get(`/api/v1/series?metric=refugees&from=${from}&to=${to}&interval=${interval}`)).json();
    expect(api.points.length).toBeGreaterThanOrEqual(14);
    await expect(pointsOf(page, 'refugees')).resolves.toBe(String(api.points.length));

    await page.getByLabel('From', { exact: true }).fill('2022-03-01');
    await page.getByLabel('To', { exact: true }).fill('2022-03-09');
    await Promise.all([page.waitForURL(/from=2022-03-01/), page.getByRole('button', { name: 'Apply filters' }).click()]);
    expect(page.url()).toMatch(/to=2022-03-09/);
    const march = await (await page.request.get('/api/v1/series?metric=refugees&from=2022-03-01&to=2022-03-09&include=claims')).json();
    expect(march.points.length).toBeGreaterThanOrEqual(6);
    await expect(pointsOf(page, 'refugees')).resolves.toBe(String(march.points.length));

    // The 9 March point's tooltip lists its headline claim as stated, with its source; a click opens that figure.
    const ninth = march.points.at(-1);
    expect(ninth.date).toBe('2022-03-09');
    const headline = ninth.claimDetails[0];
    const dot = (await chartOf(page, 'refugees')).locator('.recharts-line-dots circle').last();
    // A low value sits near the chart's foot, below the fold; the mouse only reaches what is on screen.
    await dot.scrollIntoViewIfNeeded();
    const box = (await dot.boundingBox())!;
    await page.mouse.move(box.x - 30, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    const tooltip = page.locator('.chart-tooltip');
    await tooltip.waitFor({ state: 'visible' });
    // The page sends points only; the tooltip loads the point's claims (GET /api/v1/claims).
    await tooltip.locator('li', { hasText: headline.source.title }).first().waitFor();
    await expect(tooltip.textContent()).resolves.toContain(`“${headline.valueAsStated}”`);
    await Promise.all([page.waitForURL(new RegExp(`/figures/${ninth.figureIds[0]}$`)), page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)]);
    await expect(page.locator('.citation').textContent()).resolves.toContain(headline.quote);
    await expect(page.getByRole('heading', { name: 'History' }).isVisible()).resolves.toBe(true);
    await page.goBack();

    // The place filter lists the top-level places on focus, to browse from, and
    // suggests places as one types (GET /api/v1/places).
    const placeBox = page.getByRole('combobox', { name: 'Place (includes places within)' });
    await placeBox.focus();
    await page.getByRole('listbox', { name: 'Place (includes places within) suggestions' }).getByRole('option', { name: /^Ukraine\b/ }).waitFor();
    await expect(placeBox.getAttribute('aria-expanded')).resolves.toBe('true');
    await placeBox.fill('Sumy');
    await page.getByRole('option', { name: /^Sumy Oblast · Ukraine/ }).click();
    await Promise.all([page.waitForURL(/place=\d+/), page.getByRole('button', { name: 'Apply filters' }).click()]);
    expect(page.url()).toMatch(/from=2022-03-01/);
    await page.getByText('No figures for refugees in Sumy Oblast between 1 March 2022 and 9 March 2022').waitFor({ timeout: 10_000 });
    const sumy = await (await page.request.get('/api/v1/series?metric=evacuees&from=2022-03-01&to=2022-03-09&place=UA59')).json();
    expect(sumy.points.map((p: { date: string }) => p.date)).toEqual(expect.arrayContaining(['2022-03-08']));
    await expect(pointsOf(page, 'evacuees')).resolves.toBe(String(sumy.points.length));
    await page.close();
  });

  it('shows the same filtered view at a 375 px phone width without sideways scrolling', async () => {
    const page = await newPage(browser, 375, 812);
    await page.goto('/?from=2022-03-01&to=2022-03-09&place=UA59');
    const sumy = await (await page.request.get('/api/v1/series?metric=evacuees&from=2022-03-01&to=2022-03-09&place=UA59')).json();
    await expect(pointsOf(page, 'evacuees')).resolves.toBe(String(sumy.points.length));
    await expect((await chartOf(page, 'evacuees')).isVisible()).resolves.toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('lists figures with citations and pages through them', async () => {
    const page = await newPage(browser);
    await page.goto('/figures?limit=4&sort=-asOf');
    await expect(page.locator('tbody tr').count()).resolves.toBe(4);
    await expect(page.locator('tbody cite').first().textContent()).resolves.toBeTruthy();
    await Promise.all([page.waitForURL(/cursor=/), page.getByRole('link', { name: 'Next page →' }).click()]);
    await expect(page.locator('tbody tr').count()).resolves.toBe(4);
    await page.close();
  });
});
