// An editor pastes a wire report, corrects a candidate, saves two as drafts and finds them
// in the admin figure list, in Chromium against the demo data.
import type { Browser, Page } from 'playwright-core';
import { insertUser } from '@/lib/users/mutations';
import { db } from '@/lib/db/client';
import { launchBrowser, newPage } from './browser';
import { axeViolations } from './axe';

const PASSAGE = [
  'More than 5,000 people were evacuated from Sumy on Tuesday, Tymoshenko told local media.',
  'Some 60 buses left the city in two convoys.',
  'The town of 250,000 lies 350 kilometres east of Kyiv.',
].join(' ');

const EMAIL = `extract-editor-${Date.now()}@corridor.test`;
const PASSWORD = 'correct horse battery staple';
const SOURCE_URL = `https://example.org/wire/sumy-${Date.now()}`;

async function signIn(page: Page) {
  await page.goto('/login?next=/admin/extract');
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await Promise.all([page.waitForURL(/\/admin\/extract/), page.getByRole('button', { name: 'Sign in' }).click()]);
}

async function fillReport(page: Page, text: string) {
  await page.getByLabel('Source URL').fill(SOURCE_URL);
  await page.getByLabel('Title').fill('Wire: Sumy evacuation convoys');
  await page.getByLabel('Publisher').fill('Example Wire');
  await page.getByLabel('Published date').fill('2022-03-09');
  await page.getByLabel('Report text').fill(text);
  await page.getByRole('button', { name: 'Find figures' }).click();
}

/** Elements of the page body that stick out past the viewport's right edge. */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(0, 5),
  );

describe('extracting figures from a pasted report', () => {
  let browser: Browser;
  beforeAll(async () => {
    await insertUser(null, { email: EMAIL, name: 'Extract Editor', role: 'EDITOR', password: PASSWORD });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await db.$disconnect();
  });

  it('on a 375px screen, proposes cited candidates, saves two corrected drafts, and lists them with their source and quotes', async () => {
    const page = await newPage(browser, 375, 900);
    await signIn(page);
    await fillReport(page, PASSAGE);

    await page.getByRole('heading', { name: '2 candidate figures' }).waitFor();
    // Each quote is highlighted in place, and the population/distance sentence is not a figure.
    const marks = page.locator('mark');
    await expect(marks.count()).resolves.toBe(2);
    await expect(overflowing(page)).resolves.toEqual([]);
    await expect(marks.nth(0).textContent()).resolves.toContain('More than 5,000 people were evacuated from Sumy on Tuesday');
    await expect(page.getByLabel('Value', { exact: true }).first().inputValue()).resolves.toBe('5,000');
    await expect(page.getByLabel('As of date').first().inputValue()).resolves.toBe('2022-03-08');

    // Correct the first candidate: the full attribution and the value.
    const first = page.locator('fieldset', { hasText: 'Figure 1' });
    await first.getByLabel('Attribution').fill('Kyrylo Tymoshenko, Office of the President of Ukraine');
    await first.getByLabel('Value', { exact: true }).fill('5,100');
    await expect(first.getByText('Reads as: at least 5,100').isVisible()).resolves.toBe(true);

    await first.getByLabel('Save figure 1 as a draft').check();
    await page.getByLabel('Save figure 2 as a draft').check();
    // The buses sentence gives no date: it starts with the publication date. It names no
    // source either, and none is carried over from the sentence before.
    const second = page.locator('fieldset', { hasText: 'Figure 2' });
    await expect(second.getByLabel('As of date').inputValue()).resolves.toBe('2022-03-09');
    await second.getByText('this is the publication date').waitFor();
    await expect(second.getByLabel('Attribution').inputValue()).resolves.toBe('');
    // The convoys left on Tuesday too. Two slips on the way: figure 1 loses its metric, figure 2 its value.
    await second.getByLabel('As of date').fill('2022-03-08');
    await first.getByLabel('Metric').selectOption('');
    await second.getByLabel('Value', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save selected as drafts' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByText('Nothing was saved: 2 fields need fixing.').waitFor();
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('error-summary');
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      'Figure 1, metric: Choose a metric.',
      'Figure 2, value: Enter the value as the source states it, e.g. "some 60" or "2.1–2.2 million".',
    ]);
    expect(await db.figure.count({ where: { source: { url: SOURCE_URL } } })).toBe(0);
    // Nothing typed is lost, and each problem is marked on its field.
    await expect(first.getByLabel('Attribution').inputValue()).resolves.toBe('Kyrylo Tymoshenko, Office of the President of Ukraine');
    await expect(first.getByLabel('Value', { exact: true }).inputValue()).resolves.toBe('5,100');
    await expect(second.getByLabel('As of date').inputValue()).resolves.toBe('2022-03-08');
    await expect(first.getByLabel('Metric').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(second.getByLabel('Value', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await summary.getByRole('link', { name: /^Figure 2, value/ }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('c2.value');
    await first.getByLabel('Metric').selectOption({ label: 'Evacuees' });
    await second.getByLabel('Value', { exact: true }).fill('some 60');
    await page.getByRole('button', { name: 'Save selected as drafts' }).click();
    await page.getByRole('heading', { name: 'Saved 2 draft figures' }).waitFor({ timeout: 20_000 }).catch(async () => {
      // Fail with the page's own messages if saving is refused.
      throw new Error(`Not saved: ${(await page.locator('main [role=alert], main .field-error').allTextContents()).join(' | ')}`);
    });

    await page.goto('/admin/figures?status=DRAFT');
    const rows = page.locator('tr', { hasText: 'Wire: Sumy evacuation convoys' });
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.filter({ hasText: 'More than 5,000 people were evacuated from Sumy on Tuesday, Tymoshenko told local media.' }).textContent()).resolves.toContain('5,100');
    await expect(rows.filter({ hasText: 'Some 60 buses left the city in two convoys.' }).count()).resolves.toBe(1);

    const saved = await db.figure.findMany({ where: { source: { url: SOURCE_URL } }, orderBy: { id: 'asc' }, include: { source: { include: { publisher: true } }, revisions: true } });
    expect(saved.map((f) => [f.status, f.low, f.quote, f.attribution])).toEqual([
      ['DRAFT', 5100n, 'More than 5,000 people were evacuated from Sumy on Tuesday, Tymoshenko told local media.', 'Kyrylo Tymoshenko, Office of the President of Ukraine'],
      // Attribution never carries over from the sentence before (issue 12): the buses have no source.
      ['DRAFT', 60n, 'Some 60 buses left the city in two convoys.', null],
    ]);
    expect(saved[0].source.publisher?.name).toBe('Example Wire');
    expect(saved.every((f) => f.revisions.length === 1)).toBe(true);
    await page.close();
  });

  it('says so when the text has no figures', async () => {
    const page = await newPage(browser, 375, 800);
    await signIn(page);
    await fillReport(page, 'The town of 250,000 lies 350 kilometres from the border. The convoy left at 9:00 am.');
    await page.getByText('No figures found in this text.').waitFor();
    await expect(overflowing(page)).resolves.toEqual([]);
    await page.close();
  });
});
