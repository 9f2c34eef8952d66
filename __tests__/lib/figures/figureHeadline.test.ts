// figure_headline is kept by PostgreSQL triggers. These tests write through every
// kind of writer (Prisma mutations, raw INSERT … SELECT, UPDATE, DELETE, source
// edits) and check two things after each write: the table equals a from-scratch
// recompute, and series read from it equal the live ranking of every claim.
import { createTestUser, type TestUser } from '@/__tests__/helpers/auth';
import { resetDatabase } from '@/__tests__/helpers/db';
import { expectUnchangedByRebuild } from '@/__tests__/helpers/rebuild';
import { figureData, seedReferenceData } from '@/__tests__/helpers/fixtures';
import { closeAuth } from '@/lib/auth/auth';
import { db } from '@/lib/db/client';
import { sql } from '@/lib/db/sql';
import { parseFigureFilters } from '@/lib/figures/filters';
import { getMetricByKey, getSeries, MAX_IDS_PER_POINT, toSeriesPoints } from '@/lib/figures/getSeries';
import { getSeriesJson } from '@/lib/figures/getSeriesJson';
import { headlineTableAnswers, listHeadlinePoints, listLivePoints } from '@/lib/figures/listSeriesPoints';
import type { Interval } from '@/lib/vocabulary';
import { createFigure as createFigureAs, publishFigure, retractFigure } from '@/lib/figures/mutations';
import type { Qualifier } from '@/lib/vocabulary';
import { toJson } from '@/lib/http/respond';
import { createFigure, createMetric, createPlace, createSource } from './fixtures';

const INTERVALS: Interval[] = ['day', 'week', 'month'];

afterAll(async () => {
  await closeAuth();
  await sql.end();
  await db.$disconnect();
});

const headlineRows = () => sql`SELECT * FROM figure_headline ORDER BY "metricId", day, "placeKey"`;

/** The table as the triggers left it must equal a recompute of every key from scratch. */
const expectTableMatchesRecompute = () =>
  expectUnchangedByRebuild('figure_headline', '"metricId", day, "placeKey"', (tx) => tx`
    SELECT figure_headline_refresh(array_agg(k.m), array_agg(k.d))
    FROM (SELECT DISTINCT "metricId" AS m, "asOf" AS d FROM figure) k`);

/** Series from figure_headline equal the live ranking, for every metric, interval and some ranges. */
async function expectBothPathsAgree(ranges: Array<{ from?: string; to?: string }> = [{}, { from: '2022-03-02', to: '2022-03-30' }]) {
  let points = 0;
  for (const key of ['refugees', 'evacuees']) {
    const metric = await getMetricByKey(key);
    for (const interval of INTERVALS) {
      for (const range of ranges) {
        const filters = parseFigureFilters(range);
        const live = await listLivePoints(sql, metric, filters, interval);
        expect(await listHeadlinePoints(sql, metric, filters, interval)).toEqual(live);
        // The body PostgreSQL writes from the headline table is, byte for byte, what
        // toJson writes for the live points (the fallback path of the API).
        const { key, unit, kind } = metric;
        const liveBody = toJson({ metric: key, unit, kind, interval, points: toSeriesPoints(live) });
        expect(await getSeriesJson({ metric: key, filters, interval })).toBe(liveBody);
        points += live.length;
      }
    }
  }
  expect(points).toBeGreaterThan(0); // never a vacuous comparison of two empty series
}

async function expectFresh() {
  await expectTableMatchesRecompute();
  await expectBothPathsAgree();
}

