import { db } from '@/lib/db/client';
import { sql } from '@/lib/db/sql';
import { parseFigureFilters } from '@/lib/figures/filters';
import { getSeries } from '@/lib/figures/getSeries';
import type { Interval } from '@/lib/vocabulary';
import { AppError } from '@/lib/http/AppError';
import { resetDatabase } from '../../helpers/db';
import { createFigure, createMetric, createPlace, createSource } from './fixtures';

const published = parseFigureFilters({});
const series = (metric: string, interval: Interval = 'day', filters = published, includeClaims = false) =>
  getSeries({ metric, filters, interval, includeClaims });

afterAll(async () => {
  await sql.end();
  await db.$disconnect();
});

describe('the headline rule for a stock', () => {
  let metricId: number;
  beforeEach(async () => {
    await resetDatabase();
    metricId = (await createMetric('refugees', 'STOCK')).id;
  });

  it('draws the preferred source even when another was published later', async () => {
    const preferred = await createSource('Agency', { publishedAt: '2022-03-01', preferred: true });
    const later = await createSource('Newspaper', { publishedAt: '2022-03-05' });
    const a = await createFigure({ metricId, sourceId: preferred.id, asOf: '2022-03-01', low: 1000n });
    const b = await createFigure({ metricId, sourceId: later.id, asOf: '2022-03-01', low: 2000n });
    const { points } = await series('refugees');
    expect(points).toEqual([expect.objectContaining({ date: '2022-03-01', value: 1000n, claims: 2, figureIds: [a.id, b.id] })]);
  });

  it('otherwise draws the most recently published source', async () => {
    const early = await createSource('Early', { publishedAt: '2022-03-01' });
    const late = await createSource('Late', { publishedAt: '2022-03-03' });
    const undated = await createSource('Undated');
    await createFigure({ metricId, sourceId: early.id, asOf: '2022-03-01', low: 1000n });
    await createFigure({ metricId, sourceId: undated.id, asOf: '2022-03-01', low: 9000n });
    await createFigure({ metricId, sourceId: late.id, asOf: '2022-03-01', low: 3000n });
    expect((await series('refugees')).points[0].value).toBe(3000n);
  });

  it('breaks a tie between equally dated sources by the latest update, then the highest id', async () => {
    const one = await createSource('One', { publishedAt: '2022-03-02' });
    const two = await createSource('Two', { publishedAt: '2022-03-02' });
    await createFigure({ metricId, sourceId: one.id, asOf: '2022-03-02', low: 10n, updatedAt: new Date('2022-03-05T00:00:00Z') });
    await createFigure({ metricId, sourceId: two.id, asOf: '2022-03-02', low: 20n, updatedAt: new Date('2022-03-04T00:00:00Z') });
    expect((await series('refugees')).points[0].value).toBe(10n);
    await sql`UPDATE figure SET "updatedAt" = '2022-03-05T00:00:00Z'`;
    expect((await series('refugees')).points[0].value).toBe(20n);
  });

  it('ignores drafts and retracted figures even when asked for them', async () => {
    const src = await createSource('S', { publishedAt: '2022-03-02' });
    await createFigure({ metricId, sourceId: src.id, asOf: '2022-03-02', low: 10n, status: 'DRAFT' });
    await createFigure({ metricId, sourceId: src.id, asOf: '2022-03-02', low: 30n, status: 'RETRACTED' });
    await createFigure({ metricId, sourceId: src.id, asOf: '2022-03-01', low: 5n });
    const withDrafts = parseFigureFilters({ status: 'DRAFT,PUBLISHED,RETRACTED' });
    expect((await series('refugees', 'day', withDrafts)).points.map((p) => [p.date, p.value])).toEqual([['2022-03-01', 5n]]);
  });

  it('keeps a range band and plots its midpoint; bounds keep their qualifier', async () => {
    const src = await createSource('S', { publishedAt: '2022-03-09' });
    await createFigure({ metricId, sourceId: src.id, asOf: '2022-03-09', low: 2_100_000n, high: 2_200_000n, qualifier: 'RANGE' });
    await createFigure({ metricId, sourceId: src.id, asOf: '2022-03-10', low: 4_000_000n, qualifier: 'AT_LEAST' });
    await createFigure({ metricId, sourceId: src.id, asOf: '2022-03-11', low: 300n, qualifier: 'AT_MOST' });
    const { points } = await series('refugees');
    expect(points.map(({ date, value, low, high, qualifier }) => ({ date, value, low, high, qualifier }))).toEqual([
      { date: '2022-03-09', value: 2_150_000n, low: 2_100_000n, high: 2_200_000n, qualifier: 'RANGE' },
      { date: '2022-03-10', value: 4_000_000n, low: 4_000_000n, high: 4_000_000n, qualifier: 'AT_LEAST' },
      { date: '2022-03-11', value: 300n, low: 300n, high: 300n, qualifier: 'AT_MOST' },
    ]);
  });

  it('shows the last day of each month for a monthly stock', async () => {
    const src = await createSource('S', { publishedAt: '2022-03-01' });
    await createFigure({ metricId, sourceId: src.id, asOf: '2022-03-30', low: 4n });
    await createFigure({ metricId, sourceId: src.id, asOf: '2022-03-02', low: 1n });
    await createFigure({ metricId, sourceId: src.id, asOf: '2022-04-01', low: 5n });
    expect((await series('refugees', 'month')).points.map((p) => [p.date, p.value])).toEqual([['2022-03-01', 4n], ['2022-04-01', 5n]]);
  });

  it('attaches every claim with its citation when asked', async () => {
    const src = await createSource('UNHCR update', { publishedAt: '2022-03-02', publisher: 'UNHCR' });
    const f = await createFigure({ metricId, sourceId: src.id, asOf: '2022-03-02', low: 5000n, qualifier: 'AT_LEAST', valueAsStated: 'more than 5,000', quote: 'More than 5,000 people' });
    const { points } = await series('refugees', 'day', published, true);
    expect(points[0].claimDetails).toEqual([
      expect.objectContaining({ id: f.id, valueAsStated: 'more than 5,000', quote: 'More than 5,000 people', asOf: '2022-03-02', source: expect.objectContaining({ title: 'UNHCR update', publisher: 'UNHCR', publishedAt: '2022-03-02' }) }),
    ]);
  });
});

