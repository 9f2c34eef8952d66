// The Export CSV button promises "exactly the current view": for the same query
// string, /api/v1/figures.csv must hold the ids /api/v1/figures lists.
import { parse } from 'csv-parse/sync';
import { GET as getCsv } from '@/app/api/v1/figures.csv/route';
import { GET as getList } from '@/app/api/v1/figures/route';
import { db } from '@/lib/db/client';
import { resetDatabase } from '../../helpers/db';
import { seedExchangeData } from './fixtures';

async function csvIdsInOrder(query: string): Promise<number[]> {
  const response = await getCsv(new Request(`http://localhost/api/v1/figures.csv?${query}`));
  expect(response.status).toBe(200);
  const records: { id: string }[] = parse(await response.text(), { columns: true });
  return records.map((r) => Number(r.id));
}

const csvIds = async (query: string) => (await csvIdsInOrder(query)).sort((a, b) => a - b);

async function listedIds(query: string): Promise<number[]> {
  return (await listedIdsInOrder(query)).sort((a, b) => a - b);
}

async function listedIdsInOrder(query: string): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query);
    params.set('limit', '2');
    if (cursor) params.set('cursor', cursor);
    const response = await getList(new Request(`http://localhost/api/v1/figures?${params}`));
    expect(response.status).toBe(200);
    const page = (await response.json()) as { figures: { id: number }[]; nextCursor: string | null };
    ids.push(...page.figures.map((f) => f.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe('export filters', () => {
  let seeded: Awaited<ReturnType<typeof seedExchangeData>>;
  beforeAll(async () => {
    await resetDatabase();
    seeded = await seedExchangeData();
    // A second publisher, a destination-only figure and a later day, so each filter excludes something.
    const iom = await db.organization.create({ data: { name: 'IOM', type: 'UN_AGENCY' } });
    const dtm = await db.source.create({ data: { title: 'Displacement tracking, round 1', url: 'https://example.org/dtm/1', publisherId: iom.id, publishedAt: new Date('2022-04-05') } });
    const { refugees, evacuees } = seeded.metrics;
    const { poland, sumy } = seeded.places;
    await db.figure.create({ data: { metricId: refugees.id, low: 1_000_000n, high: 1_000_000n, qualifier: 'APPROXIMATE', asOf: new Date('2022-04-01'), destinationId: poland.id, sourceId: dtm.id, status: 'PUBLISHED', quote: 'About one million people arrived in Poland.' } });
    await db.figure.create({ data: { metricId: evacuees.id, low: 120n, high: 120n, qualifier: 'EXACT', asOf: new Date('2022-03-12'), originId: sumy.id, sourceId: dtm.id, status: 'PUBLISHED', quote: '120 people left by bus.' } });
  });

  const combinations = [
    '',
    'place=UA59',
    'place=UKR&metric=evacuees',
    'destination=POL',
    'from=2022-03-09&to=2022-03-30',
    'publisher=IOM',
    'qualifier=RANGE,AT_LEAST',
    'q=MILLION',
    'q=bus&from=2022-03-10',
    'metric=refugees&to=2022-03-09&qualifier=RANGE',
    'metric=refugees,evacuees',
  ];

  it.each(combinations)('exports exactly the listed figures for "%s"', async (query) => {
    const listed = await listedIds(query);
    expect(await csvIds(query)).toEqual(listed);
  });

  it.each(['-asOf', 'asOf', 'value', '-value', '-updated', 'id'])('exports in the table\'s order for sort=%s', async (sort) => {
    const listed = await listedIdsInOrder(`sort=${sort}`);
    expect(listed.length).toBeGreaterThan(2);
    expect(await csvIdsInOrder(`sort=${sort}`)).toEqual(listed);
  });

  it('refuses an unknown sort on the export, naming it', async () => {
    const response = await getCsv(new Request('http://localhost/api/v1/figures.csv?sort=quote'));
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('sort');
  });

  it('gives the combinations different, non-empty selections, so the comparison means something', async () => {
    const selections = await Promise.all(combinations.map(listedIds));
    expect(selections.every((ids) => ids.length > 0)).toBe(true);
    expect(new Set(selections.map((ids) => ids.join(','))).size).toBeGreaterThan(6);
    // Sumy Oblast includes the city of Sumy below it; its own figure is a draft.
    expect(selections[1]).toEqual([seeded.figures[1].id, (await db.figure.findFirstOrThrow({ where: { low: 120n }, select: { id: true } })).id].sort((a, b) => a - b));
  });
});
