// figure_headline_pair answers series filtered by place, origin or destination
// (listPairPoints). These tests check, after every kind of write, that the table
// equals a rebuild from scratch and that the points read from it equal the live
// ranking (listLivePoints) for many filters: place at country, oblast and city
// level, origin, destination and their combinations, stock and flow, day, week and
// month, with resolved place trees (as readFigureFilters gives them) and without.
import { expectUnchangedByRebuild } from '@/__tests__/helpers/rebuild';
import { closeAuth } from '@/lib/auth/auth';
import { db } from '@/lib/db/client';
import { sql } from '@/lib/db/sql';
import { parseFigureFilters, type FigureFilters } from '@/lib/figures/filters';
import { readFigureFilters } from '@/lib/figures/readFigureFilters';
import { getMetricByKey, toSeriesPoints } from '@/lib/figures/getSeries';
import { getSeriesJson } from '@/lib/figures/getSeriesJson';
import { listLivePoints, listPairPoints, pairTableAnswers } from '@/lib/figures/listSeriesPoints';
import { toJson } from '@/lib/http/respond';
import type { Interval } from '@/lib/vocabulary';
import { seedRankedClaims, type Places } from './fixtures';

const INTERVALS: Interval[] = ['day', 'week', 'month'];

afterAll(async () => {
  await closeAuth();
  await sql.end();
  await db.$disconnect();
});

const expectTableMatchesRebuild = () =>
  expectUnchangedByRebuild('figure_headline_pair', '"metricId", day, "originKey", "destinationKey"', (tx) => tx`
    SELECT figure_headline_pair_refresh(array_agg(k.m), array_agg(k.d))
    FROM (SELECT DISTINCT "metricId" AS m, "asOf" AS d FROM figure WHERE status = 'PUBLISHED') k`);

/** Place filters at every level, alone and combined; codes and ids. */
function filterSets(p: Places): Array<Record<string, string>> {
  return [
    { place: 'UA' }, { place: 'UA59' }, { place: String(p.cityA) }, { place: String(p.oblastB) }, { place: 'PL' }, { place: String(p.warsaw) },
    { place: String(p.md) },
    { origin: 'UA' }, { origin: 'UA59' }, { origin: String(p.cityA) }, { origin: String(p.cityB) },
    { destination: 'PL' }, { destination: String(p.warsaw) }, { destination: String(p.cityB) }, { destination: 'UA' },
    { place: 'UA', origin: 'UA59' }, { place: 'PL', origin: 'UA' }, { place: 'UA', destination: 'PL' },
    { origin: 'UA', destination: 'PL' }, { origin: 'UA59', destination: String(p.warsaw) },
    { place: 'UA', origin: 'UA', destination: String(p.cityB) },
  ];
}

/** Pair-table points equal the live ranking for every filter set, metric, interval and two ranges. */
async function expectPairsAgreeWithLive(places: Places) {
  let compared = 0;
  let nonEmpty = 0;
  /** Flows whose filters leave out no claim (answered from figure_headline) and flows they leave some out of. */
  const flows = { leaveOutNone: 0, leaveOutSome: 0 };
  const claimsOf = (points: Array<{ claims: number }>) => points.reduce((n, p) => n + p.claims, 0);
  for (const key of ['refugees', 'evacuees']) {
    const metric = await getMetricByKey(key);
    for (const set of filterSets(places)) {
      for (const range of [{}, { from: '2022-03-03', to: '2022-03-20' }] as Array<Record<string, string>>) {
        const input = { metric: key, ...set, ...range };
        const resolved = await readFigureFilters(new URLSearchParams(input), async () => null);
        const unresolved: FigureFilters = { ...parseFigureFilters(input) };
        expect(pairTableAnswers(resolved)).toBe(true);
        for (const interval of INTERVALS) {
          const live = await listLivePoints(sql, metric, resolved, interval);
          if (metric.kind === 'FLOW' && interval === 'day') {
            const everything = await listLivePoints(sql, metric, { ...resolved, place: undefined, origin: undefined, destination: undefined }, interval);
            flows[claimsOf(everything) === claimsOf(live) ? 'leaveOutNone' : 'leaveOutSome']++;
          }
          for (const filters of [resolved, unresolved]) {
            expect({ input, interval, points: await listPairPoints(sql, metric, filters, interval) }).toEqual({ input, interval, points: live });
          }
          // The API body written from the pair table is the live body, byte for byte.
          const body = toJson({ metric: key, unit: metric.unit, kind: metric.kind, interval, points: toSeriesPoints(live) });
          expect(await getSeriesJson({ metric: key, filters: resolved, interval })).toBe(body);
          compared++;
          if (live.length > 0) nonEmpty++;
        }
      }
    }
  }
  // Never a vacuous comparison: most filters select claims, and some flows leave out
  // claims (the caller checks for flows that leave out none: tablePointsSql then
  // answers from figure_headline).
  expect(nonEmpty).toBeGreaterThan(compared * 0.7);
  expect(flows.leaveOutSome).toBeGreaterThan(0);
  return flows;
}

