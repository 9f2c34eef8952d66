// Retracting a reference record: marked once, with an audit row that says why;
// unknown ids and missing reasons are refused, and nothing changes.
import { resetDatabase } from '@/__tests__/helpers/db';
import { createTestUser, type TestUser } from '@/__tests__/helpers/auth';
import { closeAuth } from '@/lib/auth/auth';
import { db } from '@/lib/db/client';
import { createEvent, retractEvent } from '@/lib/events/mutations';
import { createMetric, retireMetric } from '@/lib/metrics/mutations';
import { createPlace, retractPlace } from '@/lib/places/mutations';
import { createSource, retractSource } from '@/lib/sources/mutations';

let admin: TestUser;
beforeAll(async () => {
  await resetDatabase();
  admin = await createTestUser('ADMIN');
});
afterAll(async () => {
  await closeAuth();
  await db.$disconnect();
});

const kinds = [
  {
    type: 'place',
    create: () => createPlace(admin.actor, { name: `Irpin ${Math.random()}`, type: 'CITY' }),
    retract: retractPlace,
    state: async (id: number) => db.place.findUniqueOrThrow({ where: { id }, select: { retiredAt: true, version: true } }),
  },
  {
    type: 'source',
    create: () => createSource(admin.actor, { title: 'Statement', url: `https://example.org/${Math.random()}`, publisher: 'UNHCR' }),
    retract: retractSource,
    state: async (id: number) => db.source.findUniqueOrThrow({ where: { id }, select: { retiredAt: true, version: true } }),
  },
  {
    type: 'event',
    create: () => createEvent(admin.actor, { date: '2022-03-09', title: 'Corridor opens' }),
    retract: retractEvent,
    state: async (id: number) => {
      const e = await db.event.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } });
      return { retiredAt: e.status === 'RETRACTED' ? 'retracted' : null, version: e.version };
    },
  },
  {
    type: 'metric',
    create: () => createMetric(admin.actor, { key: `tents_${Math.floor(Math.random() * 1e6)}`, label: 'Tents', unit: 'tents', kind: 'FLOW', hxlTag: '#x+tents' }),
    retract: retireMetric,
    state: async (id: number) => ({ ...(await db.metric.findUniqueOrThrow({ where: { id }, select: { retiredAt: true } })), version: 1 }),
  },
] as const;

describe.each(kinds)('retracting a $type', ({ type, create, retract, state }) => {
  it('marks it once and logs who and why', async () => {
    const { id } = await create();
    const before = await state(id);
    await retract(admin.actor, id, '  Duplicate of another record  ');
    const after = await state(id);
    expect(after.retiredAt).not.toBeNull();
    if (type !== 'metric') expect(after.version).toBe(before.version + 1);
    await retract(admin.actor, id, 'again');
    expect(await state(id)).toEqual(after);
    const logged = await db.auditLog.findMany({ where: { entityType: type, entityId: String(id), action: { in: ['RETRACT', 'RETIRE'] } } });
    expect(logged).toEqual([expect.objectContaining({ reason: 'Duplicate of another record', userId: admin.actor.userId, action: type === 'metric' ? 'RETIRE' : 'RETRACT' })]);
  });

  it('refuses an unknown id with 404 and a missing reason with 400, changing nothing', async () => {
    await expect(retract(admin.actor, 2_000_000_000, 'gone')).rejects.toMatchObject({ status: 404, param: 'id' });
    const { id } = await create();
    const before = await state(id);
    await expect(retract(admin.actor, id, '   ')).rejects.toMatchObject({ status: 400, param: 'reason' });
    expect(await state(id)).toEqual(before);
  });
});
