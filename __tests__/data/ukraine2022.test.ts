// The curated Ukraine 2022 dataset (data/ukraine-2022), checked as loaded through
// the importers: every figure cited, every quote stating its number, the places in
// a hierarchy, the files agreeing with each other and with the Data Package, and
// the charts it was curated for.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { GET as getSeries } from '@/app/api/v1/series/route';
import { GET as getFiguresCsv } from '@/app/api/v1/figures.csv/route';
import { GET as getDataPackage } from '@/app/api/v1/datapackage.json/route';
import { sql } from '@/lib/db/sql';
import { DATASET } from '@/lib/demo/dataset';
import { buildDataPackage } from '@/lib/exchange/datapackage';
import { EVENT_COLUMNS, FIGURE_COLUMNS, PLACE_COLUMNS, SOURCE_COLUMNS } from '@/lib/exchange/columns';
import { DATASET_HEADER } from '@/lib/exchange/csvResponse';
import type { Qualifier } from '@/lib/vocabulary';
import { useCuratedDataset } from '../helpers/db';
import { normaliseSpaces, statedNumber } from '../helpers/statedNumber';

useCuratedDataset();

async function csvFile(name: string): Promise<string[][]> {
  return parse(await readFile(join(DATASET.dir, name)), { relax_column_count: false }) as string[][];
}

async function series(query: string): Promise<{ date: string; value: number }[]> {
  const res = await getSeries(new Request(`http://test/api/v1/series?${query}`));
  expect(res.status).toBe(200);
  return (await res.json()).points;
}

interface FigureRow {
  id: number; metric: string; low: bigint; high: bigint; qualifier: Qualifier; stated: string | null; asOf: string;
  quote: string | null; attribution: string | null; url: string | null; publishedAt: string | null; title: string; publisher: string | null;
}

const figures = () => sql<FigureRow[]>`
  SELECT f.id, m.key AS metric, f.low, f.high, f.qualifier::text AS qualifier, f."valueAsStated" AS stated, to_char(f."asOf", 'YYYY-MM-DD') AS "asOf",
    f.quote, f.attribution, s.url, to_char(s."publishedAt", 'YYYY-MM-DD') AS "publishedAt", s.title, o.name AS publisher
  FROM figure f JOIN metric m ON m.id = f."metricId" JOIN source s ON s.id = f."sourceId" LEFT JOIN organization o ON o.id = s."publisherId"
  ORDER BY f.id`;

