import { resetDatabase } from '@/__tests__/helpers/db';
import { createTestUser, type TestUser } from '@/__tests__/helpers/auth';
import { day, figureData, seedReferenceData, type Seed } from '@/__tests__/helpers/fixtures';
import { closeAuth } from '@/lib/auth/auth';
import { db } from '@/lib/db/client';
import { createFigure, publishFigure, publishFigures, retractFigure, updateFigure } from '@/lib/figures/mutations';
import type { ConflictDetails } from '@/lib/figures/conflictError';

let seed: Seed;
let editor: TestUser;
let otherEditor: TestUser;

beforeEach(async () => {
  await resetDatabase();
  seed = await seedReferenceData();
  editor = await createTestUser('EDITOR');
  otherEditor = await createTestUser('EDITOR');
});
afterAll(async () => {
  await closeAuth();
  await db.$disconnect();
});

const counts = async () => ({
  figures: await db.figure.count(),
  revisions: await db.figureRevision.count(),
  audit: await db.auditLog.count({ where: { entityType: 'figure' } }),
});

describe('createFigure', () => {
  it('saves a draft with one CREATE revision and one audit row', async () => {
    const { id, version } = await createFigure(editor.actor, figureData(seed));
    const figure = await db.figure.findUniqueOrThrow({ where: { id } });
    expect(figure).toMatchObject({ status: 'DRAFT', version: 1, low: 2_100_000n, high: 2_200_000n, createdById: editor.actor.userId });
    const revisions = await db.figureRevision.findMany({ where: { figureId: id } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ action: 'CREATE', version, userId: editor.actor.userId, before: null });
    expect(revisions[0].after).toMatchObject({ low: '2100000', high: '2200000', asOf: '2022-03-08', status: 'DRAFT' });
    expect(await db.auditLog.count({ where: { entityType: 'figure', entityId: String(id) } })).toBe(1);
  });

  it('sets a flow figure as-of date to the end of its period', async () => {
    const { id } = await createFigure(editor.actor, figureData(seed, { metricId: seed.evacuees.id, qualifier: 'EXACT', low: 5000n, high: 5000n, asOf: day('2022-03-01'), periodStart: day('2022-03-08'), periodEnd: day('2022-03-10') }));
    const figure = await db.figure.findUniqueOrThrow({ where: { id } });
    expect(figure.asOf.toISOString().slice(0, 10)).toBe('2022-03-10');
  });

  it('writes nothing when the revision cannot be written (atomic)', async () => {
    const before = await counts();
    // An author id that does not exist fails inside the transaction: no figure, revision or audit row may remain.
    const ghost = { ...editor.actor, userId: 'no-such-user' };
    await expect(createFigure(ghost, figureData(seed))).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });
});

