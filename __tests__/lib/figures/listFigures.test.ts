// The figure list's pages, and the series' live ranking, under every filter, read
// two ways: with the ids readFigureFilters resolves (literal place trees, the
// publisher's and the search's sources; the value sort then walks an index per
// place or source, listFigures' keyWalks) and with the filters' own subqueries.
// Both must give the same rows in the same order as one plain ORDER BY over all
// matching figures, page after page through the cursors.
import { resetDatabase } from '@/__tests__/helpers/db';
import { closeAuth } from '@/lib/auth/auth';
import { db } from '@/lib/db/client';
import { sql } from '@/lib/db/sql';
import { figureFilterSql, parseFigureFilters, type FigureFilters } from '@/lib/figures/filters';
import { readFigureFilters } from '@/lib/figures/readFigureFilters';
import { keyWalks, listFigures, parsePageQuery, type FigureSort } from '@/lib/figures/listFigures';
import { getMetricByKey } from '@/lib/figures/getSeries';
import { listLivePoints } from '@/lib/figures/listSeriesPoints';
import type { Interval } from '@/lib/vocabulary';
import { createMetric, createPlace, createSource } from './fixtures';

afterAll(async () => {
  await closeAuth();
  await sql.end();
  await db.$disconnect();
});

interface Seeded { cityA: number; warsaw: number; agencyA: number }

/**
 * 600 figures over a country, two oblasts with cities, and Poland; values grow with
 * the place's level (a country's counts dwarf a city's, as in real reports) and repeat,
 * so ties fall to the id; a few drafts and retractions; sources of two publishers.
 */
async function seed(): Promise<Seeded> {
  await resetDatabase();
  const refugees = (await createMetric('refugees', 'STOCK')).id;
  const evacuees = (await createMetric('evacuees', 'FLOW')).id;
  const ua = (await createPlace('Ukraine', undefined, 'UA')).id;
  const oblastA = (await createPlace('Sumy Oblast', ua, 'UA59')).id;
  const cityA = (await createPlace('Sumy', oblastA)).id;
  const townA = (await createPlace('Konotop', oblastA)).id;
  const oblastB = (await createPlace('Lviv Oblast', ua, 'UA46')).id;
  const cityB = (await createPlace('Lviv', oblastB)).id;
  const pl = (await createPlace('Poland', undefined, 'PL')).id;
  const warsaw = (await createPlace('Warsaw', pl)).id;
  const sources: number[] = [];
  for (let i = 0; i < 6; i++) {
    const publisher = i % 3 === 0 ? 'Agency A' : i % 3 === 1 ? 'Agency B' : undefined;
    sources.push((await createSource(i === 4 ? 'Convoy report 42' : `Situation report ${i}`, { publisher, publishedAt: `2022-03-0${i + 1}` })).id);
  }
  const origins = [ua, oblastA, cityA, townA, oblastB, cityB, null, cityA, townA];
  const destinations = [null, pl, warsaw, null, cityB, null, warsaw, oblastA, null, null, pl];
  const scale = new Map<number | null, number>([[ua, 1000], [pl, 1000], [oblastA, 30], [oblastB, 30], [null, 5]]);
  const rows: string[] = [];
  for (let i = 0; i < 600; i++) {
    const origin = origins[i % origins.length];
    const destination = destinations[(i * 7) % destinations.length];
    const low = (scale.get(origin) ?? 1) * (1 + ((i * 37) % 11));
    const status = i % 23 === 0 ? 'DRAFT' : i % 29 === 0 ? 'RETRACTED' : 'PUBLISHED';
    const qualifier = ['EXACT', 'APPROXIMATE', 'RANGE', 'AT_LEAST'][i % 4];
    const quote = i % 5 === 0 ? `Convoy ${i} reached the border` : `Report ${i}: people moved`;
    rows.push(`(${i % 3 ? refugees : evacuees}, ${low}, ${qualifier === 'RANGE' ? low + 7 : low}, '${qualifier}', date '2022-03-01' + ${i % 20},
      ${origin ?? 'NULL'}, ${destination ?? 'NULL'}, ${sources[(i * 5) % sources.length]}, '${quote}', '${status}', timestamp '2022-04-01' + ${i} * interval '1 minute')`);
  }
  await sql.unsafe(`INSERT INTO figure ("metricId", low, high, qualifier, "asOf", "originId", "destinationId", "sourceId", quote, status, "updatedAt")
    VALUES ${rows.join(',\n')}`);
  const [agency] = await sql<{ id: number }[]>`SELECT id FROM organization WHERE name = 'Agency A'`;
  return { cityA, warsaw, agencyA: agency.id };
}

const noActor = async () => null;

/** Every figure the filters select, in the sort's order: the answer the pages must add up to. */
async function allInOrder(filters: FigureFilters, sort: FigureSort): Promise<number[]> {
  const direction = sort.startsWith('-') ? sql`DESC` : sql`ASC`;
  const column = { value: 'low', asOf: 'asOf', updated: 'updatedAt', id: 'id' }[sort.replace('-', '') as 'value'];
  const rows = await sql<{ id: number }[]>`
    SELECT f.id FROM figure f WHERE ${figureFilterSql(sql, filters)} ORDER BY f.${sql(column)} ${direction}, f.id ${direction}`;
  return rows.map((r) => r.id);
}