describe('figure_headline against the live headline rule', () => {
  let ids: { stock: number; flow: number; kyiv: number; lviv: number; warsaw: number };
  let sources: { preferred: number; late: number; early: number; undated: number; twin: number };

  beforeEach(async () => {
    await resetDatabase();
    const stock = (await createMetric('refugees', 'STOCK')).id;
    const flow = (await createMetric('evacuees', 'FLOW')).id;
    const ukraine = await createPlace('Ukraine', undefined, 'UA');
    const kyiv = (await createPlace('Kyiv', ukraine.id)).id;
    const lviv = (await createPlace('Lviv', ukraine.id)).id;
    const warsaw = (await createPlace('Warsaw')).id;
    ids = { stock, flow, kyiv, lviv, warsaw };
    sources = {
      preferred: (await createSource('Agency', { publishedAt: '2022-03-01', preferred: true })).id,
      late: (await createSource('Late', { publishedAt: '2022-03-20' })).id,
      early: (await createSource('Early', { publishedAt: '2022-03-02' })).id,
      undated: (await createSource('Undated')).id,
      twin: (await createSource('Twin of late', { publishedAt: '2022-03-20' })).id,
    };
    const src = Object.values(sources);
    const places = [kyiv, lviv, warsaw, undefined];
    const qualifiers = ['EXACT', 'APPROXIMATE', 'AT_LEAST', 'AT_MOST', 'RANGE'] as const;
    // Several claims per metric, place and day: a mix of sources, places, statuses and ties.
    for (let i = 0; i < 60; i++) {
      const asOf = `2022-03-${String(1 + (i % 28)).padStart(2, '0')}`.replace('-29', '-28');
      const q = qualifiers[i % 5];
      const low = BigInt(1000 + i * 37);
      await createFigure({
        metricId: i % 2 ? stock : flow,
        sourceId: src[(i * 7) % src.length],
        asOf: i % 3 === 0 ? '2022-03-05' : asOf,
        low,
        high: q === 'RANGE' ? low + 500n : low,
        qualifier: q,
        originId: places[i % 4],
        destinationId: i % 4 === 1 || i % 8 === 3 ? warsaw : undefined, // origin wins the place key when both are set
        status: i % 11 === 0 ? 'DRAFT' : i % 13 === 0 ? 'RETRACTED' : 'PUBLISHED',
        updatedAt: new Date(i % 5 === 0 ? '2022-04-01T00:00:00Z' : `2022-04-0${1 + (i % 4)}T00:00:00Z`),
      });
    }
  });

  it('agrees on the seeded claims, including ties on publishedAt and updatedAt', async () => {
    const tied = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT 1 FROM figure f JOIN source s ON s.id = f."sourceId" WHERE f.status = 'PUBLISHED'
        GROUP BY f."metricId", f."asOf", s.preferred, s."publishedAt", f."updatedAt" HAVING count(*) > 1) t`;
    expect(tied[0].n).toBeGreaterThan(0); // the id tie-break is exercised
    await expectFresh();
  });

  it('follows a source becoming preferred, losing it and changing its date', async () => {
    // Most seeded stock claims name a destination, so the Warsaw view is where sources compete most.
    const headlines = async () =>
      Promise.all([{}, { destination: String(ids.warsaw) }].map(async (f) => (await getSeries({ metric: 'refugees', filters: parseFigureFilters(f), interval: 'day' })).points.map((p) => p.figureIds[0])));
    const before = await headlines();
    await sql`UPDATE source SET preferred = true WHERE id = ${sources.undated}`;
    await expectFresh();
    await sql`UPDATE source SET preferred = false WHERE id = ${sources.preferred}`;
    await expectFresh();
    await sql`UPDATE source SET "publishedAt" = '2022-04-30' WHERE id = ${sources.early}`;
    await expectFresh();
    expect(await headlines()).not.toEqual(before);
  });

  it('follows an UPDATE that moves figures to another day, place and metric', async () => {
    const [moved] = await sql<{ id: number }[]>`SELECT id FROM figure WHERE status = 'PUBLISHED' AND "asOf" = '2022-03-05' ORDER BY id LIMIT 1`;
    await sql`UPDATE figure SET "asOf" = '2022-03-27', "originId" = ${ids.lviv} WHERE id = ${moved.id}`;
    await expectFresh();
    await sql`UPDATE figure SET "metricId" = ${ids.flow}, "originId" = NULL, "destinationId" = ${ids.kyiv} WHERE id = ${moved.id}`;
    await expectFresh();
    await sql`UPDATE figure SET low = low + 1, high = high + 1 WHERE "asOf" = '2022-03-05'`;
    await expectFresh();
  });

  it('follows retractions, re-publication and deletes', async () => {
    await sql`UPDATE figure SET status = 'RETRACTED' WHERE "asOf" = '2022-03-05' AND "originId" = ${ids.kyiv}`;
    await expectFresh();
    await sql`UPDATE figure SET status = 'PUBLISHED' WHERE status = 'DRAFT'`;
    await expectFresh();
    await sql`DELETE FROM figure WHERE "asOf" = '2022-03-10'`;
    await expectFresh();
    expect(await sql`SELECT 1 FROM figure_headline WHERE day = '2022-03-10'`).toHaveLength(0);
  });

  it('follows a raw INSERT … SELECT spanning many days, as the bulk importer writes', async () => {
    await sql`
      INSERT INTO figure ("metricId", low, high, qualifier, "asOf", "originId", "sourceId", quote, status, "updatedAt")
      SELECT CASE WHEN g % 2 = 0 THEN ${ids.stock}::int ELSE ${ids.flow}::int END, 10 * g, 10 * g, 'EXACT', date '2022-01-01' + g % 100,
             CASE WHEN g % 3 = 0 THEN ${ids.kyiv}::int WHEN g % 3 = 1 THEN ${ids.lviv}::int END,
             ${sources.late}::int, 'bulk', 'PUBLISHED', now()
      FROM generate_series(1, 400) g`;
    await expectTableMatchesRecompute();
    await expectBothPathsAgree([{}, { from: '2022-02-01', to: '2022-03-15' }]);
  });

  it('keeps a headline per place for flows and one across places for stocks', async () => {
    const perPlace = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM figure_headline WHERE "metricId" = ${ids.flow} AND day = '2022-03-05' AND "placeKey" >= 0`;
    const places = await sql<{ n: number }[]>`
      SELECT count(DISTINCT coalesce("originId", "destinationId", 0))::int AS n FROM figure
      WHERE "metricId" = ${ids.flow} AND "asOf" = '2022-03-05' AND status = 'PUBLISHED'`;
    expect(perPlace[0].n).toBe(places[0].n);
    expect(perPlace[0].n).toBeGreaterThan(1);
    expect(await sql`SELECT 1 FROM figure_headline WHERE "metricId" = ${ids.stock} AND day = '2022-03-05' AND "placeKey" = -1`).toHaveLength(1);
  });
});

