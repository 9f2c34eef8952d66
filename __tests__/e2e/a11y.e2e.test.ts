// axe-core (WCAG 2.1 A and AA) on every admin and account page, in the light and the
// dark colour scheme, and the same pages on a 375 px screen without sideways scrolling.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { insertUser } from '@/lib/users/mutations';
import { db } from '@/lib/db/client';
import { BASE_URL, launchBrowser } from './browser';
import { axeViolations } from './axe';
import { PASSWORD, signIn } from './signIn';

const ADMIN = `a11y-admin-${Date.now()}@corridor.test`;

/** Elements of the page body that stick out past the viewport's right edge. */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .filter((el) => !el.closest('.table-wrap, .chart-table, [hidden], .visually-hidden, .skip-link'))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(0, 5),
  );

async function adminPages(): Promise<string[]> {
  const [figure, source, place, event, metric] = await Promise.all([
    db.figure.findFirstOrThrow({ where: { status: 'PUBLISHED' }, select: { id: true } }),
    db.source.findFirstOrThrow({ select: { id: true } }),
    db.place.findFirstOrThrow({ select: { id: true } }),
    db.event.findFirstOrThrow({ select: { id: true } }),
    db.metric.findFirstOrThrow({ select: { id: true } }),
  ]);
  return [
    '/admin/review',
    '/admin/figures',
    '/admin/figures?status=DRAFT',
    '/admin/figures/new',
    `/admin/figures/${figure.id}/edit`,
    '/admin/sources',
    `/admin/sources/${source.id}`,
    '/admin/places',
    `/admin/places/${place.id}`,
    '/admin/events',
    `/admin/events/${event.id}`,
    '/admin/metrics',
    `/admin/metrics/${metric.id}`,
    '/admin/import',
    '/admin/extract',
    '/admin/users',
    '/admin/audit',
    '/account',
    '/account/tokens',
  ];
}

describe('accessibility of the admin pages', () => {
  let browser: Browser;
  let pages: string[];
  beforeAll(async () => {
    await insertUser(null, { email: ADMIN, name: 'A11y Admin', role: 'ADMIN', password: PASSWORD });
    pages = await adminPages();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await db.$disconnect();
  });

  async function signedIn(options: Parameters<Browser['newContext']>[0]): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ baseURL: BASE_URL, ...options });
    const page = await context.newPage();
    await signIn(page, ADMIN);
    return { context, page };
  }

  it.each(['light', 'dark'] as const)('finds no WCAG 2.1 AA violation on any admin page (%s scheme)', async (colorScheme) => {
    const { context, page } = await signedIn({ viewport: { width: 1280, height: 900 }, colorScheme });
    const found: Record<string, string[]> = {};
    for (const path of pages) {
      const response = await page.goto(path);
      expect([path, response?.status()]).toEqual([path, 200]);
      const violations = await axeViolations(page);
      if (violations.length) found[path] = violations;
    }
    expect(found).toEqual({});
    await context.close();
  });

  it('lays out every admin page within a 375 px screen', async () => {
    const { context, page } = await signedIn({ viewport: { width: 375, height: 800 } });
    const found: Record<string, string[]> = {};
    for (const path of pages) {
      await page.goto(path);
      const wide = await overflowing(page);
      if (wide.length) found[path] = wide;
    }
    expect(found).toEqual({});
    await context.close();
  });

  it('finds no violation on the sign-in page', async () => {
    const context = await browser.newContext({ baseURL: BASE_URL });
    const page = await context.newPage();
    await page.goto('/login');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