describe('updateFigure', () => {
  it('bumps the version and records before and after', async () => {
    const { id } = await createFigure(editor.actor, figureData(seed));
    const result = await updateFigure(otherEditor.actor, id, 1, figureData(seed, { qualifier: 'AT_LEAST', low: 2_500_000n, high: 2_500_000n, valueAsStated: 'more than 2.5 million' }));
    expect(result.version).toBe(2);
    const revision = await db.figureRevision.findFirstOrThrow({ where: { figureId: id, action: 'UPDATE' } });
    expect(revision).toMatchObject({ version: 2, userId: otherEditor.actor.userId });
    expect(revision.before).toMatchObject({ low: '2100000', qualifier: 'RANGE' });
    expect(revision.after).toMatchObject({ low: '2500000', qualifier: 'AT_LEAST' });
  });

  it('refuses the second of two concurrent saves and shows the first person’s change', async () => {
    const { id } = await createFigure(editor.actor, figureData(seed));
    // Both editors opened version 1.
    await updateFigure(editor.actor, id, 1, figureData(seed, { low: 2_000_000n }));
    const error = await updateFigure(otherEditor.actor, id, 1, figureData(seed, { attribution: 'UNHCR spokesperson' })).catch((e) => e);
    expect(error).toMatchObject({ code: 'CONFLICT', param: 'version' });
    expect(error.message).toContain('EDITOR tester changed it');
    const details = error.details as ConflictDetails;
    expect(details.currentVersion).toBe(2);
    expect(details.changes[0].fields).toEqual([{ field: 'low', before: '2100000', after: '2000000' }]);
    const figure = await db.figure.findUniqueOrThrow({ where: { id } });
    expect(figure).toMatchObject({ version: 2, low: 2_000_000n, attribution: 'UNHCR' });
    expect(await db.figureRevision.count({ where: { figureId: id } })).toBe(2);
  });

  it('refuses concurrent saves racing in parallel: exactly one wins', async () => {
    const { id } = await createFigure(editor.actor, figureData(seed));
    const results = await Promise.allSettled([
      updateFigure(editor.actor, id, 1, figureData(seed, { attribution: 'A' })),
      updateFigure(otherEditor.actor, id, 1, figureData(seed, { attribution: 'B' })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['CONFLICT']);
    expect(await db.figureRevision.count({ where: { figureId: id } })).toBe(2);
  });

  it('sends an edited published figure back to draft when review is required', async () => {
    const { id } = await createFigure(editor.actor, figureData(seed));
    await publishFigure(otherEditor.actor, id, { requireReview: true });
    const result = await updateFigure(editor.actor, id, 2, figureData(seed, { notes: 'typo' }), undefined, { requireReview: true });
    expect(result.status).toBe('DRAFT');
  });
});

describe('publishFigure and retractFigure', () => {
  it('publishes a draft and records who published it', async () => {
    const { id } = await createFigure(editor.actor, figureData(seed));
    await publishFigure(editor.actor, id, { requireReview: false });
    expect(await db.figure.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'PUBLISHED', publishedById: editor.actor.userId, version: 2 });
    expect(await db.figureRevision.count({ where: { figureId: id, action: 'PUBLISH' } })).toBe(1);
  });

  it('with four eyes, refuses the last editor and accepts someone else', async () => {
    const { id } = await createFigure(editor.actor, figureData(seed));
    await expect(publishFigure(editor.actor, id, { requireReview: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.figure.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'DRAFT', version: 1 });
    await publishFigure(otherEditor.actor, id, { requireReview: true });
    expect(await db.figure.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'PUBLISHED' });
  });

  it('refuses to publish without a quote', async () => {
    const { id } = await createFigure(editor.actor, figureData(seed, { quote: null }));
    await expect(publishFigure(editor.actor, id, { requireReview: false })).rejects.toMatchObject({ code: 'BAD_REQUEST', param: 'quote' });
  });

  it('refuses to publish a version other than the one reviewed', async () => {
    const { id } = await createFigure(editor.actor, figureData(seed));
    await updateFigure(editor.actor, id, 1, figureData(seed, { notes: 'changed' }));
    await expect(publishFigure(otherEditor.actor, id, { version: 1, requireReview: true })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('retracts with a reason, keeps the row and its history', async () => {
    const { id } = await createFigure(editor.actor, figureData(seed));
    await publishFigure(editor.actor, id, { requireReview: false });
    await expect(retractFigure(editor.actor, id, '')).rejects.toMatchObject({ param: 'reason' });
    await retractFigure(editor.actor, id, 'Source corrected the figure');
    expect(await db.figure.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'RETRACTED', retractedReason: 'Source corrected the figure' });
    const actions = (await db.figureRevision.findMany({ where: { figureId: id }, orderBy: { version: 'asc' } })).map((r) => r.action);
    expect(actions).toEqual(['CREATE', 'PUBLISH', 'RETRACT']);
  });
});

describe('publishFigures (the review queue’s bulk publish)', () => {
  it('publishes every selected draft with a PUBLISH revision and audit row each', async () => {
    const a = await createFigure(editor.actor, figureData(seed));
    const b = await createFigure(editor.actor, figureData(seed, { originId: seed.poland.id }));
    const before = await counts();
    const published = await publishFigures(otherEditor.actor, [a, b], { requireReview: true });
    expect(published).toEqual([{ id: a.id, version: 2 }, { id: b.id, version: 2 }]);
    const rows = await db.figure.findMany({ where: { id: { in: [a.id, b.id] } }, orderBy: { id: 'asc' } });
    expect(rows.map((f) => [f.status, f.publishedById])).toEqual([['PUBLISHED', otherEditor.actor.userId], ['PUBLISHED', otherEditor.actor.userId]]);
    expect(await counts()).toEqual({ ...before, revisions: before.revisions + 2, audit: before.audit + 2 });
    const actions = await db.figureRevision.findMany({ where: { action: 'PUBLISH' }, select: { figureId: true, userId: true } });
    expect(actions.sort((x, y) => x.figureId - y.figureId)).toEqual([{ figureId: a.id, userId: otherEditor.actor.userId }, { figureId: b.id, userId: otherEditor.actor.userId }]);
  });

  it('publishes none when one of them cannot be published, and names that one', async () => {
    const a = await createFigure(editor.actor, figureData(seed));
    const b = await createFigure(editor.actor, figureData(seed, { quote: null }));
    const before = await counts();
    await expect(publishFigures(otherEditor.actor, [a, b])).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(`Figure ${b.id}: Add the quote`) });
    expect(await counts()).toEqual(before);
    expect((await db.figure.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('DRAFT');
  });

  it('with four eyes, refuses the whole batch if the reviewer made the last change to any draft', async () => {
    const mine = await createFigure(otherEditor.actor, figureData(seed));
    const theirs = await createFigure(editor.actor, figureData(seed, { originId: seed.poland.id }));
    const before = await counts();
    await expect(publishFigures(otherEditor.actor, [theirs, mine], { requireReview: true })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(`Figure ${mine.id}: Review is required`) });
    expect(await counts()).toEqual(before);
    await expect(publishFigures(otherEditor.actor, [theirs, mine], { requireReview: false })).resolves.toHaveLength(2);
  });

  it('refuses a draft changed since the reviewer saw it', async () => {
    const a = await createFigure(editor.actor, figureData(seed));
    await updateFigure(editor.actor, a.id, 1, figureData(seed, { notes: 'changed' }));
    await expect(publishFigures(otherEditor.actor, [{ id: a.id, version: 1 }])).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await db.figure.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('DRAFT');
  });
});
