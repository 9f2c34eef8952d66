import { db } from '@/lib/db/client';
import { isDemoDataLoaded, loadDemoData } from '@/lib/demo/loadDemoData';
import { DEMO_FIGURES } from '@/lib/demo/demoData';
import { resetDatabase } from '../../helpers/db';

describe('demo data', () => {
  beforeEach(resetDatabase);
  afterAll(() => db.$disconnect());

  it('loads every demo figure with its source, date, attribution and a short quote', async () => {
    const result = await loadDemoData(db);
    expect(result).toEqual({ loaded: true, figures: DEMO_FIGURES.length });
    const figures = await db.figure.findMany({ include: { source: { include: { publisher: true } }, metric: true } });
    expect(figures).toHaveLength(DEMO_FIGURES.length);
    for (const f of figures) {
      expect(f.source.title).toBeTruthy();
      expect(f.source.publisher?.name).toBeTruthy();
      expect(f.attribution).toBeTruthy();
      expect(f.quote!.split(/\s+/).length).toBeLessThanOrEqual(20);
      expect(f.status).toBe('PUBLISHED');
    }
    const range = figures.find((f) => f.metric.key === 'refugees' && f.qualifier === 'RANGE')!;
    expect([range.low, range.high]).toEqual([2_100_000n, 2_200_000n]);
    expect(range.asOf.toISOString().slice(0, 10)).toBe('2022-03-09');
    const buses = figures.find((f) => f.metric.key === 'buses')!;
    expect(buses).toMatchObject({ qualifier: 'APPROXIMATE', low: 60n, high: 60n, valueAsStated: 'some 60' });
    expect(await isDemoDataLoaded(db)).toBe(true);
  });

  it('writes a revision row for each demo figure', async () => {
    await loadDemoData(db);
    expect(await db.figureRevision.count()).toBe(DEMO_FIGURES.length);
  });

  it('loads only once: a second start finds data and leaves it alone', async () => {
    await loadDemoData(db);
    const again = await loadDemoData(db);
    expect(again).toEqual({ loaded: false, reason: 'not-empty' });
    expect(await db.figure.count()).toBe(DEMO_FIGURES.length);
  });

  it('loads only once when two starts race', async () => {
    const results = await Promise.all([loadDemoData(db), loadDemoData(db)]);
    expect(results.filter((r) => r.loaded)).toHaveLength(1);
    expect(await db.figure.count()).toBe(DEMO_FIGURES.length);
  });

  it('never loads into a database that already holds data', async () => {
    await db.metric.create({ data: { key: 'convoys', label: 'Convoys', unit: 'convoys', kind: 'FLOW', hxlTag: '#indicator+convoys' } });
    expect(await loadDemoData(db)).toEqual({ loaded: false, reason: 'not-empty' });
    expect(await db.figure.count()).toBe(0);
    expect(await isDemoDataLoaded(db)).toBe(false);
  });
});
