// Every mutation tried as anonymous, analyst, editor and admin against a real
// database: refused calls must change nothing.
import { resetDatabase } from '@/__tests__/helpers/db';
import { createTestUser } from '@/__tests__/helpers/auth';
import { figureData, seedReferenceData, type Seed } from '@/__tests__/helpers/fixtures';
import { closeAuth } from '@/lib/auth/auth';
import type { Actor, Role } from '@/lib/auth/permissions';
import { db } from '@/lib/db/client';
import { createFigure, publishFigure, retractFigure, updateFigure } from '@/lib/figures/mutations';
import { createSource, retractSource, updateSource } from '@/lib/sources/mutations';
import { createPlace, retractPlace, updatePlace } from '@/lib/places/mutations';
import { mergePlaces, mergeSources } from '@/lib/figures/mergeDuplicates';
import { createMetric, retireMetric, updateMetric } from '@/lib/metrics/mutations';
import { createEvent, retractEvent, updateEvent } from '@/lib/events/mutations';
import { changeUserRole, createUser, setUserActive } from '@/lib/users/mutations';
import { createApiToken } from '@/lib/auth/apiTokens';

type Who = 'ANONYMOUS' | Role;
const EDITORS: Who[] = ['EDITOR', 'ADMIN'];
const ADMINS: Who[] = ['ADMIN'];
const SIGNED_IN: Who[] = ['ANALYST', 'EDITOR', 'ADMIN'];

interface Ctx {
  seed: Seed;
  figureId: number;
  victimId: string;
  otherSourceId: number;
}

const metricInput = { key: 'buses', label: 'Buses', unit: 'buses', kind: 'FLOW' as const, hxlTag: '#indicator+buses+num' };

const mutations: Array<{ name: string; allowed: Who[]; run: (actor: Actor, c: Ctx) => Promise<unknown> }> = [
  { name: 'createFigure', allowed: EDITORS, run: (a, c) => createFigure(a, figureData(c.seed, { low: 1n, high: 2n })) },
  { name: 'updateFigure', allowed: EDITORS, run: (a, c) => updateFigure(a, c.figureId, 1, figureData(c.seed, { notes: 'x' })) },
  { name: 'publishFigure', allowed: EDITORS, run: (a, c) => publishFigure(a, c.figureId, { requireReview: false }) },
  { name: 'retractFigure', allowed: EDITORS, run: (a, c) => retractFigure(a, c.figureId, 'Wrong number') },
  { name: 'createSource', allowed: EDITORS, run: (a) => createSource(a, { title: 'New', url: 'https://example.org/new', publisher: 'UNHCR' }) },
  { name: 'updateSource', allowed: EDITORS, run: (a, c) => updateSource(a, c.seed.source.id, 1, { title: 'Renamed', url: 'https://example.org/renamed', publisher: 'UNHCR' }) },
  { name: 'retractSource', allowed: EDITORS, run: (a, c) => retractSource(a, c.seed.source.id, 'Duplicate') },
  { name: 'mergeSources', allowed: EDITORS, run: (a, c) => mergeSources(a, c.seed.source.id, c.otherSourceId) },
  { name: 'createPlace', allowed: EDITORS, run: (a) => createPlace(a, { name: 'Irpin', type: 'CITY' }) },
  { name: 'updatePlace', allowed: EDITORS, run: (a, c) => updatePlace(a, c.seed.poland.id, 1, { name: 'Polska', type: 'COUNTRY', code: 'PL' }) },
  { name: 'retractPlace', allowed: EDITORS, run: (a, c) => retractPlace(a, c.seed.poland.id, 'Duplicate') },
  { name: 'mergePlaces', allowed: EDITORS, run: (a, c) => mergePlaces(a, c.seed.poland.id, c.seed.ukraine.id) },
  { name: 'createEvent', allowed: EDITORS, run: (a) => createEvent(a, { date: '2022-03-08', title: 'Corridor opens' }) },
  { name: 'updateEvent', allowed: EDITORS, run: async (a) => updateEvent(a, (await db.event.create({ data: { date: new Date('2022-03-08'), title: 'E' } })).id, 1, { date: '2022-03-09', title: 'E2' }) },
  { name: 'retractEvent', allowed: EDITORS, run: async (a) => retractEvent(a, (await db.event.create({ data: { date: new Date('2022-03-08'), title: 'E' } })).id, 'Wrong') },
  { name: 'createMetric', allowed: ADMINS, run: (a) => createMetric(a, metricInput) },
  { name: 'updateMetric', allowed: ADMINS, run: (a, c) => updateMetric(a, c.seed.refugees.id, { key: 'refugees', label: 'Refugees (all)', unit: 'refugees', kind: 'STOCK', hxlTag: '#affected+refugees' }) },
  { name: 'retireMetric', allowed: ADMINS, run: (a, c) => retireMetric(a, c.seed.evacuees.id, 'Unused') },
  { name: 'createUser', allowed: ADMINS, run: (a) => createUser(a, { email: 'new@corridor.test', role: 'editor', password: 'long enough password' }) },
  { name: 'changeUserRole', allowed: ADMINS, run: (a, c) => changeUserRole(a, c.victimId, 'editor') },
  { name: 'setUserActive', allowed: ADMINS, run: (a, c) => setUserActive(a, c.victimId, false) },
  { name: 'createApiToken', allowed: SIGNED_IN, run: (a) => createApiToken(a, 'script') },
];

