// Test data for exchange tests: a few figures whose text exercises CSV quoting,
// non-Latin place names and formula-looking cells.
import { db } from '@/lib/db/client';

export async function seedExchangeData() {
  const refugees = await db.metric.create({ data: { key: 'refugees', label: 'Refugees', unit: 'people', kind: 'STOCK', hxlTag: '#affected+refugees' } });
  const evacuees = await db.metric.create({ data: { key: 'evacuees', label: 'Evacuees', unit: 'people', kind: 'FLOW', hxlTag: '#affected+evacuated' } });
  const ukraine = await db.place.create({ data: { name: 'Україна', type: 'COUNTRY', code: 'UKR' } });
  const poland = await db.place.create({ data: { name: 'Polska', type: 'COUNTRY', code: 'POL' } });
  const sumyOblast = await db.place.create({ data: { name: 'Сумська область', type: 'ADMIN1', code: 'UA59', parentId: ukraine.id } });
  const sumy = await db.place.create({ data: { name: 'Суми', type: 'CITY', parentId: sumyOblast.id } });
  const unhcr = await db.organization.create({ data: { name: 'UNHCR, "the UN refugee agency"', type: 'UN_AGENCY' } });
  const wire = await db.source.create({ data: { title: 'Wire, 9 March: "corridors", buses\nand convoys', publisherId: unhcr.id, publishedAt: new Date('2022-03-09') } });
  const portal = await db.source.create({ data: { title: 'Operational data portal', url: 'https://data.unhcr.org/en/situations/ukraine', publisherId: unhcr.id, publishedAt: new Date('2022-03-30') } });
  const figures = [
    await db.figure.create({
      data: {
        metricId: refugees.id, low: 2_100_000n, high: 2_200_000n, qualifier: 'RANGE', valueAsStated: '2.1 to 2.2 million',
        asOf: new Date('2022-03-09'), originId: ukraine.id, destinationId: poland.id, sourceId: wire.id, status: 'PUBLISHED',
        quote: 'UNHCR said "2.1 to 2.2 million", adding: refugees had fled,\nmostly to Poland.', attribution: 'UNHCR, via a wire',
      },
    }),
    await db.figure.create({
      data: {
        metricId: evacuees.id, low: 5_000n, high: 5_000n, qualifier: 'AT_LEAST', valueAsStated: 'more than 5,000',
        asOf: new Date('2022-03-08'), periodStart: new Date('2022-03-08'), periodEnd: new Date('2022-03-08'),
        originId: sumy.id, sourceId: wire.id, status: 'PUBLISHED',
        quote: '=HYPERLINK("http://evil.example","click")', attribution: '-Kyrylo Tymoshenko',
      },
    }),
    await db.figure.create({
      data: {
        metricId: refugees.id, low: 4_000_000n, high: 4_000_000n, qualifier: 'AT_LEAST', valueAsStated: 'more than four million',
        asOf: new Date('2022-03-30'), originId: ukraine.id, sourceId: portal.id, status: 'PUBLISHED', quote: 'More than four million refugees have fled Ukraine.',
      },
    }),
    await db.figure.create({
      data: {
        metricId: evacuees.id, low: 300n, high: 300n, qualifier: 'AT_MOST', asOf: new Date('2022-03-10'), originId: sumyOblast.id,
        sourceId: portal.id, status: 'DRAFT', quote: 'Up to 300 people.',
      },
    }),
  ];
  return { metrics: { refugees, evacuees }, places: { ukraine, poland, sumyOblast, sumy }, sources: { wire, portal }, figures };
}

export async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}
