// The figure form's options: the most recent sources, and an edited figure's own
// source even when it is older than those. Real PostgreSQL.
import { resetDatabase } from '@/__tests__/helpers/db';
import { seedReferenceData, type Seed } from '@/__tests__/helpers/fixtures';
import { db } from '@/lib/db/client';
import { figureFormOptions } from '@/lib/figures/adminFigures';

let seed: Seed;
beforeAll(async () => {
  await resetDatabase();
  seed = await seedReferenceData();
  await db.source.update({ where: { id: seed.source.id }, data: { publishedAt: new Date('2000-01-01T00:00:00Z') } });
  await db.source.createMany({
    data: Array.from({ length: 2_000 }, (_, i) => ({ title: `Recent report ${i}`, publishedAt: new Date(Date.UTC(2022, 2, 1 + (i % 28))) })),
  });
});
afterAll(async () => {
  await db.$disconnect();
});

describe('figureFormOptions', () => {
  it('offers the 2,000 most recently published sources', async () => {
    const { sources } = await figureFormOptions();
    expect(sources).toHaveLength(2_000);
    expect(sources.some((s) => s.id === seed.source.id)).toBe(false);
  });

  it("adds an edited figure's older source, once, with its publication day", async () => {
    const { sources } = await figureFormOptions({ sourceId: seed.source.id });
    expect(sources.filter((s) => s.id === seed.source.id)).toEqual([
      { id: seed.source.id, title: 'UNHCR update', url: 'https://data.unhcr.org/en/situations/ukraine', publisher: null, publishedAt: '2000-01-01' },
    ]);
    const recent = sources[0].id;
    expect((await figureFormOptions({ sourceId: recent })).sources.filter((s) => s.id === recent)).toHaveLength(1);
  });
});