describe('figure_headline through the editing mutations', () => {
  let admin: TestUser;
  beforeEach(async () => {
    await resetDatabase();
    admin = await createTestUser('ADMIN');
  });

  it('adds a figure when it is published and drops it when it is retracted', async () => {
    const seed = await seedReferenceData();
    const { id } = await createFigureAs(admin.actor, figureData(seed));
    expect(await headlineRows()).toHaveLength(0); // a draft never heads a chart

    await publishFigure(admin.actor, id, { requireReview: false });
    const rows = await headlineRows();
    expect(rows.map((r) => [r.placeKey, r.figureId, r.value, r.claims, r.figureIds])).toEqual([
      [-1, id, 2_150_000n, 1, [id]],
      [seed.ukraine.id, id, 2_150_000n, 1, [id]],
    ]);

    const rival = await createFigureAs(admin.actor, figureData(seed, { low: 3_000_000n, high: 3_000_000n, qualifier: 'EXACT' }));
    await publishFigure(admin.actor, rival.id, { requireReview: false });
    expect((await headlineRows()).map((r) => [r.figureId, r.claims])).toEqual([[rival.id, 2], [rival.id, 2]]);

    await retractFigure(admin.actor, rival.id, 'Misread the report');
    expect((await headlineRows()).map((r) => [r.figureId, r.claims])).toEqual([[id, 1], [id, 1]]);
    await expectTableMatchesRecompute();
  });

  it('leaves nothing behind when a write rolls back', async () => {
    const seed = await seedReferenceData();
    const { id } = await createFigureAs(admin.actor, figureData(seed));
    await db.$transaction(async (tx) => {
      await publishFigure(admin.actor, id, { requireReview: false }, tx);
      throw new Error('abort');
    }).catch(() => {});
    expect(await headlineRows()).toHaveLength(0);
  });
});

