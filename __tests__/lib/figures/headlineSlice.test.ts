// figure_headline_slice answers series filtered by one qualifier or one publisher
// (sliceTableAnswers; listHeadlinePoints reads the slice's rows). These tests check,
// after every kind of write, that the table equals a rebuild from scratch and that
// the points read from it equal the live ranking (listLivePoints) for every
// qualifier and publisher, stock and flow, day, week and month, two ranges, and
// that the API body written from it is the live body byte for byte.
import { expectUnchangedByRebuild } from '@/__tests__/helpers/rebuild';
import { closeAuth } from '@/lib/auth/auth';
import { db } from '@/lib/db/client';
import { sql } from '@/lib/db/sql';
import { parseFigureFilters } from '@/lib/figures/filters';
import { readFigureFilters } from '@/lib/figures/readFigureFilters';
import { getMetricByKey, toSeriesPoints } from '@/lib/figures/getSeries';
import { getSeriesJson } from '@/lib/figures/getSeriesJson';
import { listHeadlinePoints, listLivePoints, sliceTableAnswers } from '@/lib/figures/listSeriesPoints';
import { toJson } from '@/lib/http/respond';
import { QUALIFIERS, type Interval } from '@/lib/vocabulary';
import { seedRankedClaims, type Places } from './fixtures';

const INTERVALS: Interval[] = ['day', 'week', 'month'];

afterAll(async () => {
  await closeAuth();
  await sql.end();
  await db.$disconnect();
});

const expectTableMatchesRebuild = () =>
  expectUnchangedByRebuild('figure_headline_slice', '"metricId", slice, day', (tx) => tx`
    SELECT figure_headline_slice_refresh(array_agg(k.m), array_agg(k.d))
    FROM (SELECT DISTINCT "metricId" AS m, "asOf" AS d FROM figure WHERE status = 'PUBLISHED') k`);

/** Every qualifier, and every publisher by name and by id, plus one that publishes nothing. */
async function sliceFilters(): Promise<Array<Record<string, string>>> {
  const publishers = await sql<{ id: number; name: string }[]>`SELECT id, name FROM organization ORDER BY id`;
  return [
    ...QUALIFIERS.map((qualifier) => ({ qualifier })),
    ...publishers.flatMap((p) => [{ publisher: p.name }, { publisher: String(p.id) }]),
    { publisher: 'Nobody' },
  ];
}

/** Slice points equal the live ranking for every slice, metric, interval and two ranges. */
async function expectSlicesAgreeWithLive() {
  let compared = 0;
  let nonEmpty = 0;
  let narrower = 0;
  for (const key of ['refugees', 'evacuees']) {
    const metric = await getMetricByKey(key);
    for (const set of await sliceFilters()) {
      for (const range of [{}, { from: '2022-03-03', to: '2022-03-20' }] as Array<Record<string, string>>) {
        const input = { metric: key, ...set, ...range };
        const filters = await readFigureFilters(new URLSearchParams(input), async () => null);
        expect(sliceTableAnswers(filters)).toBe(true);
        for (const interval of INTERVALS) {
          const live = await listLivePoints(sql, metric, filters, interval);
          expect({ input, interval, points: await listHeadlinePoints(sql, metric, filters, interval) }).toEqual({ input, interval, points: live });
          // The unresolved filters (no source ids) read the same rows.
          expect(await listHeadlinePoints(sql, metric, parseFigureFilters(input), interval)).toEqual(live);
          const body = toJson({ metric: key, unit: metric.unit, kind: metric.kind, interval, points: toSeriesPoints(live) });
          expect(await getSeriesJson({ metric: key, filters, interval })).toBe(body);
          compared++;
          if (live.length > 0) nonEmpty++;
          const all = await listLivePoints(sql, metric, { ...filters, qualifier: undefined, publisher: undefined }, interval);
          if (JSON.stringify(all, bigints) !== JSON.stringify(live, bigints)) narrower++;
        }
      }
    }
  }
  // Never a vacuous comparison: most slices have claims, and slices leave claims out.
  expect(nonEmpty).toBeGreaterThan(compared * 0.8);
  expect(narrower).toBeGreaterThan(compared * 0.8);
}

const bigints = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