let ctx: Ctx;
const actors: Partial<Record<Who, Actor | null>> = {};
let author: Actor;
let victimId: string;
// Users are made once (password hashing and sign-in are the slow part); every
// other table is emptied and seeded again before a case whenever the previous
// case was allowed to write. Refused cases are proven to change nothing, so the
// state they leave is the fresh one.
let dirty = true;
const KEEP = ['user', 'session', 'account', '_prisma_migrations'];

async function freshRecords(): Promise<void> {
  const rows = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND NOT (tablename = ANY(${KEEP}))`;
  await db.$executeRawUnsafe(`TRUNCATE ${rows.map((r) => `"public"."${r.tablename}"`).join(', ')} RESTART IDENTITY`);
  const keptUsers = [author.userId, victimId, ...(['ANALYST', 'EDITOR', 'ADMIN'] as Role[]).map((r) => actors[r]!.userId)];
  await db.user.deleteMany({ where: { id: { notIn: keptUsers } } });
  await db.user.update({ where: { id: victimId }, data: { role: 'ANALYST', deactivatedAt: null } });
  const seed = await seedReferenceData();
  const { id } = await createFigure(author, figureData(seed));
  const other = await db.source.create({ data: { title: 'Duplicate UNHCR update', url: 'https://b.example' } });
  ctx = { seed, figureId: id, victimId, otherSourceId: other.id };
}

beforeAll(async () => {
  await resetDatabase();
  for (const role of ['ANALYST', 'EDITOR', 'ADMIN'] as Role[]) actors[role] = (await createTestUser(role)).actor;
  actors.ANONYMOUS = null;
  author = (await createTestUser('EDITOR')).actor;
  victimId = (await createTestUser('ANALYST')).actor.userId;
});
beforeEach(async () => {
  if (dirty) await freshRecords();
  dirty = false;
});
afterAll(async () => {
  await closeAuth();
  await db.$disconnect();
});

const snapshot = async () => ({
  figures: await db.figure.findMany({ orderBy: { id: 'asc' }, select: { id: true, version: true, status: true, sourceId: true, originId: true } }),
  revisions: await db.figureRevision.count(),
  audit: await db.auditLog.count(),
  sources: await db.source.findMany({ orderBy: { id: 'asc' }, select: { title: true, retiredAt: true } }),
  places: await db.place.findMany({ orderBy: { id: 'asc' }, select: { name: true, retiredAt: true } }),
  metrics: await db.metric.findMany({ orderBy: { id: 'asc' }, select: { label: true, retiredAt: true } }),
  events: await db.event.findMany({ select: { title: true, status: true } }),
  users: await db.user.findMany({ orderBy: { email: 'asc' }, select: { role: true, deactivatedAt: true } }),
  tokens: await db.apiToken.count(),
});

describe.each(mutations)('$name', ({ allowed, run }) => {
  it.each(['ANONYMOUS', 'ANALYST', 'EDITOR', 'ADMIN'] as Who[])('as %s', async (who) => {
    const actor = actors[who] as Actor;
    if (allowed.includes(who)) {
      dirty = true;
      await expect(run(actor, ctx)).resolves.not.toThrow();
      return;
    }
    const before = await snapshot();
    await expect(run(actor, ctx)).rejects.toMatchObject({ code: who === 'ANONYMOUS' ? 'UNAUTHORIZED' : 'FORBIDDEN' });
    const after = await snapshot();
    // Events may be created by the test's own setup inside run(); only compare what the mutation would touch.
    expect({ ...after, events: after.events.filter((e) => e.status === 'RETRACTED' || e.title !== 'E') }).toEqual({ ...before, events: before.events.filter((e) => e.status === 'RETRACTED' || e.title !== 'E') });
  });
});