/** The ids of every page, following nextCursor. */
async function pageThrough(filters: FigureFilters, sort: FigureSort, limit: number): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page = parsePageQuery(new URLSearchParams({ sort, limit: String(limit), ...(cursor ? { cursor } : {}) }));
    const result = await listFigures(filters, page);
    ids.push(...result.figures.map((f) => f.id));
    cursor = result.nextCursor;
  } while (cursor);
  return ids;
}

describe('filters read with resolved ids against their subqueries', () => {
  let s: Seeded;
  beforeAll(async () => {
    s = await seed();
  });

  const filterSets = (): Array<Record<string, string>> => [
    { place: 'UA59' }, { place: 'UA' }, { place: String(s.cityA) }, { origin: 'UA59' }, { origin: 'UA' },
    { destination: 'PL' }, { destination: String(s.warsaw) }, { publisher: 'Agency A' }, { publisher: String(s.agencyA) },
    { publisher: 'Nobody at all' }, { place: 'UA59', publisher: 'Agency B' }, { origin: 'UA', destination: 'PL' },
    { place: 'UA59', metric: 'evacuees', qualifier: 'RANGE' }, { publisher: 'Agency A', metric: 'evacuees', from: '2022-03-05', to: '2022-03-12' },
    { q: 'convoy' }, { q: 'Convoy report 4' }, { q: 'convoy', place: 'UA59' }, { q: '%' },
  ];

  it('selects the same figures', async () => {
    let nonEmpty = 0;
    for (const input of filterSets()) {
      const resolved = await readFigureFilters(new URLSearchParams(input), noActor);
      const expected = await allInOrder(parseFigureFilters(input), 'id');
      expect({ input, ids: await allInOrder(resolved, 'id') }).toEqual({ input, ids: expected });
      if (expected.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(filterSets().length - 3);
  });

  it('pages through the value sort in order, walking an index per place or source when one filter drives it', async () => {
    let walked = 0;
    for (const input of filterSets()) {
      const resolved = await readFigureFilters(new URLSearchParams(input), noActor);
      const unresolved = parseFigureFilters(input);
      for (const sort of ['-value', 'value'] as const) {
        const expected = await allInOrder(unresolved, sort);
        for (const limit of [1, 4, 50]) {
          const page = parsePageQuery(new URLSearchParams({ sort, limit: String(limit) }));
          if (keyWalks(resolved, page)) walked++;
          expect({ input, sort, limit, ids: await pageThrough(resolved, sort, limit) }).toEqual({ input, sort, limit, ids: expected });
        }
        expect({ input, sort, ids: await pageThrough(unresolved, sort, 7) }).toEqual({ input, sort, ids: expected });
      }
    }
    // The walks ran for every set with a place, origin, destination or publisher filter and no search.
    expect(walked).toBe(14 * 2 * 3);
  });

  it('pages through the other sorts in order, with and without a search', async () => {
    for (const input of filterSets()) {
      const resolved = await readFigureFilters(new URLSearchParams(input), noActor);
      for (const sort of ['-asOf', 'updated'] as const) {
        const expected = await allInOrder(parseFigureFilters(input), sort);
        expect({ input, sort, ids: await pageThrough(resolved, sort, 6) }).toEqual({ input, sort, ids: expected });
      }
    }
  });

  it('keeps the other sorts and the search on one walk of the sort index', async () => {
    const resolved = await readFigureFilters(new URLSearchParams({ place: 'UA59', q: 'convoy' }), noActor);
    expect(keyWalks(resolved, parsePageQuery(new URLSearchParams({ sort: '-value' })))).toBeUndefined();
    const placeOnly = await readFigureFilters(new URLSearchParams({ place: 'UA59' }), noActor);
    expect(keyWalks(placeOnly, parsePageQuery(new URLSearchParams({ sort: '-asOf' })))).toBeUndefined();
    expect(keyWalks(placeOnly, parsePageQuery(new URLSearchParams({ sort: 'value' })))).toHaveLength(2);
  });

  it('ranks series live to the same points', async () => {
    let nonEmpty = 0;
    let compared = 0;
    for (const key of ['refugees', 'evacuees']) {
      const metric = await getMetricByKey(key);
      for (const input of filterSets()) {
        const withMetric = { ...input, metric: key };
        if (input.metric && input.metric !== key) continue;
        const resolved = await readFigureFilters(new URLSearchParams(withMetric), noActor);
        const unresolved = parseFigureFilters(withMetric);
        for (const interval of ['day', 'week'] as Interval[]) {
          const live = await listLivePoints(sql, metric, unresolved, interval);
          expect({ withMetric, interval, points: await listLivePoints(sql, metric, resolved, interval) }).toEqual({ withMetric, interval, points: live });
          compared++;
          if (live.length > 0) nonEmpty++;
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(compared * 0.6);
  });
});
