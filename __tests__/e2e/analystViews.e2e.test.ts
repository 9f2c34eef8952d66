// An analyst's views on the curated dataset, in Chromium: the legend names every
// mark, the metric chooser decides what "Export CSV" downloads, the breakdown by
// destination draws one chart per place, chart downloads are real images that
// carry their title, and the figures table reads as cards on a 375 px phone.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { chartOf, launchBrowser, newPage } from './browser';

const RANGE = 'from=2022-02-20&to=2022-04-10';

/** The tEXt chunks of a PNG, keyword → text. */
function pngText(bytes: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 8; i < bytes.length; ) {
    const length = bytes.readUInt32BE(i);
    const type = bytes.subarray(i + 4, i + 8).toString('latin1');
    if (type === 'tEXt') {
      const data = bytes.subarray(i + 8, i + 8 + length).toString('latin1');
      const nul = data.indexOf('\0');
      out[data.slice(0, nul)] = data.slice(nul + 1);
    }
    if (type === 'IEND') break;
    i += 12 + length;
  }
  return out;
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('analyst views', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('gives every chart a legend for the marks it draws, and numbers events without overlap', async () => {
    const page = await newPage(browser);
    await page.goto(`/?${RANGE}`);
    const refugees = (await chartOf(page, 'refugees'));
    await refugees.locator('svg.recharts-surface').waitFor();
    const legend = refugees.getByRole('list', { name: 'Legend' });
    await expect(legend.textContent()).resolves.toContain('Headline value');
    // The dataset states refugee counts as "at least" in this range, so the ≥ marker is drawn and explained.
    await expect(refugees.locator('svg.recharts-surface text', { hasText: '≥' }).count()).resolves.toBeGreaterThan(0);
    await expect(legend.textContent()).resolves.toContain('≥ at least');
    await expect(legend.textContent()).resolves.toContain('Event');
    const buses = (await chartOf(page, 'buses'));
    await expect(buses.getByRole('list', { name: 'Legend' }).textContent()).resolves.toContain('Vehicles in the period');

    // Event numbers: as many as events listed under the chart, and no two boxes overlap.
    const events = await refugees.locator('.chart-events li').count();
    expect(events).toBeGreaterThan(3);
    const boxes = await refugees.locator('svg.recharts-surface .chart-event-number circle').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
    expect(boxes).toHaveLength(events);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) {
      const overlap = a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
      expect(overlap).toBe(false);
    }
    // The chart is a titled group, not role=application with an empty title.
    const svg = refugees.locator('svg.recharts-surface');
    await expect(svg.getAttribute('role')).resolves.toBe('group');
    await expect(svg.locator('title').textContent()).resolves.toMatch(/^Refugees\. \d+ points/);
    await page.close();
  });

  it('opens the focused point\'s figure on Enter', async () => {
    const page = await newPage(browser);
    await page.goto(`/?${RANGE}`);
    const svg = (await chartOf(page, 'refugees')).locator('svg.recharts-surface');
    await svg.waitFor();
    await svg.focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('.chart-tooltip').waitFor();
    await Promise.all([page.waitForURL(/\/figures\/\d+$/), page.keyboard.press('Enter')]);
    await page.close();
  });

  it('shows only the metrics chosen, keeps them in the URL, and exports exactly those', async () => {
    const page = await newPage(browser);
    await page.goto(`/?${RANGE}`);
    const chooser = page.getByRole('group', { name: 'Metrics' });
    await expect(chooser.getByRole('checkbox', { checked: true }).count()).resolves.toBe(await chooser.getByRole('checkbox').count());
    for (const label of ['Evacuees', 'Evacuation buses', 'Civilian deaths', 'Civilian deaths in a period']) await chooser.getByLabel(label, { exact: true }).uncheck();
    await Promise.all([page.waitForURL(/metric=refugees/), page.getByRole('button', { name: 'Apply filters' }).click()]);
    await chartOf(page, 'refugees');
    await expect(page.locator('[data-testid^="chart-"]').count()).resolves.toBe(1);

    const file = await download(page, () => page.getByRole('link', { name: 'Export CSV' }).click());
    const rows: Array<{ id: string; metric: string; as_of: string }> = parse(file.bytes.toString('utf8'), { columns: true });
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.metric))).toEqual(new Set(['refugees']));
    // In the table's default order (latest first), and the very figures the API lists.
    const dates = rows.map((r) => r.as_of);
    expect(dates).toEqual([...dates].sort().reverse());
    const api = await (await page.request.get(`/api/v1/figures?metric=refugees&${RANGE}&limit=1000&sort=-asOf`)).json();
    expect(rows.map((r) => Number(r.id))).toEqual(api.figures.map((f: { id: number }) => f.id));
    await page.close();
  });

  it('never drops a typed place: no match is said, and applying text that names no place is refused naming the field', async () => {
    const page = await newPage(browser);
    await page.goto(`/?${RANGE}`);
    const place = page.getByRole('combobox', { name: 'Place (includes places within)' });
    await place.fill('Atlantis');
    await page.getByText('No place matches “Atlantis”.').waitFor();
    await Promise.all([page.waitForURL(/place=Atlantis/), page.getByRole('button', { name: 'Apply filters' }).click()]);
    await expect(page.locator('.empty-state[role=alert]').textContent()).resolves.toContain('place: no place has the id or code "Atlantis"');
    await page.close();
  });

  it('builds a chart\'s data table only when it is opened: one row per point, each linking its headline figure', async () => {
    const page = await newPage(browser);
    await page.goto(`/?${RANGE}&metric=refugees`);
    const api = await (await page.request.get(`/api/v1/series?metric=refugees&${RANGE}`)).json();
    const table = page.locator('details.chart-table');
    await expect(table.locator('table').count()).resolves.toBe(0);
    await table.getByText('Data table for refugees').click();
    const rows = table.locator('tbody tr');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(api.points.length);
    await expect(rows.first().locator('td').first().textContent()).resolves.toBe(api.points[0].date);
    await expect(rows.last().locator('a').getAttribute('href')).resolves.toBe(`/figures/${api.points.at(-1).figureIds[0]}`);
    await page.close();
  });

  it('breaks refugees down by destination, one chart per country, in the URL', async () => {
    const page = await newPage(browser);
    await page.goto(`/?${RANGE}&metric=refugees`);
    await page.getByLabel('Break down by').selectOption('destination');
    await Promise.all([page.waitForURL(/by=destination/), page.getByRole('button', { name: 'Apply filters' }).click()]);
    const panel = page.getByTestId('breakdown-refugees');
    await expect(panel.getByRole('heading', { level: 2 }).textContent()).resolves.toContain('Refugees by destination');
    const api = await (await page.request.get(`/api/v1/series?metric=refugees&${RANGE}&interval=day&by=destination`)).json();
    const names = await panel.locator('figure.small-multiple h3').allTextContents();
    expect(names).toEqual(api.groups.map((g: { place: { name: string } }) => g.place.name));
    expect(names).toEqual(expect.arrayContaining(['Poland', 'Romania', 'Hungary']));
    const poland = api.groups.find((g: { place: { code: string } }) => g.place.code === 'POL');
    await expect((await chartOf(page, 'refugees-POL')).getAttribute('data-points')).resolves.toBe(String(poland.points.length));

    // Compare two places, chosen in the picker (suggested as one types): exactly those, in the URL.
    const compare = page.getByRole('combobox', { name: 'Compare places (2–6; with a breakdown)' });
    for (const [typed, name] of [['pol', 'Poland'], ['Slovak', 'Slovakia'], ['hun', 'Hungary']]) {
      await compare.fill(typed);
      await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
    }
    await page.getByRole('button', { name: 'Remove Slovakia' }).click();
    await expect(page.locator('ul.chosen-places li').allTextContents()).resolves.toEqual(['Poland ×', 'Hungary ×']);
    await Promise.all([page.waitForURL(/places=.*places=/), page.getByRole('button', { name: 'Apply filters' }).click()]);
    await expect(page.getByTestId('breakdown-refugees').locator('figure.small-multiple h3').allTextContents()).resolves.toEqual(['Poland', 'Hungary']);
    // The URL's codes show by name when the page is opened from a link.
    await page.goto(`/?${RANGE}&metric=refugees&by=destination&places=POL,HUN`);
    await expect(page.getByTestId('breakdown-refugees').locator('figure.small-multiple h3').allTextContents()).resolves.toEqual(['Poland', 'Hungary']);
    await expect(page.locator('ul.chosen-places li').allTextContents()).resolves.toEqual(['Poland ×', 'Hungary ×']);
    await page.close();
  });

  it('downloads a chart as a valid SVG and PNG that carry its title, and its points as CSV with figure ids', async () => {
    const page = await newPage(browser);
    await page.goto(`/?${RANGE}`);
    const chart = (await chartOf(page, 'refugees'));
    await chart.locator('svg.recharts-surface').waitFor();

    const svg = await download(page, () => chart.getByRole('button', { name: 'SVG', exact: true }).click());
    expect(svg.name).toMatch(/^corridor-refugees-\d{4}-\d{2}-\d{2}\.svg$/);
    const svgText = svg.bytes.toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.localName, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent) };
    }, svgText);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.texts).toEqual(expect.arrayContaining(['Refugees', 'running total, people']));
    expect(parsed.texts.some((t) => t?.startsWith('Source: Corridor'))).toBe(true);
    expect(parsed.texts.some((t) => /^Retrieved \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/.test(t ?? ''))).toBe(true);
    expect(svgText).not.toContain('class="recharts-surface" role');

    const png = await download(page, () => chart.getByRole('button', { name: 'PNG', exact: true }).click());
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngText(png.bytes).Title).toBe('Refugees (running total, people)');
    expect(pngText(png.bytes).Source).toContain('Source: Corridor');
    const decoded = await page.evaluate(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      return { width: image.naturalWidth, height: image.naturalHeight };
    }, png.bytes.toString('base64'));
    expect(decoded.width).toBeGreaterThan(600);
    expect(decoded.height).toBeGreaterThan(300);

    const csv = await download(page, () => chart.getByRole('button', { name: 'CSV', exact: true }).click());
    const points: Array<{ date: string; headline_figure_id: string; figure_ids: string }> = parse(csv.bytes.toString('utf8'), { columns: true });
    const api = await (await page.request.get(`/api/v1/series?metric=refugees&${RANGE}&interval=day`)).json();
    expect(points.map((p) => p.date)).toEqual(api.points.map((p: { date: string }) => p.date));
    expect(points.map((p) => p.figure_ids.split(' ').map(Number))).toEqual(api.points.map((p: { figureIds: number[] }) => p.figureIds));
    await page.close();
  });

  it('shows each figure as a card with its citation on a 375 px phone, without sideways scrolling', async () => {
    const page = await newPage(browser, 375, 812);
    await page.goto('/figures?limit=5&sort=-asOf');
    const first = page.locator('tbody tr').first();
    for (const label of ['Value as stated', 'Qualifier', 'As of', 'Place', 'Source']) {
      const cell = first.locator(`td[data-label="${label}"]`);
      await expect(cell.isVisible()).resolves.toBe(true);
      const box = (await cell.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }
    await expect(first.locator('td[data-label="Source"] cite').isVisible()).resolves.toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const wrap = await page.locator('.table-wrap').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(wrap).toBeLessThanOrEqual(0);
    await page.close();
  });
});
