// The editing workflow in Chromium: an editor signs in and saves a draft with a
// new source; an admin publishes it; it appears on the dashboard with its
// citation; an analyst cannot open /admin.
import type { Browser, Page } from 'playwright-core';
import { insertUser } from '@/lib/users/mutations';
import { db } from '@/lib/db/client';
import { launchBrowser, newPage } from './browser';

const stamp = Date.now();
const PASSWORD = 'correct horse battery staple';
const USERS = {
  editor: { email: `editor-${stamp}@corridor.test`, role: 'EDITOR' },
  admin: { email: `admin-${stamp}@corridor.test`, role: 'ADMIN' },
  analyst: { email: `analyst-${stamp}@corridor.test`, role: 'ANALYST' },
} as const;
const SOURCE_TITLE = `Border crossings update ${stamp}`;
const SOURCE_URL = `https://example.org/updates/${stamp}`;

async function signIn(page: Page, email: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.getByRole('button', { name: 'Sign in' }).click()]);
}

describe('entering and reviewing a figure', () => {
  let browser: Browser;
  beforeAll(async () => {
    for (const u of Object.values(USERS)) await insertUser(null, { email: u.email, name: u.role.toLowerCase(), role: u.role, password: PASSWORD });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await db.$disconnect();
  });

  it('rejects a wrong password with one message', async () => {
    const page = await newPage(browser);
    await page.goto('/login');
    await page.getByLabel('Email').fill(USERS.editor.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' }).waitFor();
    await page.context().close();
  });

  it('editor drafts with a new source, admin publishes, the dashboard cites it', async () => {
    const editor = await newPage(browser);
    await signIn(editor, USERS.editor.email, '/admin/figures/new');
    await editor.getByLabel('Metric').selectOption({ label: 'Refugees (running total)' });
    await editor.getByLabel('Value as stated').fill('3.2–3.3 million');
    await editor.getByTestId('value-preview').filter({ hasText: '3.2–3.3 million people' }).waitFor();
    // After the default dataset's last day (1 June 2022), so this claim is its week's headline on the overview.
    await editor.getByLabel('As of').fill('2022-06-15');
    await editor.getByRole('combobox', { name: 'Origin' }).fill('Ukrai');
    await editor.getByRole('option', { name: /^Ukraine/ }).first().click();
    await editor.getByLabel('New source').check();
    await editor.getByLabel('URL (optional)').fill(SOURCE_URL);
    await editor.getByLabel('Title (optional)').fill(SOURCE_TITLE);
    await editor.getByLabel('Publisher').fill('Example Agency');
    await editor.getByLabel('Published on').fill('2022-06-15');
    // A quote that does not state the number gets a warning beside the field.
    await editor.getByLabel('Quote').fill('About 3 million people have fled.');
    await editor.getByText(/does not contain/).waitFor();
    await editor.getByLabel('Quote').fill('Some 3.2–3.3 million people have fled Ukraine.');
    await Promise.all([editor.waitForURL(/\/admin\/figures\/\d+\/edit\?saved=1/), editor.getByRole('button', { name: 'Save draft' }).click()]);
    const figureId = Number(/figures\/(\d+)/.exec(editor.url())![1]);
    await editor.goto('/admin/figures?status=DRAFT');
    await editor.locator(`tr[data-figure-id="${figureId}"]`).filter({ hasText: SOURCE_TITLE }).waitFor();
    await editor.context().close();

    const admin = await newPage(browser);
    await signIn(admin, USERS.admin.email, `/admin/figures/${figureId}/edit`);
    await Promise.all([admin.waitForURL(/published=1/), admin.getByRole('button', { name: 'Publish', exact: true }).click()]);
    await admin.getByText('Published. It now appears on the dashboard.').waitFor();
    await admin.getByText(/publish\s+by admin/).waitFor();
    // The home page chart lists the point's citation (in its tooltip and data table), linking to the figure.
    await admin.goto('/');
    await admin.getByText('Data table for refugees').click(); // built when opened
    await admin.locator(`a[href="/figures/${figureId}"]`).filter({ hasText: SOURCE_TITLE }).first().waitFor({ state: 'attached' });
    await admin.goto(`/figures/${figureId}`);
    await admin.getByText(SOURCE_TITLE).first().waitFor();
    await admin.getByText('Some 3.2–3.3 million people have fled Ukraine.').first().waitFor();
    await admin.context().close();

    const row = await db.figure.findUniqueOrThrow({ where: { id: figureId }, select: { status: true, low: true, high: true, _count: { select: { revisions: true } } } });
    expect(row).toEqual({ status: 'PUBLISHED', low: 3_200_000n, high: 3_300_000n, _count: { revisions: 2 } });
  });

  it('finds a source older than the ones the form is sent, by asking the server', async () => {
    // 2,000 newer sources push an old one out of the list sent with the form.
    const old = await db.source.create({ data: { title: `Archive dispatch ${stamp}`, publishedAt: new Date('2019-05-01T00:00:00Z') } });
    await db.source.createMany({ data: Array.from({ length: 2_000 }, (_, i) => ({ title: `Bulk wire ${stamp} ${i}`, publishedAt: new Date('2022-12-31T00:00:00Z') })) });
    try {
      const editor = await newPage(browser);
      await signIn(editor, USERS.editor.email, '/admin/figures/new');
      const box = editor.getByRole('combobox', { name: 'Find a source' });
      await box.fill(`Archive dispatch ${stamp}`);
      await editor.getByRole('option', { name: `Archive dispatch ${stamp} (2019-05-01)` }).click();
      await editor.getByText(`Chosen: Archive dispatch ${stamp}`).waitFor();
      await expect(editor.locator('input[name="sourceId"]').inputValue()).resolves.toBe(String(old.id));
      await editor.context().close();
    } finally {
      await db.source.deleteMany({ where: { OR: [{ id: old.id }, { title: { startsWith: `Bulk wire ${stamp} ` } }] } });
    }
  });

  it('refuses the analyst at /admin', async () => {
    const page = await newPage(browser);
    await signIn(page, USERS.analyst.email, '/admin/figures');
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    expect(await page.getByRole('link', { name: 'New figure' }).count()).toBe(0);
    await page.context().close();
  });

  it('sends anonymous visitors from /admin to the sign-in page', async () => {
    const page = await newPage(browser);
    await page.goto('/admin/figures');
    await page.waitForURL(/\/login\?next=/);
    await page.context().close();
  });
});
