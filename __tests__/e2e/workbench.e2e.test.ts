// The editors' workbench in Chromium (issue 13): a new editor enters one figure from a
// wire report with one failed save along the way, and the second save needs nothing
// re-entered; every figure-form error shows at once, linked and marked; axe finds no
// WCAG 2.1 AA violation with a place chosen or with errors shown.
import type { Browser, Page } from 'playwright-core';
import { insertUser } from '@/lib/users/mutations';
import { db } from '@/lib/db/client';
import { launchBrowser, newPage } from './browser';
import { ActionCount } from './actionCount';
import { axeViolations } from './axe';
import { PASSWORD, signIn } from './signIn';

const stamp = Date.now();
const EDITOR = `workbench-${stamp}@corridor.test`;
const QUOTE = 'Some 60 buses carried people out of Sumy in two convoys on Tuesday';
const BUSES = 'Evacuation buses (count per period)';

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const focusedClass = (page: Page) => page.evaluate(() => document.activeElement?.className ?? '');
const invalidIds = (page: Page) => page.locator('[aria-invalid="true"]').evaluateAll((els) => els.map((e) => e.id));

describe('the editors’ workbench', () => {
  let browser: Browser;
  beforeAll(async () => {
    await insertUser(null, { email: EDITOR, name: 'Workbench Editor', role: 'EDITOR', password: PASSWORD });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await db.$disconnect();
  });

  it('enters the Reuters buses figure in a fresh session; after one failed save, the second needs only the missing date', async () => {
    const reutersBefore = await db.source.count({ where: { publisher: { name: 'Reuters' } } });
    const page = await newPage(browser);
    const act = new ActionCount(page);
    await page.goto('/');

    await act.click(page.getByRole('link', { name: 'Sign in' }), 'Sign in link');
    await act.type(page.getByLabel('Email'), EDITOR, 'email');
    await act.type(page.getByLabel('Password'), PASSWORD, 'password');
    await Promise.all([page.waitForURL(/\/admin\/review$/), act.click(page.getByRole('button', { name: 'Sign in' }), 'Sign in button')]);
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();

    await Promise.all([page.waitForURL(/\/admin\/figures\/new$/), act.click(page.getByRole('banner').getByRole('link', { name: 'New figure' }), 'New figure')]);
    await act.choose(page.getByLabel('Metric'), BUSES, 'metric');
    await act.type(page.getByLabel('Value as stated'), 'Some 60', 'value');
    await page.getByTestId('value-preview').filter({ hasText: 'about 60 vehicles' }).waitFor();
    await act.type(page.getByRole('combobox', { name: 'Origin' }), 'Sumy', 'origin');
    await act.click(page.getByRole('option', { name: 'Sumy', exact: true }), 'Sumy');
    await page.getByText('Chosen: Sumy').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await act.type(page.getByRole('combobox', { name: 'Find a source' }), 'Reuters, 9 Mar 2022', 'source search');
    await act.click(page.getByRole('option', { name: 'Create source “Reuters, 9 Mar 2022”' }), 'Create source');
    await expect(page.getByLabel('Publisher').inputValue()).resolves.toBe('Reuters');
    await expect(page.getByLabel('Published on').inputValue()).resolves.toBe('2022-03-09');
    await expect(page.getByLabel('URL (optional)').inputValue()).resolves.toBe('');
    await act.type(page.getByLabel('Quote'), QUOTE, 'quote');

    // The editor forgot the day: the save fails, and says so in a summary that takes focus.
    await act.click(page.getByRole('button', { name: 'Save draft' }), 'Save draft');
    const summary = page.locator('.error-summary');
    await summary.getByText('Nothing was saved: 1 field needs fixing.').waitFor();
    await expect(focusedClass(page)).resolves.toBe('error-summary');
    await expect(invalidIds(page)).resolves.toEqual(['periodStart', 'periodEnd']);
    // Everything typed is still there, the source choice and the metric's own fields in step.
    await expect(page.getByLabel('Metric').inputValue()).resolves.not.toBe('');
    await expect(page.locator('#metricId option:checked').textContent()).resolves.toBe(BUSES);
    await expect(page.getByLabel('Value as stated').inputValue()).resolves.toBe('Some 60');
    await expect(page.getByText('Chosen: Sumy').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('New source').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Publisher').inputValue()).resolves.toBe('Reuters');
    await expect(page.getByLabel('Published on').inputValue()).resolves.toBe('2022-03-09');
    await expect(page.getByLabel('Quote').inputValue()).resolves.toBe(QUOTE);
    expect(await axeViolations(page)).toEqual([]);
    expect(await db.source.count({ where: { publisher: { name: 'Reuters' } } })).toBe(reutersBefore);

    const beforeFix = act.total;
    await act.click(summary.getByRole('link', { name: /^Date:/ }), 'error summary link');
    await expect(focusedId(page)).resolves.toBe('periodStart');
    await page.locator('#periodStart').fill('2022-03-08'); // typing the value: no action
    await Promise.all([page.waitForURL(/\/admin\/figures\/\d+\/edit\?saved=1$/), act.click(page.getByRole('button', { name: 'Save draft' }), 'Save draft again')]);
    expect(act.steps.slice(beforeFix)).toEqual(['click error summary link', 'click Save draft again']);
    console.log(`Reuters journey: ${act.total} actions\n${act.steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`);

    const id = Number(/figures\/(\d+)/.exec(page.url())![1]);
    const figure = await db.figure.findUniqueOrThrow({ where: { id }, include: { metric: true, origin: true, source: { include: { publisher: true } } } });
    expect(figure).toMatchObject({ status: 'DRAFT', low: 60n, high: 60n, qualifier: 'APPROXIMATE', valueAsStated: 'Some 60', quote: QUOTE });
    expect([figure.asOf, figure.periodStart, figure.periodEnd].map((d) => d?.toISOString().slice(0, 10))).toEqual(['2022-03-08', '2022-03-08', '2022-03-08']);
    expect([figure.metric.key, figure.origin?.name]).toEqual(['buses', 'Sumy']);
    expect(figure.source).toMatchObject({ title: 'Reuters, 9 Mar 2022', url: null, publisher: { name: 'Reuters' } });
    expect(figure.source.publishedAt?.toISOString().slice(0, 10)).toBe('2022-03-09');
    expect(await db.source.count({ where: { publisher: { name: 'Reuters' } } })).toBe(reutersBefore + 1);

    // The source is now found by its publisher and day, and "Reuters" alone finds Reuters sources.
    await page.goto('/admin/figures/new');
    const search = page.getByRole('combobox', { name: 'Find a source' });
    await search.fill('Reuters 9 Mar 2022');
    await page.getByRole('option', { name: /^Reuters, 9 Mar 2022/ }).first().waitFor();
    await search.fill('Reuters');
    const found = await page.getByRole('option').allTextContents();
    // The dataset's wire copy, published as "Reuters (National Post)" and the like.
    expect(found.filter((name) => name.includes('— Reuters (')).length).toBeGreaterThan(1);
    expect(found.at(-1)).toBe('Create source “Reuters”');
    await page.context().close();
  });

  it('shows every problem of an empty figure form at once, each field marked and linked', async () => {
    const page = await newPage(browser);
    await signIn(page, EDITOR, '/admin/figures/new');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByText('Nothing was saved: 4 fields need fixing.').waitFor();
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      'Metric: Choose a metric.',
      'Value: Enter the value as the source states it, e.g. "some 60" or "2.1–2.2 million".',
      'Date: Enter the day the figure is true for (for a count, the day or period it covers).',
      'Source: Choose a source, or create a new one.',
    ]);
    await expect(focusedClass(page)).resolves.toBe('error-summary');
    await expect(invalidIds(page)).resolves.toEqual(['metricId', 'value', 'asOf', 'source-search']);
    expect(await axeViolations(page)).toEqual([]);
    await summary.getByRole('link', { name: /^Source:/ }).click();
    await expect(focusedId(page)).resolves.toBe('source-search');

    // A new source with nothing typed names its own two problems, alongside the others.
    await page.getByLabel('New source').check();
    await page.getByLabel('Metric').selectOption({ label: BUSES });
    await page.getByRole('button', { name: 'Save draft' }).click();
    await summary.getByRole('link', { name: /^Publisher:/ }).waitFor();
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      'Value: Enter the value as the source states it, e.g. "some 60" or "2.1–2.2 million".',
      'Date: Enter the day the figure is true for (for a count, the day or period it covers).',
      'Publisher: Enter the publisher, e.g. Reuters or UNHCR.',
      'Source title: Enter a title or the date it was published.',
    ]);
    await expect(page.getByLabel('New source').isChecked()).resolves.toBe(true);
    await expect(page.locator('#metricId option:checked').textContent()).resolves.toBe(BUSES);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps a source form’s values after a failed save and lists both problems; a source needs no URL', async () => {
    const page = await newPage(browser);
    await signIn(page, EDITOR, '/admin/sources');
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Create source' }) });
    await form.getByLabel('Title (optional)').fill(`Flash update ${stamp}`);
    await form.getByLabel('URL (optional)').fill('not a url');
    await form.getByLabel('Accessed on').fill('2022-03-10');
    await form.getByRole('checkbox', { name: /Preferred/ }).check();
    await form.getByRole('button', { name: 'Create source' }).click();
    await form.getByText('Nothing was saved: 2 fields need fixing.').waitFor();
    await expect(focusedClass(page)).resolves.toBe('error-summary');
    await expect(form.locator('.error-summary a').allTextContents()).resolves.toEqual([
      'Publisher: Enter the publisher, e.g. Reuters or UNHCR.',
      'URL (optional): Enter a web address starting with http:// or https://.',
    ]);
    await expect(invalidIds(page)).resolves.toEqual(['create-source-publisher', 'create-source-url']);
    await expect(form.getByLabel('Title (optional)').inputValue()).resolves.toBe(`Flash update ${stamp}`);
    await expect(form.getByLabel('URL (optional)').inputValue()).resolves.toBe('not a url');
    await expect(form.getByLabel('Accessed on').inputValue()).resolves.toBe('2022-03-10');
    await expect(form.getByRole('checkbox', { name: /Preferred/ }).isChecked()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await form.getByLabel('URL (optional)').fill('');
    await form.getByLabel('Publisher').fill('OCHA');
    await Promise.all([page.waitForURL(/\/admin\/sources\?saved=1/), form.getByRole('button', { name: 'Create source' }).click()]);
    const saved = await db.source.findFirstOrThrow({ where: { title: `Flash update ${stamp}` }, include: { publisher: true } });
    expect(saved).toMatchObject({ url: null, preferred: true, publisher: { name: 'OCHA' } });
    await page.context().close();
  });

  it('says an event was saved on the list the form returns to', async () => {
    const page = await newPage(browser);
    await signIn(page, EDITOR, '/admin/events');
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Create event' }) });
    await form.getByLabel('Title', { exact: true }).fill(`Corridor opened ${stamp}`);
    await form.getByLabel('Date', { exact: true }).fill('2022-03-08');
    await Promise.all([page.waitForURL(/\/admin\/events\?saved=1/), form.getByRole('button', { name: 'Create event' }).click()]);
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' }).count()).resolves.toBe(1);
    await expect(db.event.count({ where: { title: `Corridor opened ${stamp}` } })).resolves.toBe(1);
    await page.context().close();
  });

  it('signs out from the header', async () => {
    const page = await newPage(browser);
    await signIn(page, EDITOR);
    await Promise.all([page.waitForURL(/\/login\?signedOut=1/), page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()]);
    await page.getByText('You are signed out.').waitFor();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await page.context().close();
  });
});
