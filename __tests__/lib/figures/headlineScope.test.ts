// The headline rule's scope: a running total that names a destination is not a
// total for its origin, and a count for a place is part of the count for a place
// that contains it on the same day. Both the precomputed table and the live query.
import { db } from '@/lib/db/client';
import { sql } from '@/lib/db/sql';
import { parseFigureFilters } from '@/lib/figures/filters';
import { getSeries } from '@/lib/figures/getSeries';
import { listHeadlinePoints, listLivePoints } from '@/lib/figures/listSeriesPoints';
import { resetDatabase } from '../../helpers/db';
import { createFigure, createMetric, createPlace, createSource } from './fixtures';

afterAll(async () => {
  await sql.end();
  await db.$disconnect();
});

const values = async (metric: string, query: Record<string, string> = {}) =>
  (await getSeries({ metric, filters: parseFigureFilters(query), interval: 'day' })).points.map((p) => [p.date, p.value]);

/** The unfiltered series from figure_headline and from the live query. */
async function bothPaths(metric: { id: number; kind: 'STOCK' | 'FLOW' }) {
  const filters = parseFigureFilters({});
  const strip = (rows: Array<{ date: string; value: bigint; figure_ids: number[] }>) => rows.map((r) => [r.date, r.value, r.figure_ids]);
  return [strip(await listHeadlinePoints(sql, metric, filters, 'day')), strip(await listLivePoints(sql, metric, filters, 'day'))];
}

describe('a running total with a destination', () => {
  let metric: { id: number; kind: 'STOCK' };
  let ukraine: number;
  let poland: number;
  beforeEach(async () => {
    await resetDatabase();
    metric = { id: (await createMetric('refugees', 'STOCK')).id, kind: 'STOCK' };
    ukraine = (await createPlace('Ukraine', undefined, 'UKR')).id;
    poland = (await createPlace('Poland', undefined, 'POL')).id;
    // The country count comes from the preferred source: under the old rule it would win the day.
    const border = await createSource('Border guard', { publishedAt: '2022-03-10', preferred: true });
    const unhcr = await createSource('UNHCR', { publishedAt: '2022-03-09' });
    await createFigure({ metricId: metric.id, sourceId: unhcr.id, asOf: '2022-03-08', low: 2_000_000n, originId: ukraine });
    await createFigure({ metricId: metric.id, sourceId: border.id, asOf: '2022-03-08', low: 1_200_000n, originId: ukraine, destinationId: poland });
    await createFigure({ metricId: metric.id, sourceId: border.id, asOf: '2022-03-09', low: 1_300_000n, originId: ukraine, destinationId: poland });
  });

  it('never stands in for the total: the overall chart plots only totals without a destination', async () => {
    expect(await values('refugees')).toEqual([['2022-03-08', 2_000_000n]]);
    const [table, live] = await bothPaths(metric);
    expect(table).toEqual(live);
  });

  it('is charted for its destination, by destination or by place', async () => {
    const poland = [['2022-03-08', 1_200_000n], ['2022-03-09', 1_300_000n]];
    expect(await values('refugees', { destination: 'POL' })).toEqual(poland);
    expect(await values('refugees', { place: 'POL' })).toEqual(poland);
    // The origin alone asks for the origin's totals.
    expect(await values('refugees', { origin: 'UKR' })).toEqual([['2022-03-08', 2_000_000n]]);
  });
});

describe('a count for a place inside another counted place', () => {
  let metric: { id: number; kind: 'FLOW' };
  let ids: { ukraine: number; oblast: number; sumy: number; kharkiv: number };
  let src: { id: number };
  beforeEach(async () => {
    await resetDatabase();
    metric = { id: (await createMetric('evacuees', 'FLOW')).id, kind: 'FLOW' };
    const ukraine = (await createPlace('Ukraine', undefined, 'UKR')).id;
    const oblast = (await createPlace('Sumy Oblast', ukraine, 'UA59')).id;
    const sumy = (await createPlace('Sumy', oblast)).id;
    const kharkiv = (await createPlace('Kharkiv', ukraine)).id;
    ids = { ukraine, oblast, sumy, kharkiv };
    src = await createSource('Wire', { publishedAt: '2022-03-10' });
    // 8 March: a national total and two of its parts. 9 March: parts only.
    await createFigure({ metricId: metric.id, sourceId: src.id, asOf: '2022-03-08', low: 10_000n, originId: ukraine });
    await createFigure({ metricId: metric.id, sourceId: src.id, asOf: '2022-03-08', low: 5_000n, originId: sumy });
    await createFigure({ metricId: metric.id, sourceId: src.id, asOf: '2022-03-08', low: 1_500n, originId: kharkiv });
    await createFigure({ metricId: metric.id, sourceId: src.id, asOf: '2022-03-09', low: 3_000n, originId: sumy });
    await createFigure({ metricId: metric.id, sourceId: src.id, asOf: '2022-03-09', low: 2_000n, originId: kharkiv });
  });

  it('is not added to the containing place’s count, and adds up where nothing contains it', async () => {
    expect(await values('evacuees')).toEqual([['2022-03-08', 10_000n], ['2022-03-09', 5_000n]]);
    const [table, live] = await bothPaths(metric);
    expect(table).toEqual(live);
  });

  it('lists the added claim first among the ids of its point', async () => {
    const [point] = (await getSeries({ metric: 'evacuees', filters: parseFigureFilters({}), interval: 'day' })).points;
    const national = await db.figure.findFirstOrThrow({ where: { originId: ids.ukraine }, select: { id: true } });
    expect(point.figureIds[0]).toBe(national.id);
    expect(point.claims).toBe(3);
  });

  it('counts in a region’s own view, where the national total is out of the filter', async () => {
    expect(await values('evacuees', { place: 'UA59' })).toEqual([['2022-03-08', 5_000n], ['2022-03-09', 3_000n]]);
  });

  it('is ranked again when a place moves out from under the other', async () => {
    await db.place.update({ where: { id: ids.oblast }, data: { parentId: null } });
    expect(await values('evacuees')).toEqual([['2022-03-08', 15_000n], ['2022-03-09', 5_000n]]);
    const [table, live] = await bothPaths(metric);
    expect(table).toEqual(live);
  });
});
