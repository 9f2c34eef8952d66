// Small builders for figure query tests: real rows in the test database.
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
