// figure_headline_history is kept by PostgreSQL triggers from figure_version. A
// series at a vintage read from it must equal the same series ranked live over
// figure_version (the path filtered vintages still take), at every instant the
// history changed and between them, after every kind of write: imports, edits,
// retractions, publications, moves of day, place and metric, two revisions in one
// instant, a deleted revision, and source and place-tree edits.
import { resetDatabase } from '@/__tests__/helpers/db';
import { expectUnchangedByRebuild } from '@/__tests__/helpers/rebuild';
import { db } from '@/lib/db/client';
import { sql } from '@/lib/db/sql';
import { parseFigureFilters } from '@/lib/figures/filters';
import { getMetricByKey, toSeriesPoints } from '@/lib/figures/getSeries';
import { getSeriesJson } from '@/lib/figures/getSeriesJson';
import { headlineTableAnswers, listHeadlinePoints, listLivePoints } from '@/lib/figures/listSeriesPoints';
import { toJson } from '@/lib/http/respond';
import type { Interval } from '@/lib/vocabulary';
import { createFigure, createMetric, createPlace, createSource } from './fixtures';

afterAll(async () => {
  await sql.end();
  await db.$disconnect();
});

const HOUR = 3_600_000;
/** The history's instants: hours after a start ten days ago, so every vintage is in the past. */
const start = Math.floor((Date.now() - 10 * 24 * HOUR) / HOUR) * HOUR;
const at = (hours: number) => new Date(start + hours * HOUR);

// A revision's `after`, as lib/figures/figureSnapshot.ts writes it, from the figure's row.
const afterSql = (low = sql`f.low`) => sql`jsonb_build_object('metricId', f."metricId", 'qualifier', f.qualifier,
  'low', (${low})::text, 'high', (f.high - f.low + ${low})::text, 'valueAsStated', f."valueAsStated",
  'asOf', to_char(f."asOf", 'YYYY-MM-DD'), 'periodStart', to_char(f."periodStart", 'YYYY-MM-DD'),
  'periodEnd', to_char(f."periodEnd", 'YYYY-MM-DD'), 'originId', f."originId", 'destinationId', f."destinationId",
  'sourceId', f."sourceId", 'quote', f.quote, 'attribution', f.attribution, 'notes', f.notes, 'status', f.status,
  'retractedReason', f."retractedReason")`;

/** One statement of revisions at one instant, each the figure's current row (as an import or a mutation writes them). */
async function revise(instant: Date, ids: number[]) {
  await sql`INSERT INTO figure_revision ("figureId", version, action, after, reason, "createdAt")
    SELECT f.id, 1, 'UPDATE', ${afterSql()}, 'test history', ${instant} FROM figure f WHERE f.id = ANY(${ids}::int[])`;
}

const text = (value: unknown) => JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v));

/** The history as the triggers left it must equal a rebuild of every day from scratch. */
const expectHistoryMatchesRebuild = () =>
  expectUnchangedByRebuild('figure_headline_history', '"metricId", day, "validFrom"', (tx) => tx`
    SELECT figure_headline_history_refresh(array_agg(k.m), array_agg(k.d))
    FROM (SELECT DISTINCT "metricId" AS m, "asOf" AS d FROM figure_version) k`);

/** Every instant a figure state began or ended, a millisecond before each, halfway to the next, and now. */
async function vintages(): Promise<string[]> {
  const rows = await sql<{ t: Date }[]>`
    SELECT DISTINCT t FROM figure_version, LATERAL (VALUES ("validFrom"), ("validTo")) AS x(t) WHERE t IS NOT NULL ORDER BY t`;
  const times = rows.map((r) => r.t.getTime());
  const out = new Set<number>([times[0] - HOUR, Date.now() - 1000]);
  times.forEach((t, i) => {
    out.add(t);
    out.add(t - 1);
    if (i + 1 < times.length) out.add(Math.floor((t + times[i + 1]) / 2));
  });
  return [...out].sort((a, b) => a - b).map((t) => new Date(t).toISOString());
}

/**
 * At every vintage, for a stock and a flow, daily and monthly, over all days and a
 * range: the history's points equal the live ranking's. Returns the distinct series
 * seen, so a caller can tell the history actually moved.
 */
