// The review queue in Chromium: an editor lands on it after sign-in, moves through
// drafts oldest first with the keyboard, publishes two selected drafts in one go,
// publishes one with P and opens one with O; the header counts the drafts waiting.
// On a figure, Publish and Retract sit apart and Retract asks for a reason.
import type { Browser, Page } from 'playwright-core';
import { insertUser } from '@/lib/users/mutations';
import { db } from '@/lib/db/client';
import { createFigure } from '@/lib/figures/mutations';
import type { Actor } from '@/lib/auth/permissions';
import { launchBrowser, newPage } from './browser';
import { axeViolations } from './axe';
import { PASSWORD, signIn } from './signIn';

const stamp = Date.now();
const REVIEWER = `reviewer-${stamp}@corridor.test`;
const AUTHOR = `author-${stamp}@corridor.test`;

const badge = (page: Page) => page.getByRole('banner').locator('.review-link .badge').textContent();
const drafts = () => db.figure.count({ where: { status: 'DRAFT' } });

describe('the review queue', () => {
  let browser: Browser;
  let ids: number[];
  let sourceId: number;
  beforeAll(async () => {
    await insertUser(null, { email: REVIEWER, name: 'Reviewer', role: 'EDITOR', password: PASSWORD });
    const author = await insertUser(null, { email: AUTHOR, name: 'Author', role: 'EDITOR', password: PASSWORD });
    const actor: Actor = { userId: author.id, email: author.email, name: 'Author', role: 'EDITOR', via: 'session' };
    const [metric, place] = await Promise.all([db.metric.findUniqueOrThrow({ where: { key: 'evacuees' } }), db.place.findFirstOrThrow({ where: { name: 'Sumy' } })]);
    const source = await db.source.create({ data: { title: `Queue test report ${stamp}`, publishedAt: new Date('2022-03-09T00:00:00Z') } });
    sourceId = source.id;
    ids = [];
    for (const [n, stated] of [[1_000n, 'about 1,000'], [2_000n, 'some 2,000'], [3_000n, 'nearly 3,000'], [4_000n, 'over 4,000']] as const) {
      const { id } = await createFigure(actor, {
        metricId: metric.id, qualifier: 'APPROXIMATE', low: n, high: n, valueAsStated: stated, asOf: new Date('2022-03-08T00:00:00Z'),
        originId: place.id, sourceId: source.id, quote: `Officials said ${stated} people left Sumy on Tuesday.`, attribution: 'Regional governor',
      });
      ids.push(id);
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await db.$disconnect();
  });

  it('lists drafts oldest first beside their source and quote, moves with the keyboard and publishes the selected ones together', async () => {
    const page = await newPage(browser);
    await signIn(page, REVIEWER);
    expect(new URL(page.url()).pathname).toBe('/admin/review');
    await expect(badge(page)).resolves.toBe(String(await drafts()));
    // Other tests may leave many drafts; the queue narrows to this report's.
    await page.goto(`/admin/review?source=${sourceId}`);
    await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    for (const key of ['J', 'K', 'X', 'P', 'O']) await page.locator('.shortcuts kbd', { hasText: key }).waitFor();

    const order = await page.locator('article[data-figure-id]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-figure-id'))));
    expect(order).toEqual(ids);
    // Without the filter the queue is oldest first too.
    await page.goto('/admin/review');
    const all = await page.locator('article[data-figure-id]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-figure-id'))));
    expect(all.length).toBeGreaterThan(0);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    await page.goto(`/admin/review?source=${sourceId}`);
    const first = page.locator(`article[data-figure-id="${ids[0]}"]`);
    await expect(first.locator('.review-columns').innerText()).resolves.toMatch(/Queue test report.*Officials said about 1,000 people left Sumy.*“about 1,000”/s);
    expect(await axeViolations(page)).toEqual([]);

    // Select the first and, after J, the second with X; K goes back; publish both.
    await page.locator('article[data-figure-id]').first().focus();
    await expect(first.getAttribute('aria-current')).resolves.toBe('true');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.keyboard.press('k');
    await expect(first.getAttribute('aria-current')).resolves.toBe('true');
    const before = await drafts();
    await page.getByRole('button', { name: 'Publish 2 selected' }).click();
    await page.getByRole('status').filter({ hasText: `Published 2 figures: ${ids[0]}, ${ids[1]}.` }).waitFor();
    await expect(page.locator(`article[data-figure-id="${ids[0]}"]`).count()).resolves.toBe(0);
    await expect(badge(page)).resolves.toBe(String(before - 2));

    const published = await db.figure.findMany({ where: { id: { in: ids.slice(0, 2) } }, include: { revisions: { orderBy: { version: 'asc' } } } });
    expect(published.map((f) => [f.status, f.revisions.map((r) => r.action)])).toEqual([['PUBLISHED', ['CREATE', 'PUBLISH']], ['PUBLISHED', ['CREATE', 'PUBLISH']]]);
    expect(await db.auditLog.count({ where: { entityType: 'figure', entityId: { in: ids.slice(0, 2).map(String) }, action: 'PUBLISH' } })).toBe(2);

    // P publishes the draft in focus; O opens the next.
    await page.locator(`article[data-figure-id="${ids[2]}"]`).focus();
    await page.keyboard.press('p');
    await page.getByRole('status').filter({ hasText: `Published figure ${ids[2]}.` }).waitFor();
    expect((await db.figure.findUniqueOrThrow({ where: { id: ids[2] } })).status).toBe('PUBLISHED');
    await page.locator(`article[data-figure-id="${ids[3]}"]`).focus();
    await Promise.all([page.waitForURL(new RegExp(`/admin/figures/${ids[3]}/edit$`)), page.keyboard.press('o')]);
    await page.context().close();
  });

  it('keeps Retract apart from Publish and asks for confirmation and a reason', async () => {
    const page = await newPage(browser);
    await signIn(page, REVIEWER, `/admin/figures/${ids[3]}/edit`);
    const publish = page.getByRole('button', { name: 'Publish', exact: true });
    const retract = page.getByRole('button', { name: 'Retract this figure…' });
    const [p, r] = [(await publish.boundingBox())!, (await retract.boundingBox())!];
    expect(r.y - p.y).toBeGreaterThan(300);
    expect(await axeViolations(page)).toEqual([]);

    await retract.click();
    await page.getByRole('heading', { name: 'Retract this figure?' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('reason');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await retract.click();
    await page.getByRole('button', { name: 'Retract figure' }).click();
    await page.locator('#reason-error').filter({ hasText: 'Say why the figure is retracted' }).waitFor();
    await expect(page.getByLabel('Reason for retracting').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    expect((await db.figure.findUniqueOrThrow({ where: { id: ids[3] } })).status).toBe('DRAFT');
    await page.getByLabel('Reason for retracting').fill('Duplicate of the governor’s later count');
    await Promise.all([page.waitForURL(/retracted=1/), page.getByRole('button', { name: 'Retract figure' }).click()]);
    expect(await db.figure.findUniqueOrThrow({ where: { id: ids[3] } })).toMatchObject({ status: 'RETRACTED', retractedReason: 'Duplicate of the governor’s later count' });
    await page.context().close();
  });
});
