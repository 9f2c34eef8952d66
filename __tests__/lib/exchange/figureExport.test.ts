import { parse } from 'csv-parse/sync';
import { FIGURE_COLUMN_NAMES } from '@/lib/exchange/columns';
import { streamFiguresCsv, streamFiguresNdjson } from '@/lib/exchange/figureExport';
import { parseFigureFilters } from '@/lib/figures/filters';
import { sql } from '@/lib/db/sql';
import { db } from '@/lib/db/client';
import { resetDatabase } from '../../helpers/db';
import { readText, seedExchangeData } from './fixtures';

const csv = { bom: false, hxl: false, raw: false };
const filters = (query = '') => parseFigureFilters(new URLSearchParams(query));

describe('figures CSV export', () => {
  let seeded: Awaited<ReturnType<typeof seedExchangeData>>;
  beforeAll(async () => {
    await resetDatabase();
    seeded = await seedExchangeData();
  });

  it('writes the documented columns in order, one row per published figure', async () => {
    const rows: string[][] = parse(await readText(await streamFiguresCsv(filters(), csv)));
    expect(rows[0]).toEqual(FIGURE_COLUMN_NAMES);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(seeded.figures.slice(0, 3).map((f) => f.id));
  });

  it('quotes commas, quotes and newlines so a CSV parser reads the text back exactly', async () => {
    const records: Record<string, string>[] = parse(await readText(await streamFiguresCsv(filters(), csv)), { columns: true });
    const range = records.find((r) => r.id === String(seeded.figures[0].id))!;
    expect(range).toMatchObject({
      metric: 'refugees', value_low: '2100000', value_high: '2200000', qualifier: 'RANGE', value_as_stated: '2.1 to 2.2 million',
      as_of: '2022-03-09', period_start: '', origin: 'Україна', origin_code: 'UKR', destination: 'Polska', destination_code: 'POL',
      source_title: 'Wire, 9 March: "corridors", buses\nand convoys', publisher: 'UNHCR, "the UN refugee agency"', published_at: '2022-03-09',
      quote: 'UNHCR said "2.1 to 2.2 million", adding: refugees had fled,\nmostly to Poland.', status: 'PUBLISHED',
    });
    expect(range.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('neutralises formula-looking text cells by default and leaves them raw with raw=1', async () => {
    const safe: Record<string, string>[] = parse(await readText(await streamFiguresCsv(filters('metric=evacuees'), csv)), { columns: true });
    expect(safe[0].quote).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(safe[0].attribution).toBe(`'-Kyrylo Tymoshenko`);
    const raw: Record<string, string>[] = parse(await readText(await streamFiguresCsv(filters('metric=evacuees'), { ...csv, raw: true })), { columns: true });
    expect(raw[0].quote).toBe('=HYPERLINK("http://evil.example","click")');
    expect(raw[0].attribution).toBe('-Kyrylo Tymoshenko');
  });

  it('never alters numeric columns', async () => {
    await db.figure.update({ where: { id: seeded.figures[2].id }, data: { valueAsStated: '+4,000,000' } });
    const records: Record<string, string>[] = parse(await readText(await streamFiguresCsv(filters(), csv)), { columns: true });
    const row = records.find((r) => r.id === String(seeded.figures[2].id))!;
    expect(row.value_as_stated).toBe("'+4,000,000");
    expect(row.value_low).toBe('4000000');
    expect(row.id).toBe(String(seeded.figures[2].id));
  });

  it('adds a byte-order mark with bom=1 and none without', async () => {
    const withBom = new Uint8Array(await new Response(await streamFiguresCsv(filters(), { ...csv, bom: true })).arrayBuffer());
    expect([...withBom.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const without = new Uint8Array(await new Response(await streamFiguresCsv(filters(), csv)).arrayBuffer());
    expect(String.fromCharCode(without[0])).toBe('i');
  });

  it('puts the HXL hashtag row second, with the metric tag for a one-metric export', async () => {
    const rows: string[][] = parse(await readText(await streamFiguresCsv(filters('metric=refugees'), { ...csv, hxl: true })));
    const tags = Object.fromEntries(rows[0].map((name, i) => [name, rows[1][i]]));
    expect(tags).toMatchObject({
      id: '#meta+id', value_low: '#affected+refugees+min', value_high: '#affected+refugees+max', as_of: '#date+reported',
      period_start: '#date+start', period_end: '#date+end', origin: '#loc+name+origin', origin_code: '#country+code+origin',
      destination: '#loc+name+dest', destination_code: '#country+code+dest', source_title: '#meta+source', source_url: '#meta+url',
      publisher: '#org+name', quote: '#description',
    });
    expect(rows).toHaveLength(4);
  });

  it('falls back to generic value tags and #loc+code when metrics and place types are mixed', async () => {
    await db.figure.update({ where: { id: seeded.figures[1].id }, data: { originId: seeded.places.sumyOblast.id } });
    const rows: string[][] = parse(await readText(await streamFiguresCsv(filters(), { ...csv, hxl: true })));
    const tags = Object.fromEntries(rows[0].map((name, i) => [name, rows[1][i]]));
    expect(tags.value_low).toBe('#indicator+value+num+min');
    expect(tags.origin_code).toBe('#loc+code+origin');
    await db.figure.update({ where: { id: seeded.figures[1].id }, data: { originId: seeded.places.sumy.id } });
  });

  it('writes the same rows as NDJSON, one object per line', async () => {
    const lines = (await readText(await streamFiguresNdjson(filters()))).trim().split('\n');
    expect(lines).toHaveLength(3);
    const first = JSON.parse(lines[0]);
    expect(Object.keys(first)).toEqual(FIGURE_COLUMN_NAMES);
    expect(first).toMatchObject({ value_low: 2100000, origin: 'Україна', quote: 'UNHCR said "2.1 to 2.2 million", adding: refugees had fled,\nmostly to Poland.' });
    const evac = JSON.parse(lines[1]);
    expect(evac.quote).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it('inlines filter values safely, so quotes in a search cannot break out of the SQL', async () => {
    const text = await readText(await streamFiguresCsv(filters(`q=${encodeURIComponent("x' OR 1=1 --")}`), csv));
    expect(parse(text)).toHaveLength(1);
  });
});