async function expectHistoryMatchesLive(): Promise<Set<string>> {
  const seen = new Set<string>();
  let points = 0;
  for (const vintage of await vintages()) {
    for (const key of ['refugees', 'evacuees']) {
      const metric = await getMetricByKey(key);
      for (const interval of ['day', 'month'] as Interval[]) {
        for (const range of [{}, { from: '2022-03-02', to: '2022-03-05' }]) {
          const filters = parseFigureFilters({ ...range, vintage });
          const live = await listLivePoints(sql, metric, filters, interval);
          expect({ vintage, key, interval, range, points: await listHeadlinePoints(sql, metric, filters, interval) })
            .toEqual({ vintage, key, interval, range, points: live });
          seen.add(text([key, interval, range, live]));
          points += live.length;
        }
      }
    }
  }
  expect(points).toBeGreaterThan(0); // never a vacuous comparison of two empty series
  return seen;
}

async function expectFresh() {
  await expectHistoryMatchesRebuild();
  return expectHistoryMatchesLive();
}

describe('figure_headline_history against the live vintage ranking', () => {
  let ids: { stock: number; flow: number; ukraine: number; kyiv: number; lviv: number; warsaw: number };
  let sources: { preferred: number; late: number; early: number; undated: number };
  let figures: number[];

  beforeAll(async () => {
    await resetDatabase();
    const stock = (await createMetric('refugees', 'STOCK')).id;
    const flow = (await createMetric('evacuees', 'FLOW')).id;
    const ukraine = (await createPlace('Ukraine', undefined, 'UA')).id;
    const kyiv = (await createPlace('Kyiv', ukraine)).id;
    const lviv = (await createPlace('Lviv', ukraine)).id;
    const warsaw = (await createPlace('Warsaw')).id;
    ids = { stock, flow, ukraine, kyiv, lviv, warsaw };
    sources = {
      preferred: (await createSource('Agency', { publishedAt: '2022-03-01', preferred: true })).id,
      late: (await createSource('Late', { publishedAt: '2022-03-20' })).id,
      early: (await createSource('Early', { publishedAt: '2022-03-02' })).id,
      undated: (await createSource('Undated')).id,
    };
    const src = Object.values(sources);
    const places = [kyiv, lviv, ukraine, warsaw, undefined];
    figures = [];
    for (let i = 0; i < 48; i++) {
      const low = BigInt(1000 + i * 37);
      const f = await createFigure({
        metricId: i % 2 ? stock : flow,
        sourceId: src[(i * 3) % src.length],
        asOf: `2022-03-0${1 + (i % 6)}`,
        low,
        high: i % 5 === 4 ? low + 300n : low,
        qualifier: i % 5 === 4 ? 'RANGE' : 'EXACT',
        originId: places[i % 5],
        destinationId: i % 7 === 3 ? warsaw : undefined,
        status: i % 9 === 0 ? 'DRAFT' : 'PUBLISHED',
      });
      figures.push(f.id);
    }
  });

  it('agrees after an import of every figure in one statement', async () => {
    await revise(at(0), figures);
    // An import a day later of half of them again, unchanged: new states, same values.
    await revise(at(24), figures.filter((_, i) => i % 2 === 0));
    await expectFresh();
  });

  it('agrees after edits, retractions and publications', async () => {
    const edited = figures.filter((_, i) => i % 3 === 0);
    await sql`UPDATE figure SET low = low + 500, high = high + 500 WHERE id = ANY(${edited}::int[])`;
    await revise(at(30), edited);
    const retracted = figures.filter((_, i) => i % 4 === 1);
    await sql`UPDATE figure SET status = 'RETRACTED', "retractedReason" = 'withdrawn' WHERE id = ANY(${retracted}::int[])`;
    await revise(at(31), retracted);
    const published = figures.filter((_, i) => i % 9 === 0);
    await sql`UPDATE figure SET status = 'PUBLISHED' WHERE id = ANY(${published}::int[])`;
    await revise(at(32), published);
    await expectFresh();
  });

  it('agrees after figures move to another day, place and metric', async () => {
    const [a, b, c] = [figures[2], figures[7], figures[10]];
    await sql`UPDATE figure SET "asOf" = '2022-03-06' WHERE id = ${a}`;
    await sql`UPDATE figure SET "originId" = ${ids.lviv}, "destinationId" = NULL WHERE id = ${b}`;
    await sql`UPDATE figure SET "metricId" = ${ids.flow}, "asOf" = '2022-03-04' WHERE id = ${c}`;
    await revise(at(40), [a, b, c]);
    await expectFresh();
  });

  it('agrees with two revisions of a figure at one instant and a figure published since', async () => {
    const f = figures[5];
    // The first state holds for no time: [t, t).
    await sql`INSERT INTO figure_revision ("figureId", version, action, after, reason, "createdAt")
      SELECT f.id, v, 'UPDATE', ${afterSql(sql`f.low + v * 11`)}, 'test history', ${at(50)} FROM figure f, (VALUES (1), (2)) AS x(v) WHERE f.id = ${f}`;
    const newer = await createFigure({ metricId: ids.stock, sourceId: sources.preferred, asOf: '2022-03-03', low: 9999n });
    await createFigure({ metricId: ids.flow, sourceId: sources.late, asOf: '2022-03-03', low: 77n, originId: ids.kyiv }).then((g) => revise(at(52), [newer.id, g.id]));
    await expectFresh();
  });

  it('agrees after a revision is deleted (its state goes with it)', async () => {
    await sql`DELETE FROM figure_revision WHERE id = (SELECT max(id) FROM figure_revision WHERE "createdAt" = ${at(30)})`;
    await expectFresh();
  });

  it('agrees after sources change rank and the place tree changes, at every past instant', async () => {
    const before = await expectHistoryMatchesLive();
    await sql`UPDATE source SET preferred = true WHERE id = ${sources.undated}`;
    await sql`UPDATE source SET preferred = false WHERE id = ${sources.preferred}`;
    await sql`UPDATE source SET "publishedAt" = '2022-04-30' WHERE id = ${sources.early}`;
    await expectFresh();
    // Lviv leaves Ukraine: its flow counts are no longer part of the country's.
    await sql`UPDATE place SET "parentId" = NULL WHERE id = ${ids.lviv}`;
    const after = await expectFresh();
    expect(after).not.toEqual(before);
  });

  it('agrees after a bulk import of 1,500 figures with their revisions in one statement, and leaves the planner settings as they were', async () => {
    const setting = await sql.begin(async (tx) => {
      await tx`WITH inserted AS (
          INSERT INTO figure ("metricId", low, high, qualifier, "asOf", "originId", "sourceId", quote, status, "updatedAt")
          SELECT CASE WHEN g % 2 = 0 THEN ${ids.stock}::int ELSE ${ids.flow}::int END, 10 * g, 10 * g, 'EXACT',
                 date '2022-03-01' + g % 6, CASE WHEN g % 3 = 0 THEN ${ids.kyiv}::int WHEN g % 3 = 1 THEN ${ids.lviv}::int END,
                 ${sources.late}::int, 'bulk', 'PUBLISHED', now()
          FROM generate_series(1, 1500) g RETURNING *)
        INSERT INTO figure_revision ("figureId", version, action, after, reason, "createdAt")
        SELECT f.id, 1, 'IMPORT', ${afterSql()}, 'test history', ${at(60)} FROM inserted f`;
      return (await tx<{ v: string }[]>`SELECT current_setting('enable_nestloop') AS v`)[0].v;
    });
    expect(setting).toBe('on');
    await expectFresh();
  });

  it('moves through time: the series differ between instants, and the history has rows that ended', async () => {
    const metric = await getMetricByKey('evacuees');
    const series = new Set<string>();
    for (const vintage of await vintages()) {
      series.add(text(await listHeadlinePoints(sql, metric, parseFigureFilters({ vintage }), 'day')));
    }
    expect(series.size).toBeGreaterThan(4);
    const [{ ended }] = await sql<{ ended: number }[]>`SELECT count(*)::int AS ended FROM figure_headline_history WHERE "validTo" IS NOT NULL`;
    expect(ended).toBeGreaterThan(0);
  });

  it('answers the API body at a vintage byte for byte as the live path writes it', async () => {
    const [vintage] = (await vintages()).slice(4, 5);
    for (const key of ['refugees', 'evacuees']) {
      const metric = await getMetricByKey(key);
      const filters = parseFigureFilters({ vintage });
      expect(headlineTableAnswers(filters)).toBe(true);
      const live = await listLivePoints(sql, metric, filters, 'week');
      expect(live.length).toBeGreaterThan(0);
      const { unit, kind } = metric;
      expect(await getSeriesJson({ metric: key, filters, interval: 'week' })).toBe(toJson({ metric: key, unit, kind, interval: 'week', points: toSeriesPoints(live) }));
    }
  });
});
