// A metric's kind decides how its figures are summed (stock or flow), now and at any
// vintage, so it cannot change once any figure has used the metric.
import { createTestUser, type TestUser } from '@/__tests__/helpers/auth';
import { resetDatabase } from '@/__tests__/helpers/db';
import { figureData, seedReferenceData, type Seed } from '@/__tests__/helpers/fixtures';
import { closeAuth } from '@/lib/auth/auth';
import { db } from '@/lib/db/client';
import { createFigure, updateFigure } from '@/lib/figures/mutations';
import { createMetric, updateMetric } from '@/lib/metrics/mutations';

let seed: Seed;
let admin: TestUser;

beforeEach(async () => {
  await resetDatabase();
  seed = await seedReferenceData();
  admin = await createTestUser('ADMIN');
});
afterAll(async () => {
  await closeAuth();
  await db.$disconnect();
});

const input = (kind: 'STOCK' | 'FLOW') => ({ key: 'arrivals', label: 'Arrivals', unit: 'people', kind, hxlTag: '#affected+arrivals' });

describe('changing a metric’s kind', () => {
  it('is allowed while no figure has ever used the metric', async () => {
    const { id } = await createMetric(admin.actor, input('STOCK'));
    await updateMetric(admin.actor, id, input('FLOW'));
    expect((await db.metric.findUniqueOrThrow({ where: { id } })).kind).toBe('FLOW');
  });

  it('is refused, naming kind, once a figure has used the metric, even after the figure moved to another metric', async () => {
    const { id } = await createMetric(admin.actor, input('STOCK'));
    const figure = await createFigure(admin.actor, figureData(seed, { metricId: id }));
    await expect(updateMetric(admin.actor, id, input('FLOW'))).rejects.toMatchObject({ code: 'BAD_REQUEST', param: 'kind' });
    const current = await db.figure.findUniqueOrThrow({ where: { id: figure.id }, select: { version: true } });
    await updateFigure(admin.actor, figure.id, current.version, figureData(seed, { metricId: seed.refugees.id }));
    expect(await db.figure.count({ where: { metricId: id } })).toBe(0);
    await expect(updateMetric(admin.actor, id, input('FLOW'))).rejects.toMatchObject({ code: 'BAD_REQUEST', param: 'kind', message: expect.stringContaining('have used') });
    expect((await db.metric.findUniqueOrThrow({ where: { id } })).kind).toBe('STOCK');
  });
});
