// A cited view stays as it was: a reader freezes a chart with "Cite this view",
// an editor then corrects the figure behind it, and the snapshot page and its
// embed still show the old value while the live views show the new one.
import type { Browser, Page } from 'playwright-core';
import { db } from '@/lib/db/client';
import { sql } from '@/lib/db/sql';
import { formatExact, formatStatedValue } from '@/lib/figures/formatValue';
import { insertUser } from '@/lib/users/mutations';
import { chartOf, launchBrowser, newPage } from './browser';
import { PASSWORD, signIn } from './signIn';

const editorEmail = `snapshot-editor-${Date.now()}@corridor.test`;

interface Picked { id: number; metric: string; label: string; day: string; low: bigint; qualifier: 'EXACT' | 'APPROXIMATE'; quote: string }

/** Opens the chart's data table (it is built only when opened) and waits for its rows. */
async function openDataTable(page: Page) {
  await page.locator('details.chart-table summary').first().click();
  await page.locator('details.chart-table tbody tr').first().waitFor();
}

/** Focuses the chart, moves to its first point, and waits for that point's claims in the tooltip. */
async function focusFirstPoint(page: Page, metric: string) {
  const svg = (await chartOf(page, metric)).locator('svg.recharts-surface');
  await svg.focus();
  await page.keyboard.press('ArrowRight');
  const tooltip = page.locator('.chart-tooltip');
  await tooltip.locator('li').first().waitFor();
  return tooltip;
}

describe('a snapshot does not change when its figure is corrected', () => {
  let browser: Browser;
  let figure: Picked;
  beforeAll(async () => {
    await insertUser(null, { email: editorEmail, name: 'snapshot editor', role: 'EDITOR', password: PASSWORD });
    // A published running-total figure that is the only claim on its day, so it is that day's point.
    [figure] = await sql<Picked[]>`
      SELECT f.id, m.key AS metric, m.label, to_char(f."asOf", 'YYYY-MM-DD') AS day, f.low, f.qualifier, f.quote
      FROM figure f JOIN metric m ON m.id = f."metricId"
      WHERE f.status = 'PUBLISHED' AND m.kind = 'STOCK' AND f.qualifier IN ('EXACT', 'APPROXIMATE') AND f.low = f.high
        AND (SELECT count(*) FROM figure g WHERE g."metricId" = f."metricId" AND g."asOf" = f."asOf" AND g.status = 'PUBLISHED') = 1
      ORDER BY f."asOf" DESC, f.id LIMIT 1`;
    if (!figure) throw new Error('the loaded dataset has no single-claim running-total day');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await db.$disconnect();
  });

  it('keeps the old value in the snapshot and its embed; the live views show the new one', async () => {
    const oldExact = formatExact(figure.low);
    const newLow = figure.low * 2n + 1_234n;
    const newExact = formatExact(newLow);
    const view = `/?metric=${figure.metric}&from=${figure.day}&to=${figure.day}&interval=day`;

    const reader = await newPage(browser);
    await reader.goto(view);
    await openDataTable(reader);
    await reader.locator('td', { hasText: oldExact }).first().waitFor({ state: 'attached' });
    await Promise.all([
      reader.waitForURL(/\/s\/[a-z2-9]{10}$/),
      reader.getByRole('button', { name: `Cite this view: ${figure.label}` }).click(),
    ]);
    const snapshotPath = new URL(reader.url()).pathname;
    const id = snapshotPath.split('/').pop()!;
    await reader.getByText('Data as published on').waitFor();
    // A cited page carries its data table in the served HTML (folded), for readers
    // without JavaScript and for archivers; the live overview builds it when opened.
    const served = await (await reader.request.get(snapshotPath)).text();
    expect(served).toMatch(new RegExp(`<details class="chart-table">(?:(?!</details>).)*<td class="num">${oldExact.replace(/[.,]/g, '\\$&')}</td>`, 's'));
    expect(served).toContain(`href="/figures/${figure.id}?vintage=`);
    const live = await (await reader.request.get(view)).text();
    expect(live).toContain('<details class="chart-table">');
    expect(live).not.toMatch(/<details class="chart-table">(?:(?!<\/details>).)*<tbody>/s);
    await openDataTable(reader);
    await reader.locator('td', { hasText: oldExact }).first().waitFor({ state: 'attached' });
    await expect(reader.getByLabel('BibTeX').inputValue()).resolves.toContain(`corridor-${id}`);

    // The editor corrects the figure through the form.
    const editor = await newPage(browser);
    await signIn(editor, editorEmail, `/admin/figures/${figure.id}/edit`);
    await editor.getByLabel('Value as stated').fill(newExact);
    await editor.getByLabel('Quote').fill(`Corrected: ${newExact} people.`);
    await Promise.all([editor.waitForURL(/saved=1/), editor.getByRole('button', { name: 'Save changes' }).click()]);
    await editor.context().close();
    const [row] = await sql<{ low: bigint; status: string }[]>`SELECT low, status FROM figure WHERE id = ${figure.id}`;
    expect(row).toEqual({ low: newLow, status: 'PUBLISHED' });

    // The snapshot and its embed: the old value still.
    await reader.goto(snapshotPath);
    await openDataTable(reader);
    await reader.locator('td', { hasText: oldExact }).first().waitFor({ state: 'attached' });
    expect(await reader.locator('td', { hasText: newExact }).count()).toBe(0);
    const oldLabel = formatStatedValue({ qualifier: figure.qualifier, low: figure.low, high: figure.low });
    const newLabel = formatStatedValue({ qualifier: figure.qualifier, low: newLow, high: newLow });
    await reader.goto(`/embed/s/${id}`);
    await reader.getByRole('link', { name: 'Open in Corridor' }).waitFor();
    const embedText = await reader.locator('body').textContent();
    expect(embedText).toContain(oldLabel);
    expect(embedText).not.toContain(newLabel);
    expect(embedText).not.toContain('Live');

    // The snapshot's tooltip loads the claim as it stood then, and its point opens the figure at that instant.
    await reader.goto(snapshotPath);
    const tooltip = await focusFirstPoint(reader, figure.metric);
    await expect(tooltip.textContent()).resolves.toContain(figure.quote);
    expect(await tooltip.textContent()).not.toContain('Corrected:');
    await Promise.all([reader.waitForURL(/\/figures\/\d+\?vintage=/), reader.keyboard.press('Enter')]);

    // The live views: the new value.
    await reader.goto(view);
    await openDataTable(reader);
    await reader.locator('td', { hasText: newExact }).first().waitFor({ state: 'attached' });
    await expect((await focusFirstPoint(reader, figure.metric)).textContent()).resolves.toContain(`Corrected: ${newExact} people.`);
    await reader.goto(`/embed/${figure.metric}?from=${figure.day}&to=${figure.day}`);
    await reader.getByText('Live').first().waitFor();
    expect(await reader.locator('body').textContent()).toContain(newLabel);
    await reader.context().close();
  });
});