describe('figure_headline under concurrent writers', () => {
  beforeEach(resetDatabase);

  it('counts both claims when two transactions add to the same day at once', async () => {
    const metricId = (await createMetric('refugees', 'STOCK')).id;
    const sourceId = (await createSource('One', { publishedAt: '2022-03-01' })).id;
    await createMetric('evacuees', 'FLOW');
    const insert = (tx: typeof sql, low: number) => tx`
      INSERT INTO figure ("metricId", low, high, qualifier, "asOf", "sourceId", quote, status, "updatedAt")
      VALUES (${metricId}, ${low}, ${low}, 'EXACT', '2022-03-01', ${sourceId}, 'q', 'PUBLISHED', now())`;
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((r) => { releaseFirst = r; });
    let firstInserted!: () => void;
    const inserted = new Promise<void>((r) => { firstInserted = r; });
    const first = sql.begin(async (tx) => {
      await insert(tx as unknown as typeof sql, 100);
      firstInserted();
      await firstHolds; // keep the transaction open while the second writer starts
    });
    await inserted;
    const second = sql.begin((tx) => insert(tx as unknown as typeof sql, 200));
    // The second writer must be waiting on the first before the first commits: on
    // the headline's advisory lock, or on the data_version row its trigger bumps
    // first (lib/httpCache), which serialises writers the same way.
    for (let waiting = false; !waiting; ) {
      const rows = await sql`
        SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE NOT l.granted AND a.datname = current_database() AND a.pid <> pg_backend_pid()`;
      waiting = rows.length > 0;
      if (!waiting) await new Promise((r) => setTimeout(r, 20));
    }
    releaseFirst();
    await Promise.all([first, second]);
    const [row] = await sql`SELECT claims, value FROM figure_headline WHERE "metricId" = ${metricId} AND "placeKey" = -1`;
    expect(row).toEqual({ claims: 2, value: 200n });
  });
});