describe('every figure of the curated dataset', () => {
  it('has a source with a web address, a publisher, a title and a publication date no earlier than the figure', async () => {
    const rows = await figures();
    expect(rows.length).toBeGreaterThanOrEqual(300);
    const uncited = rows.filter((f) => !f.url || !/^https?:\/\/[^/]+\//.test(f.url) || !f.publishedAt || !f.publisher || !f.title.trim());
    expect(uncited).toEqual([]);
    // A page cannot report a count for a day after it was published.
    expect(rows.filter((f) => f.publishedAt! < f.asOf).map((f) => f.id)).toEqual([]);
  });

  it('has an attribution and a quote of at most 200 characters that contains the number as stated', async () => {
    const problems: string[] = [];
    for (const f of await figures()) {
      if (!f.attribution?.trim()) problems.push(`${f.id}: no attribution`);
      if (!f.quote || !f.stated) {
        problems.push(`${f.id}: no quote or no value as stated`);
        continue;
      }
      if (f.quote.length > 200) problems.push(`${f.id}: quote of ${f.quote.length} characters`);
      if (!normaliseSpaces(f.quote).toLowerCase().includes(normaliseSpaces(f.stated).toLowerCase())) problems.push(`${f.id}: "${f.stated}" is not in the quote`);
      const value = statedNumber(f.stated, f.qualifier);
      if (!value || value.low !== f.low || value.high !== f.high) problems.push(`${f.id}: "${f.stated}" does not read as ${f.low}–${f.high}`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps the seed figures with their sources', async () => {
    const rows = await figures();
    const find = (metric: string, asOf: string, low: bigint, high: bigint, qualifier: Qualifier) =>
      rows.filter((f) => f.metric === metric && f.asOf === asOf && f.low === low && f.high === high && f.qualifier === qualifier);
    // UNHCR's 2.1 to 2.2 million refugees on 9 March.
    expect(find('refugees', '2022-03-09', 2_100_000n, 2_200_000n, 'RANGE')).toEqual([expect.objectContaining({ attribution: 'UNHCR', stated: '2.1-2.2m' })]);
    // "some 60" buses and "more than 5,000" people out of Sumy on 8 March.
    expect(find('buses', '2022-03-08', 60n, 60n, 'APPROXIMATE')).toEqual([expect.objectContaining({ stated: 'some 60', quote: expect.stringContaining('Sumy') })]);
    expect(find('evacuees', '2022-03-08', 5_000n, 5_000n, 'AT_LEAST')).toEqual(expect.arrayContaining([expect.objectContaining({ quote: expect.stringContaining('Sumy') })]));
    // The State Emergency Service's "more than 2,000" civilians killed.
    expect(find('civilian_deaths', '2022-03-02', 2_000n, 2_000n, 'AT_LEAST')).toEqual([expect.objectContaining({ attribution: 'State Emergency Service of Ukraine', url: expect.stringContaining('reuters.com') })]);
  });

  it('includes at least five days on which a national authority and UNHCR give different totals for one country', async () => {
    const days = await sql<{ code: string; day: string }[]>`
      SELECT d.code, to_char(f."asOf", 'YYYY-MM-DD') AS day
      FROM figure f JOIN metric m ON m.id = f."metricId" JOIN place d ON d.id = f."destinationId"
      WHERE m.key = 'refugees'
      GROUP BY d.code, f."asOf"
      HAVING bool_or(f.attribution ILIKE '%UNHCR%') AND bool_or(f.attribution NOT ILIKE '%UNHCR%' AND f.attribution NOT ILIKE 'UN %')
        AND count(DISTINCT f.low) > 1`;
    expect(days.length).toBeGreaterThanOrEqual(5);
  });
});

describe('the places of the curated dataset', () => {
  it('give countries ISO 3166 alpha-3 codes and oblasts P-codes, and put every city in an oblast of a country', async () => {
    const places = await sql<{ name: string; type: string; code: string | null; parentType: string | null; grandparentType: string | null }[]>`
      SELECT p.name, p.type::text, p.code, pp.type::text AS "parentType", gp.type::text AS "grandparentType"
      FROM place p LEFT JOIN place pp ON pp.id = p."parentId" LEFT JOIN place gp ON gp.id = pp."parentId"`;
    const wrong = places.filter((p) => {
      if (p.type === 'COUNTRY') return !/^[A-Z]{3}$/.test(p.code ?? '') || p.parentType !== null;
      if (p.type === 'ADMIN1') return !/^UA\d{2}$/.test(p.code ?? '') || p.parentType !== 'COUNTRY';
      if (p.type === 'CITY') return p.parentType === 'ADMIN1' ? p.grandparentType !== 'COUNTRY' : p.parentType !== 'COUNTRY';
      return p.parentType === null;
    });
    expect(wrong).toEqual([]);
    expect(places.filter((p) => p.type === 'COUNTRY').map((p) => p.code).sort()).toEqual(expect.arrayContaining(['BLR', 'HUN', 'MDA', 'POL', 'ROU', 'RUS', 'SVK', 'UKR']));
  });
});

describe('the files of the curated dataset', () => {
  it('are in the export format: the export columns, then the HXL row', async () => {
    for (const [name, columns] of [['figures.csv', FIGURE_COLUMNS], ['sources.csv', SOURCE_COLUMNS], ['places.csv', PLACE_COLUMNS], ['events.csv', EVENT_COLUMNS]] as const) {
      const [header, hxl] = await csvFile(name);
      expect(header).toEqual(columns.map((c) => c.name));
      expect(hxl.every((cell) => cell.startsWith('#'))).toBe(true);
    }
  });

  it('agree with each other: each figure names its source in sources.csv with the same title, address, publisher and date', async () => {
    const [, , ...figureRows] = await csvFile('figures.csv');
    const [, , ...sourceRows] = await csvFile('sources.csv');
    const col = (name: string) => FIGURE_COLUMNS.findIndex((c) => c.name === name);
    const sources = new Map(sourceRows.map((s) => [s[0], s]));
    const mismatched = figureRows.filter((f) => {
      const s = sources.get(f[col('source_id')]);
      return !s || s[1] !== f[col('source_title')] || s[2] !== f[col('source_url')] || s[3] !== f[col('publisher')] || s[4] !== f[col('published_at')];
    });
    expect(mismatched.map((f) => f[0])).toEqual([]);
    const urls = await sql<{ url: string }[]>`SELECT url FROM source ORDER BY url`;
    expect(sourceRows.map((s) => s[2]).sort()).toEqual(urls.map((u) => u.url));
  });

  it('are described by datapackage.json exactly as the exporter describes them', async () => {
    const pkg = JSON.parse(await readFile(join(DATASET.dir, 'datapackage.json'), 'utf8'));
    const expected = buildDataPackage({ pathOf: (r) => DATASET.files[r], name: DATASET.name, title: DATASET.title, description: DATASET.description, hxlRow: true });
    expect(pkg).toEqual(JSON.parse(JSON.stringify({ ...expected, created: undefined })));
    expect(pkg.title).toBe('Ukraine 2022: curated from public reports, for demonstration');
  });
});

describe('the charts the dataset was curated for', () => {
  it('draw the refugee total on at least 14 weeks between 24 February and 31 May 2022', async () => {
    const points = await series('metric=refugees&from=2022-02-24&to=2022-05-31&interval=week');
    expect(points.length).toBeGreaterThanOrEqual(14);
  });

  it('draw at least 8 points for refugees arriving in Poland', async () => {
    expect((await series('metric=refugees&destination=POL')).length).toBeGreaterThanOrEqual(8);
  });

  it('draw evacuation bars on at least 10 days of March and April 2022', async () => {
    const points = await series('metric=evacuees&from=2022-03-01&to=2022-04-30');
    expect(points.filter((p) => p.value > 0).length).toBeGreaterThanOrEqual(10);
    expect((await series('metric=buses&from=2022-03-01&to=2022-04-30')).length).toBeGreaterThanOrEqual(5);
  });
});

describe('naming the dataset', () => {
  it('names it in the CSV export’s headers and in the Data Package', async () => {
    const csv = await getFiguresCsv(new Request('http://test/api/v1/figures.csv?metric=buses'));
    expect(csv.status).toBe(200);
    expect(csv.headers.get(DATASET_HEADER)).toBe(DATASET.title);
    expect(csv.headers.get('link')).toContain('/api/v1/datapackage.json');
    await csv.text();
    const pkg = await (await getDataPackage(new Request('http://test/api/v1/datapackage.json'))).json();
    expect(pkg.title).toContain(DATASET.title);
    expect(pkg.resources.map((r: { name: string }) => r.name)).toEqual(['figures', 'sources', 'places', 'events']);
  });
});