describe('figure_headline_slice against the live headline rule', () => {
  let places: Places;
  let metrics: { stock: number; flow: number };
  let sources: number[];

  beforeEach(async () => {
    ({ places, metrics, sources } = await seedRankedClaims());
  });

  it('agrees on the seeded claims, and holds a row per qualifier and publisher with claims', async () => {
    const slices = await sql<{ slice: string }[]>`SELECT DISTINCT slice FROM figure_headline_slice ORDER BY slice`;
    expect(slices.map((s) => s.slice.split(':')[0])).toEqual([...Array(3).fill('publisher'), ...Array(5).fill('qualifier')]);
    await expectTableMatchesRebuild();
    await expectSlicesAgreeWithLive();
  });

  it('follows edits, retractions, publications, deletes and a bulk insert', async () => {
    const [moved] = await sql<{ id: number }[]>`SELECT id FROM figure WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`;
    await sql`UPDATE figure SET "asOf" = '2022-03-07', qualifier = 'AT_LEAST', "sourceId" = ${sources[4]} WHERE id = ${moved.id}`;
    await sql`UPDATE figure SET "metricId" = ${metrics.flow}, "originId" = NULL, "destinationId" = ${places.oblastA} WHERE id = ${moved.id} + 1`;
    await sql`UPDATE figure SET low = low + 1, high = high + 1 WHERE "asOf" = '2022-03-05'`;
    await sql`UPDATE figure SET status = 'RETRACTED' WHERE "asOf" = '2022-03-06' AND qualifier = 'EXACT'`;
    await sql`UPDATE figure SET status = 'PUBLISHED' WHERE status = 'DRAFT'`;
    await sql`
      INSERT INTO figure ("metricId", low, high, qualifier, "asOf", "originId", "destinationId", "sourceId", quote, status, "updatedAt")
      SELECT CASE WHEN g % 2 = 0 THEN ${metrics.stock}::int ELSE ${metrics.flow}::int END, 10 * g, 10 * g,
             (ARRAY['EXACT','APPROXIMATE'])[1 + g % 2]::"Qualifier", date '2022-03-01' + g % 20,
             CASE WHEN g % 3 = 0 THEN ${places.oblastA}::int WHEN g % 3 = 1 THEN ${places.ua}::int END,
             CASE WHEN g % 4 = 0 THEN ${places.pl}::int END, (${sources}::int[])[1 + g % 5], 'bulk', 'PUBLISHED', now()
      FROM generate_series(1, 120) g`;
    await sql`DELETE FROM figure WHERE "asOf" = '2022-03-10'`;
    await expectTableMatchesRebuild();
    await expectSlicesAgreeWithLive();
    expect(await sql`SELECT 1 FROM figure_headline_slice WHERE day = '2022-03-10'`).toHaveLength(0);
  });

  it('follows a source changing rank, moving to another publisher, and its publisher deleted', async () => {
    const before = await sql`SELECT * FROM figure_headline_slice ORDER BY 1, 2, 3`;
    await sql`UPDATE source SET preferred = true WHERE id = ${sources[3]}`;
    await sql`UPDATE source SET "publishedAt" = '2022-04-30' WHERE id = ${sources[2]}`;
    expect(await sql`SELECT * FROM figure_headline_slice ORDER BY 1, 2, 3`).not.toEqual(before);
    await expectTableMatchesRebuild();
    await expectSlicesAgreeWithLive();
    // A source moves publisher without changing rank: only the publisher slices change.
    const qualifierRows = () => sql`SELECT * FROM figure_headline_slice WHERE slice LIKE 'qualifier:%' ORDER BY 1, 2, 3`;
    const [qualifiersBefore, publishersBefore] = [await qualifierRows(), await sql`SELECT * FROM figure_headline_slice WHERE slice LIKE 'publisher:%' ORDER BY 1, 2, 3`];
    await sql`UPDATE source SET "publisherId" = (SELECT id FROM organization WHERE name = 'Wire') WHERE id = ${sources[0]}`;
    expect(await qualifierRows()).toEqual(qualifiersBefore);
    expect(await sql`SELECT * FROM figure_headline_slice WHERE slice LIKE 'publisher:%' ORDER BY 1, 2, 3`).not.toEqual(publishersBefore);
    await expectTableMatchesRebuild();
    await expectSlicesAgreeWithLive();
    // Deleting an organization sets its sources' publisher to NULL (the foreign key's rule).
    await sql`DELETE FROM organization WHERE name = 'Border Guard'`;
    expect(await sql`SELECT 1 FROM figure_headline_slice WHERE slice LIKE 'publisher:%' AND slice NOT IN (SELECT 'publisher:' || id FROM organization)`).toHaveLength(0);
    await expectTableMatchesRebuild();
    await expectSlicesAgreeWithLive();
  });

  it('follows places that move in the tree (rule 2 reads the tree as it is now)', async () => {
    await sql`UPDATE place SET "parentId" = ${places.oblastB} WHERE id = ${places.cityA}`;
    await sql`UPDATE place SET "parentId" = ${places.ua} WHERE id = ${places.md}`;
    await expectTableMatchesRebuild();
    await expectSlicesAgreeWithLive();
  });
});

describe('which filters the slice table answers', () => {
  it('answers one qualifier or one publisher with dates, and leaves the rest live', () => {
    for (const f of [{ qualifier: 'RANGE' }, { publisher: 'UNHCR', from: '2022-03-01' }, { publisher: '7', to: '2022-03-09' }, { qualifier: 'exact', status: 'DRAFT' }]) {
      expect(sliceTableAnswers(parseFigureFilters(f))).toBe(true);
    }
    for (const f of [
      {}, { qualifier: 'RANGE,EXACT' }, { qualifier: 'RANGE', publisher: 'UNHCR' }, { qualifier: 'RANGE', place: 'UA' },
      { publisher: 'UNHCR', origin: 'UA' }, { publisher: 'UNHCR', destination: 'PL' }, { qualifier: 'RANGE', q: 'fled' },
      { publisher: 'UNHCR', vintage: '2022-03-15T12:00:00Z' },
    ]) {
      expect(sliceTableAnswers(parseFigureFilters(f))).toBe(false);
    }
  });
});
