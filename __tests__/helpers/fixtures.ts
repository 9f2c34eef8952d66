// Minimal reference data for figure tests: two metrics, two places, one source.
import { db } from '@/lib/db/client';
import type { FigureData } from '@/lib/figures/figureInput';

export async function seedReferenceData() {
  const refugees = await db.metric.create({ data: { key: 'refugees', label: 'Refugees', unit: 'refugees', kind: 'STOCK', hxlTag: '#affected+refugees' } });
  const evacuees = await db.metric.create({ data: { key: 'evacuees', label: 'Evacuees', unit: 'people', kind: 'FLOW', hxlTag: '#affected+evacuated' } });
  const ukraine = await db.place.create({ data: { name: 'Ukraine', type: 'COUNTRY', code: 'UA' } });
  const poland = await db.place.create({ data: { name: 'Poland', type: 'COUNTRY', code: 'PL' } });
  const source = await db.source.create({ data: { title: 'UNHCR update', url: 'https://data.unhcr.org/en/situations/ukraine' } });
  return { refugees, evacuees, ukraine, poland, source };
}

export type Seed = Awaited<ReturnType<typeof seedReferenceData>>;

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function figureData(seed: Seed, overrides: Partial<FigureData> = {}): FigureData {
  return {
    metricId: seed.refugees.id,
    qualifier: 'RANGE',
    low: 2_100_000n,
    high: 2_200_000n,
    valueAsStated: '2.1–2.2 million',
    asOf: day('2022-03-08'),
    originId: seed.ukraine.id,
    destinationId: null,
    sourceId: seed.source.id,
    quote: 'Some 2.1–2.2 million people have fled Ukraine.',
    attribution: 'UNHCR',
    ...overrides,
  };
}