describe('the series body written by PostgreSQL', () => {
  beforeEach(resetDatabase);

  it('lists the first ten ids in rule order, counts every claim and writes unsafe BIGINTs as strings', async () => {
    const metricId = (await createMetric('refugees', 'STOCK')).id;
    await createMetric('evacuees', 'FLOW');
    const late = (await createSource('Late', { publishedAt: '2022-03-20' })).id;
    const early = (await createSource('Early', { publishedAt: '2022-03-02' })).id;
    const huge = 2n ** 53n + 1n;
    for (let i = 0; i < 12; i++) {
      await createFigure({ metricId, sourceId: i === 11 ? late : early, asOf: '2022-03-01', low: i === 11 ? huge : BigInt(i), high: i === 11 ? huge : BigInt(i), qualifier: 'EXACT' });
    }
    const filters = parseFigureFilters({});
    const text = await getSeriesJson({ metric: 'refugees', filters, interval: 'day' });
    const ranked = await sql<{ id: number }[]>`
      SELECT f.id FROM figure f JOIN source s ON s.id = f."sourceId" ORDER BY s."publishedAt" DESC, f."updatedAt" DESC, f.id DESC`;
    expect(JSON.parse(text).points).toEqual([{
      date: '2022-03-01', value: String(huge), low: String(huge), high: String(huge), qualifier: 'EXACT', claims: 12,
      figureIds: ranked.slice(0, MAX_IDS_PER_POINT).map((r) => r.id),
    }]);
    const { label: _label, ...typed } = await getSeries({ metric: 'refugees', filters, interval: 'day' });
    expect(text).toBe(toJson(typed));
  });

  it('combines the qualifiers of a flow\'s per-place headlines as combineQualifiers does', async () => {
    await createMetric('refugees', 'STOCK');
    const metricId = (await createMetric('evacuees', 'FLOW')).id;
    const sourceId = (await createSource('One', { publishedAt: '2022-03-01' })).id;
    const kyiv = (await createPlace('Kyiv')).id;
    const lviv = (await createPlace('Lviv')).id;
    const days: Array<[string, Qualifier, Qualifier, Qualifier]> = [
      ['2022-03-01', 'EXACT', 'AT_LEAST', 'AT_LEAST'],
      ['2022-03-02', 'AT_MOST', 'EXACT', 'AT_MOST'],
      ['2022-03-03', 'AT_LEAST', 'AT_MOST', 'APPROXIMATE'],
      ['2022-03-04', 'EXACT', 'RANGE', 'RANGE'],
      ['2022-03-05', 'EXACT', 'APPROXIMATE', 'APPROXIMATE'],
      ['2022-03-06', 'EXACT', 'EXACT', 'EXACT'],
      ['2022-03-07', 'RANGE', 'RANGE', 'RANGE'],
    ];
    for (const [asOf, a, b] of days) {
      await createFigure({ metricId, sourceId, asOf, low: 100n, high: a === 'RANGE' ? 200n : 100n, qualifier: a, originId: kyiv });
      await createFigure({ metricId, sourceId, asOf, low: 100n, high: b === 'RANGE' ? 200n : 100n, qualifier: b, originId: lviv });
    }
    const filters = parseFigureFilters({});
    const text = await getSeriesJson({ metric: 'evacuees', filters, interval: 'day' });
    expect(JSON.parse(text).points.map((p: { qualifier: string }) => p.qualifier)).toEqual(days.map((d) => d[3]));
    const { label: _label, ...typed } = await getSeries({ metric: 'evacuees', filters, interval: 'day' });
    expect(text).toBe(toJson(typed));
  });

  it('answers an empty list of points and NOT_FOUND for an unknown metric', async () => {
    await createMetric('refugees', 'STOCK');
    expect(JSON.parse(await getSeriesJson({ metric: 'refugees', filters: parseFigureFilters({}), interval: 'week' }))).toEqual({
      metric: 'refugees', unit: expect.any(String), kind: 'STOCK', interval: 'week', points: [],
    });
    await expect(getSeriesJson({ metric: 'tents', filters: parseFigureFilters({}), interval: 'day' })).rejects.toMatchObject({ status: 404 });
  });
});

describe('which filters the headline table answers', () => {
  it('answers metric, dates, interval and vintage, and leaves place, publisher, qualifier and search to the live query', () => {
    expect(headlineTableAnswers(parseFigureFilters({ from: '2022-03-01', to: '2022-03-09', status: 'DRAFT' }))).toBe(true);
    // A vintage reads the table's history (headlineHistory.test.ts); with another filter it is ranked live.
    expect(headlineTableAnswers(parseFigureFilters({ from: '2022-03-01', vintage: '2022-03-15T12:00:00Z' }))).toBe(true);
    expect(headlineTableAnswers(parseFigureFilters({ vintage: '2022-03-15T12:00:00Z', place: 'UA' }))).toBe(false);
    for (const extra of [{ place: 'UA' }, { origin: 'UA' }, { destination: 'PL' }, { publisher: 'UNHCR' }, { qualifier: 'RANGE' }, { q: 'fled' }]) {
      expect(headlineTableAnswers(parseFigureFilters(extra))).toBe(false);
    }
  });
});