describe('flows', () => {
  let metricId: number;
  let src: { id: number };
  beforeEach(async () => {
    await resetDatabase();
    metricId = (await createMetric('evacuees', 'FLOW')).id;
    src = await createSource('S', { publishedAt: '2022-03-01' });
  });

  it('buckets by month across a month edge and by Monday-started week across it', async () => {
    for (const [asOf, low] of [['2022-03-30', 1n], ['2022-03-31', 2n], ['2022-04-01', 4n], ['2022-04-04', 8n]] as const) {
      await createFigure({ metricId, sourceId: src.id, asOf, low });
    }
    expect((await series('evacuees', 'month')).points.map((p) => [p.date, p.value, p.claims])).toEqual([['2022-03-01', 3n, 2], ['2022-04-01', 12n, 2]]);
    // 28 March 2022 is a Monday: 30 March to 1 April share its week.
    expect((await series('evacuees', 'week')).points.map((p) => [p.date, p.value])).toEqual([['2022-03-28', 7n], ['2022-04-04', 8n]]);
  });

  it('sums one headline per place and day, not every claim', async () => {
    const sumy = await createPlace('Sumy');
    const kharkiv = await createPlace('Kharkiv');
    const later = await createSource('Later', { publishedAt: '2022-03-09' });
    await createFigure({ metricId, sourceId: src.id, asOf: '2022-03-08', low: 4000n, originId: sumy.id });
    await createFigure({ metricId, sourceId: later.id, asOf: '2022-03-08', low: 5000n, qualifier: 'AT_LEAST', originId: sumy.id });
    await createFigure({ metricId, sourceId: src.id, asOf: '2022-03-08', low: 100n, originId: kharkiv.id });
    const [point] = (await series('evacuees')).points;
    expect(point).toEqual(expect.objectContaining({ value: 5100n, low: 5100n, high: 5100n, qualifier: 'AT_LEAST', claims: 3 }));
  });

  it('includes the cities of a chosen region', async () => {
    const oblast = await createPlace('Sumy Oblast', undefined, 'UA59');
    const city = await createPlace('Sumy', oblast.id);
    const elsewhere = await createPlace('Lviv');
    await createFigure({ metricId, sourceId: src.id, asOf: '2022-03-08', low: 5000n, originId: city.id });
    await createFigure({ metricId, sourceId: src.id, asOf: '2022-03-08', low: 7n, originId: elsewhere.id });
    expect((await series('evacuees', 'day', parseFigureFilters({ place: 'UA59' }))).points.map((p) => p.value)).toEqual([5000n]);
  });

  it('returns no points, not zeros, when nothing matches', async () => {
    await createFigure({ metricId, sourceId: src.id, asOf: '2022-03-08', low: 5n });
    const filters = parseFigureFilters({ from: '2022-03-01', to: '2022-03-05' });
    await expect(series('evacuees', 'day', filters)).resolves.toEqual(expect.objectContaining({ metric: 'evacuees', kind: 'FLOW', points: [] }));
  });

  it('rejects an unknown metric as not found', async () => {
    await expect(series('tents')).rejects.toEqual(expect.objectContaining({ code: 'NOT_FOUND', param: 'metric' }));
    await expect(series('tents')).rejects.toBeInstanceOf(AppError);
  });
});
