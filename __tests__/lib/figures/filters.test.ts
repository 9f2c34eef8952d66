import { sql } from '@/lib/db/sql';
import { AppError } from '@/lib/http/AppError';
import { figureFilterSql, filtersToSearchParams, parseFigureFilters } from '@/lib/figures/filters';
import { useFixtureDatabase } from '../../helpers/db';

function badParam(input: Record<string, string>): { param?: string; message: string } {
  try {
    parseFigureFilters(new URLSearchParams(input));
  } catch (err) {
    if (err instanceof AppError) return { param: err.param, message: err.message };
    throw err;
  }
  throw new Error('expected a BAD_REQUEST');
}

describe('parseFigureFilters', () => {
  it('defaults to published figures and ignores blank values', () => {
    expect(parseFigureFilters({ from: '', place: '  ' })).toEqual({ status: ['PUBLISHED'] });
  });

  it('reads lists comma-separated or repeated, upper-cased and deduplicated', () => {
    const params = new URLSearchParams('qualifier=range,at_least&qualifier=RANGE&status=draft');
    expect(parseFigureFilters(params)).toEqual({ qualifier: ['RANGE', 'AT_LEAST'], status: ['DRAFT'] });
  });

  it('accepts Next searchParams records', () => {
    expect(parseFigureFilters({ metric: 'refugees', from: '2022-03-01', to: '2022-03-31', place: ['UA59', 'x'] })).toEqual({
      metric: ['refugees'], from: '2022-03-01', to: '2022-03-31', place: 'UA59', status: ['PUBLISHED'],
    });
  });

  it('reads several metrics, comma-separated or repeated, deduplicated', () => {
    expect(parseFigureFilters(new URLSearchParams('metric=refugees,buses&metric=buses')).metric).toEqual(['refugees', 'buses']);
    expect(badParam({ metric: 'refugees,Not a key' })).toEqual({ param: 'metric', message: expect.stringContaining('metric keys') });
  });

  it('rejects a date that does not exist, naming the parameter', () => {
    expect(badParam({ from: '2022-02-30' })).toEqual({ param: 'from', message: expect.stringContaining('YYYY-MM-DD') });
  });

  it('rejects a range whose end is before its start', () => {
    expect(badParam({ from: '2022-03-10', to: '2022-03-01' }).param).toBe('to');
  });

  it('rejects an unknown qualifier and lists the allowed ones', () => {
    expect(badParam({ qualifier: 'SOME' })).toEqual({ param: 'qualifier', message: expect.stringContaining('AT_LEAST') });
  });

  it('rejects a place reference with SQL-looking characters', () => {
    expect(badParam({ place: "1'; drop table figure" }).param).toBe('place');
  });

  it('round-trips through filtersToSearchParams', () => {
    const filters = parseFigureFilters({ metric: 'buses', origin: 'UA59', qualifier: 'RANGE,EXACT', q: 'Sumy' });
    expect(filtersToSearchParams(filters).toString()).toBe('metric=buses&origin=UA59&qualifier=RANGE%2CEXACT&q=Sumy');
    expect(parseFigureFilters(filtersToSearchParams(filters))).toEqual(filters);
  });
});

describe('figureFilterSql against the fixture dataset', () => {
  useFixtureDatabase();

  async function metricsMatching(input: Record<string, string>): Promise<string[]> {
    const filters = parseFigureFilters(input);
    const rows = await sql<{ key: string }[]>`
      SELECT m.key FROM figure f JOIN metric m ON m.id = f."metricId"
      WHERE ${figureFilterSql(sql, filters)} ORDER BY f.id`;
    return rows.map((r) => r.key);
  }

  it('includes the cities of an oblast when filtering by the oblast', async () => {
    await expect(metricsMatching({ place: 'UA59' })).resolves.toEqual(['evacuees', 'buses']);
  });

  it('matches a place by origin or destination, but origin only when asked', async () => {
    const [poltava] = await sql<{ id: number }[]>`SELECT id FROM place WHERE name = 'Poltava'`;
    await expect(metricsMatching({ place: String(poltava.id) })).resolves.toEqual(['evacuees', 'buses']);
    await expect(metricsMatching({ origin: String(poltava.id) })).resolves.toEqual([]);
    await expect(metricsMatching({ destination: 'UA53' })).resolves.toEqual(['evacuees', 'buses']);
  });

  it('filters by metric, inclusive dates and qualifier', async () => {
    await expect(metricsMatching({ metric: 'refugees', from: '2022-03-08', to: '2022-03-09' })).resolves.toEqual(['refugees', 'refugees']);
    await expect(metricsMatching({ metric: 'refugees', qualifier: 'RANGE' })).resolves.toEqual(['refugees']);
    const both = await metricsMatching({ metric: 'refugees,buses' });
    expect(new Set(both)).toEqual(new Set(['refugees', 'buses']));
  });

  it('filters by publisher id or name', async () => {
    const [wire] = await sql<{ id: number }[]>`SELECT id FROM organization WHERE name = 'News wire service'`;
    await expect(metricsMatching({ publisher: String(wire.id) })).resolves.toEqual(['refugees', 'evacuees', 'buses']);
    await expect(metricsMatching({ publisher: 'GB News' })).resolves.toEqual(['civilian_deaths', 'civilian_deaths_period']);
  });

  it('searches quotes and source titles, treating % and _ literally', async () => {
    await expect(metricsMatching({ q: 'two convoys' })).resolves.toEqual(['buses']);
    await expect(metricsMatching({ q: 'operational data portal' })).resolves.toEqual(['refugees']);
    await expect(metricsMatching({ q: '%' })).resolves.toEqual([]);
  });

  it('returns nothing for an unknown place code and excludes drafts by default', async () => {
    await expect(metricsMatching({ place: 'XX99' })).resolves.toEqual([]);
    await sql`UPDATE figure SET status = 'DRAFT' WHERE qualifier = 'RANGE'`;
    await expect(metricsMatching({ metric: 'refugees', qualifier: 'RANGE' })).resolves.toEqual([]);
    await expect(metricsMatching({ metric: 'refugees', qualifier: 'RANGE', status: 'DRAFT,PUBLISHED' })).resolves.toEqual(['refugees']);
  });
});