describe('figure_headline_pair against the live headline rule', () => {
  let places: Places;
  let metrics: { stock: number; flow: number };
  let sources: number[];

  beforeEach(async () => {
    ({ places, metrics, sources } = await seedRankedClaims());
  });

  it('agrees on the seeded claims, and more than ten claims of a day and pair are listed in rule order', async () => {
    const [crowded] = await sql<{ n: number }[]>`SELECT max(claims)::int AS n FROM figure_headline_pair`;
    expect(crowded.n).toBeGreaterThan(1);
    await sql`
      INSERT INTO figure ("metricId", low, high, qualifier, "asOf", "originId", "destinationId", "sourceId", quote, status, "updatedAt")
      SELECT m, 10 * g, 10 * g, 'EXACT', '2022-03-05', ${places.cityA}::int, CASE WHEN g % 2 = 0 THEN ${places.warsaw}::int END,
             ${sources[1]}::int, 'crowd', 'PUBLISHED', timestamp '2022-04-01' + g * interval '1 minute'
      FROM generate_series(1, 14) g CROSS JOIN (VALUES (${metrics.stock}::int), (${metrics.flow}::int)) AS v(m)`;
    await expectTableMatchesRebuild();
    await expectPairsAgreeWithLive(places);
  });

  it('answers a flow whose place filters leave out no claim from the unfiltered rows, and agrees', async () => {
    // Only evacuations within Ukraine remain, so place=UA (and origin=UA) leave out nothing.
    await sql`
      DELETE FROM figure f WHERE f."metricId" = ${metrics.flow} AND NOT EXISTS (
        WITH RECURSIVE t(id) AS (SELECT ${places.ua}::int UNION SELECT p.id FROM place p JOIN t ON p."parentId" = t.id)
        SELECT 1 FROM t WHERE t.id = f."originId")`;
    const flows = await expectPairsAgreeWithLive(places);
    expect(flows.leaveOutNone).toBeGreaterThan(0);
  });

  it('follows edits, retractions, publications, deletes and a bulk insert', async () => {
    const [moved] = await sql<{ id: number }[]>`SELECT id FROM figure WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`;
    await sql`UPDATE figure SET "asOf" = '2022-03-07', "originId" = ${places.cityB}, "destinationId" = ${places.warsaw} WHERE id = ${moved.id}`;
    await sql`UPDATE figure SET "metricId" = ${metrics.flow}, "originId" = NULL, "destinationId" = ${places.oblastA} WHERE id = ${moved.id} + 1`;
    await sql`UPDATE figure SET low = low + 1, high = high + 1 WHERE "asOf" = '2022-03-05'`;
    await sql`UPDATE figure SET status = 'RETRACTED' WHERE "asOf" = '2022-03-06' AND "originId" = ${places.ua}`;
    await sql`UPDATE figure SET status = 'PUBLISHED' WHERE status = 'DRAFT'`;
    await sql`
      INSERT INTO figure ("metricId", low, high, qualifier, "asOf", "originId", "destinationId", "sourceId", quote, status, "updatedAt")
      SELECT CASE WHEN g % 2 = 0 THEN ${metrics.stock}::int ELSE ${metrics.flow}::int END, 10 * g, 10 * g, 'EXACT', date '2022-03-01' + g % 20,
             CASE WHEN g % 3 = 0 THEN ${places.oblastA}::int WHEN g % 3 = 1 THEN ${places.ua}::int END,
             CASE WHEN g % 4 = 0 THEN ${places.pl}::int END, ${sources[2]}::int, 'bulk', 'PUBLISHED', now()
      FROM generate_series(1, 120) g`;
    await sql`DELETE FROM figure WHERE "asOf" = '2022-03-10'`;
    await expectTableMatchesRebuild();
    await expectPairsAgreeWithLive(places);
    expect(await sql`SELECT 1 FROM figure_headline_pair WHERE day = '2022-03-10'`).toHaveLength(0);
  });

  it('follows a source becoming preferred or losing it, and a changed publication date', async () => {
    const before = await sql`SELECT * FROM figure_headline_pair ORDER BY 1, 2, 3, 4`;
    await sql`UPDATE source SET preferred = true WHERE id = ${sources[3]}`;
    await sql`UPDATE source SET preferred = false WHERE id = ${sources[0]}`;
    await sql`UPDATE source SET "publishedAt" = '2022-04-30' WHERE id = ${sources[2]}`;
    expect(await sql`SELECT * FROM figure_headline_pair ORDER BY 1, 2, 3, 4`).not.toEqual(before);
    await expectTableMatchesRebuild();
    await expectPairsAgreeWithLive(places);
  });

  it('follows places that move in the tree (rule 2 and the place filters read the tree as it is now)', async () => {
    // The city of Sumy moves to Lviv Oblast, and Moldova under Ukraine, as an edit or a merge would.
    await sql`UPDATE place SET "parentId" = ${places.oblastB} WHERE id = ${places.cityA}`;
    await sql`UPDATE place SET "parentId" = ${places.ua} WHERE id = ${places.md}`;
    await expectTableMatchesRebuild();
    await expectPairsAgreeWithLive(places);
  });
});

describe('which filters the pair table answers', () => {
  it('answers place, origin and destination with dates, and leaves publisher, qualifier, search and vintage live', () => {
    for (const f of [{ place: 'UA' }, { origin: 'UA', from: '2022-03-01' }, { destination: 'PL', to: '2022-03-09' }, { place: 'UA', status: 'DRAFT' }]) {
      expect(pairTableAnswers(parseFigureFilters(f))).toBe(true);
    }
    for (const f of [{}, { place: 'UA', publisher: 'UNHCR' }, { place: 'UA', qualifier: 'RANGE' }, { origin: 'UA', q: 'fled' }, { destination: 'PL', vintage: '2022-03-15T12:00:00Z' }]) {
      expect(pairTableAnswers(parseFigureFilters(f))).toBe(false);
    }
  });
});
