// Small builders for figure query tests: real rows in the test database.
import { resetDatabase } from '@/__tests__/helpers/db';
import { db } from '@/lib/db/client';
import type { Qualifier } from '@/lib/vocabulary';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function createMetric(key: string, kind: 'STOCK' | 'FLOW') {
  return db.metric.create({ data: { key, label: key[0].toUpperCase() + key.slice(1), unit: 'people', kind, hxlTag: `#x+${key}` } });
}

export async function createPlace(name: string, parentId?: number, code?: string) {
  return db.place.create({ data: { name, type: parentId ? 'CITY' : 'COUNTRY', parentId, code } });
}

export async function createSource(title: string, opts: { publishedAt?: string; preferred?: boolean; publisher?: string } = {}) {
  const publisher = opts.publisher
    ? await db.organization.upsert({ where: { name: opts.publisher }, create: { name: opts.publisher }, update: {} })
    : null;
  return db.source.create({
    data: { title, publishedAt: opts.publishedAt ? day(opts.publishedAt) : null, preferred: opts.preferred ?? false, publisherId: publisher?.id },
  });
}

export interface FigureInput {
  metricId: number;
  sourceId: number;
  asOf: string;
  low: bigint;
  high?: bigint;
  qualifier?: Qualifier;
  originId?: number;
  destinationId?: number;
  status?: 'DRAFT' | 'PUBLISHED' | 'RETRACTED';
  quote?: string;
  valueAsStated?: string;
  updatedAt?: Date;
}

export async function createFigure(input: FigureInput) {
  const figure = await db.figure.create({
    data: {
      metricId: input.metricId,
      sourceId: input.sourceId,
      asOf: day(input.asOf),
      low: input.low,
      high: input.high ?? input.low,
      qualifier: input.qualifier ?? 'EXACT',
      originId: input.originId,
      destinationId: input.destinationId,
      status: input.status ?? 'PUBLISHED',
      quote: input.quote ?? `Quote for ${input.low}`,
      valueAsStated: input.valueAsStated,
    },
  });
  if (input.updatedAt) {
    await db.$executeRaw`UPDATE figure SET "updatedAt" = ${input.updatedAt} WHERE id = ${figure.id}`;
  }
  return figure;
}

export interface Places { ua: number; oblastA: number; cityA: number; oblastB: number; cityB: number; pl: number; warsaw: number; md: number }

/**
 * A fresh database with a stock (refugees) and a flow (evacuees), a place tree three
 * levels deep, five sources of three publishers (one source has none) and 400
 * deterministic pseudo-random claims: many per day, pair, qualifier and publisher,
 * ties on source date and updatedAt, drafts and retractions. For the tests that
 * compare a trigger-kept headline table with the live ranking.
 */
export async function seedRankedClaims() {
  await resetDatabase();
  const metrics = { stock: (await createMetric('refugees', 'STOCK')).id, flow: (await createMetric('evacuees', 'FLOW')).id };
  const ua = (await createPlace('Ukraine', undefined, 'UA')).id;
  const oblastA = (await createPlace('Sumy Oblast', ua, 'UA59')).id;
  const cityA = (await createPlace('Sumy', oblastA)).id;
  const oblastB = (await createPlace('Lviv Oblast', ua, 'UA46')).id;
  const cityB = (await createPlace('Lviv', oblastB)).id;
  const pl = (await createPlace('Poland', undefined, 'PL')).id;
  const warsaw = (await createPlace('Warsaw', pl)).id;
  const md = (await createPlace('Moldova', undefined, 'MD')).id;
  const places: Places = { ua, oblastA, cityA, oblastB, cityB, pl, warsaw, md };
  const sources = [
    (await createSource('Agency', { publishedAt: '2022-03-01', preferred: true, publisher: 'UNHCR' })).id,
    (await createSource('Late', { publishedAt: '2022-03-20', publisher: 'Wire' })).id,
    (await createSource('Early', { publishedAt: '2022-03-02', publisher: 'UNHCR' })).id,
    (await createSource('Undated')).id,
    (await createSource('Twin of late', { publishedAt: '2022-03-20', publisher: 'Border Guard' })).id,
  ];
  // More places than ids per point, so a week or month of flows adds more places than it lists ids.
  const towns: number[] = [];
  for (let i = 0; i < 12; i++) towns.push((await createPlace(`Town ${i}`, [oblastA, oblastB, cityA, pl][i % 4])).id);
  const origins = [undefined, ua, oblastA, cityA, oblastB, cityB, ua, cityA, ...towns];
  const destinations = [undefined, pl, warsaw, md, cityB, undefined, warsaw, towns[3], towns[7]];
  const qualifiers: Qualifier[] = ['EXACT', 'APPROXIMATE', 'AT_LEAST', 'AT_MOST', 'RANGE'];
  let seed = 7;
  const next = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor(seed / 65536) % n; };
  for (let i = 0; i < 400; i++) {
    const q = qualifiers[next(5)];
    const low = BigInt(100 + next(5000));
    await createFigure({
      metricId: next(2) ? metrics.stock : metrics.flow,
      sourceId: sources[next(sources.length)],
      asOf: `2022-03-${String(1 + next(24)).padStart(2, '0')}`,
      low,
      high: q === 'RANGE' ? low + BigInt(next(900)) : low,
      qualifier: q,
      originId: origins[next(origins.length)],
      destinationId: destinations[next(destinations.length)],
      status: next(12) === 0 ? 'DRAFT' : next(15) === 0 ? 'RETRACTED' : 'PUBLISHED',
      updatedAt: new Date(`2022-04-0${1 + next(3)}T00:00:00Z`),
    });
  }
  return { places, metrics, sources };
}
