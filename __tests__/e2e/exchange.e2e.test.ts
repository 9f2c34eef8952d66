// Data exchange in Chromium: the dashboard's Export CSV downloads exactly the
// filtered figures, and an editor imports a file through the preview and the
// commit at /admin/import, then finds the figures among the drafts.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { insertUser } from '@/lib/users/mutations';
import { db } from '@/lib/db/client';
import { launchBrowser, newPage } from './browser';

const stamp = Date.now();
const PASSWORD = 'correct horse battery staple';
const EDITOR = `importer-${stamp}@corridor.test`;
const SOURCE_TITLE = `Transit centre count ${stamp}`;

async function signIn(page: Page, email: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.getByRole('button', { name: 'Sign in' }).click()]);
}

async function listedIds(page: Page, query: URLSearchParams): Promise<number[]> {
  const params = new URLSearchParams(query);
  params.set('limit', '1000');
  const response = await page.request.get(`/api/v1/figures?${params}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { figures: { id: number }[]; nextCursor: string | null };
  expect(body.nextCursor).toBeNull();
  return body.figures.map((f) => f.id).sort((a, b) => a - b);
}

describe('data exchange', () => {
  let browser: Browser;
  beforeAll(async () => {
    await insertUser(null, { email: EDITOR, name: 'importer', role: 'EDITOR', password: PASSWORD });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await db.$disconnect();
  });

  it('exports exactly the filtered dashboard figures as CSV', async () => {
    const page = await newPage(browser);
    await page.goto('/');
    await page.getByLabel('From', { exact: true }).fill('2022-03-01');
    await page.getByLabel('To', { exact: true }).fill('2022-03-31');
    // The place filter suggests places as one types (GET /api/v1/places).
    await page.getByRole('combobox', { name: 'Place (includes places within)' }).fill('Sumy');
    await page.getByRole('option', { name: /^Sumy Oblast · Ukraine/ }).click();
    await Promise.all([page.waitForURL(/place=\d+/), page.getByRole('button', { name: 'Apply filters' }).click()]);

    const link = page.getByRole('link', { name: 'Export CSV' });
    const query = new URL((await link.getAttribute('href'))!, page.url()).searchParams;
    expect(query.get('from')).toBe('2022-03-01');
    expect(query.get('to')).toBe('2022-03-31');
    expect(query.get('place')).toBeTruthy();

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const records: { id: string; as_of: string }[] = parse(await readFile((await download.path())!), { columns: true, bom: true });
    const exported = records.map((r) => Number(r.id)).sort((a, b) => a - b);

    const listed = await listedIds(page, query);
    expect(listed.length).toBeGreaterThan(0);
    expect(exported).toEqual(listed);
    // The filter really narrowed the view: the unfiltered export holds more.
    expect((await listedIds(page, new URLSearchParams())).length).toBeGreaterThan(listed.length);
    expect(records.every((r) => r.as_of >= '2022-03-01' && r.as_of <= '2022-03-31')).toBe(true);
    await page.context().close();
  });

  it('imports a small file as the editor: preview, commit, then the drafts list shows it', async () => {
    const page = await newPage(browser);
    await signIn(page, EDITOR, '/admin/import');
    await page.getByRole('heading', { name: 'Import figures' }).waitFor();
    const file = [
      'metric,value_low,value_high,qualifier,as_of,origin_code,destination_code,source_title,source_url,publisher,quote',
      `refugees,1200,1200,EXACT,2022-03-14,UKR,POL,${SOURCE_TITLE},https://example.org/transit/${stamp},Example Agency,"1,200 people passed the transit centre."`,
      `evacuees,300,400,RANGE,2022-03-15,UA59,,${SOURCE_TITLE},https://example.org/transit/${stamp},Example Agency,"Between 300 and 400 people left Sumy Oblast."`,
    ].join('\n');
    await page.getByLabel('CSV file').setInputFiles({ name: `transit-${stamp}.csv`, mimeType: 'text/csv', buffer: Buffer.from(file) });

    await page.getByRole('button', { name: 'Preview import' }).click();
    await page.getByRole('status').filter({ hasText: 'Preview: 2 new, 0 duplicate, 0 invalid of 2 rows.' }).waitFor();
    expect(await db.figure.count({ where: { source: { title: SOURCE_TITLE } } })).toBe(0);

    await page.getByRole('button', { name: 'Commit import' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported: 2 new, 0 duplicate, 0 invalid of 2 rows.' }).waitFor();

    const imported = await db.figure.findMany({ where: { source: { title: SOURCE_TITLE } }, select: { id: true, status: true }, orderBy: { id: 'asc' } });
    expect(imported.map((f) => f.status)).toEqual(['DRAFT', 'DRAFT']);
    const nav = page.getByRole('navigation', { name: 'Admin' });
    await expect(nav.getByRole('link', { name: 'Import', exact: true }).getAttribute('href')).resolves.toBe('/admin/import');
    await expect(nav.getByRole('link', { name: 'Extract', exact: true }).getAttribute('href')).resolves.toBe('/admin/extract');
    await page.goto('/admin/figures?status=DRAFT');
    for (const { id } of imported) await page.locator(`tr[data-figure-id="${id}"]`).filter({ hasText: SOURCE_TITLE }).waitFor();
    await page.context().close();
  });
});
