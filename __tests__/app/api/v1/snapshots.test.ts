// Snapshots: a view frozen under a permanent id, whose data never changes.
import { POST } from '@/app/api/v1/snapshots/route';
import { GET } from '@/app/api/v1/snapshots/[id]/route';
import { resetDatabase } from '@/__tests__/helpers/db';
import { createTestUser, type TestUser } from '@/__tests__/helpers/auth';
import { day, figureData, seedReferenceData, type Seed } from '@/__tests__/helpers/fixtures';
import { closeAuth } from '@/lib/auth/auth';
import { db } from '@/lib/db/client';
import { createFigure, publishFigure, retractFigure, updateFigure } from '@/lib/figures/mutations';
import type { FigureData } from '@/lib/figures/figureInput';
import { compareWithNow } from '@/lib/snapshots/compareWithNow';

let seed: Seed;
let editor: TestUser;
const noReview = { requireReview: false };
const ids = { edited: 0, retracted: 0 };

const on = (asOf: string, low: bigint): FigureData =>
  figureData(seed, { asOf: day(asOf), qualifier: 'EXACT', low, high: low, valueAsStated: null });

async function publishNew(data: FigureData): Promise<number> {
  const { id } = await createFigure(editor.actor, data);
  await publishFigure(editor.actor, id, noReview);
  return id;
}

async function create(body: unknown) {
  const response = await POST(new Request('http://test/api/v1/snapshots', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }));
  return { status: response.status, body: await response.json() };
}

async function read(id: string) {
  const response = await GET(new Request(`http://test/api/v1/snapshots/${id}`), { params: Promise.resolve({ id }) });
  return { status: response.status, cache: response.headers.get('cache-control'), body: await response.json() };
}

type Point = { date: string; value: number };
const values = (body: { data: { points: Point[] } }) => body.data.points.map((p) => [p.date, p.value]);

beforeAll(async () => {
  await resetDatabase();
  seed = await seedReferenceData();
  editor = await createTestUser('EDITOR');
  ids.edited = await publishNew(on('2022-06-01', 100n));
  ids.retracted = await publishNew(on('2022-06-02', 200n));
});
afterAll(async () => {
  await closeAuth();
  await db.$disconnect();
});

describe('snapshots', () => {
  it('freezes a chart: edits, retractions and new figures after it never change its data', async () => {
    const made = await create({ view: 'chart', query: 'metric=refugees&from=2022-06-01&to=2022-06-30' });
    expect(made.status).toBe(201);
    expect(made.body.id).toMatch(/^[a-z2-9]{10}$/);
    const before = await read(made.body.id);
    expect(before.status).toBe(200);
    expect(before.cache).toBe('public, max-age=31536000, immutable');
    expect(values(before.body)).toEqual([['2022-06-01', 100], ['2022-06-02', 200]]);

    // Nothing changed: the same view gets the same snapshot.
    const again = await create({ view: 'chart', query: 'from=2022-06-01&metric=refugees&to=2022-06-30' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(made.body.id);

    const current = await db.figure.findUniqueOrThrow({ where: { id: ids.edited } });
    await updateFigure(editor.actor, ids.edited, current.version, on('2022-06-01', 150n), undefined, noReview);
    await retractFigure(editor.actor, ids.retracted, 'Withdrawn by the source');
    const added = await publishNew(on('2022-06-03', 300n));

    const after = await read(made.body.id);
    expect(after.body).toEqual(before.body);
    // A new snapshot of the same view now holds the new data, under a new id.
    const later = await create({ view: 'chart', query: 'metric=refugees&from=2022-06-01&to=2022-06-30' });
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(made.body.id);
    expect(values(await read(later.body.id).then((r) => r.body))).toEqual([['2022-06-01', 150], ['2022-06-03', 300]]);

    // Compare with now: the changed points, and each changed figure with its latest revision.
    const { points, figures } = await compareWithNow(made.body.id);
    expect(points).toEqual([
      { date: '2022-06-01', then: 100n, now: 150n },
      { date: '2022-06-02', then: 200n, now: null },
      { date: '2022-06-03', then: null, now: 300n },
    ]);
    const latest = async (id: number) => String((await db.figureRevision.findFirstOrThrow({ where: { figureId: id }, orderBy: { id: 'desc' } })).id);
    expect(figures.map((f) => [f.id, f.change, f.revisionId]).sort()).toEqual(
      [
        [ids.edited, 'corrected', await latest(ids.edited)],
        [ids.retracted, 'retracted', await latest(ids.retracted)],
        [added, 'added', await latest(added)],
      ].sort(),
    );
    // The newer snapshot has nothing to report.
    expect((await compareWithNow(later.body.id)).figures).toEqual([]);
  });

  it('freezes a table the same way', async () => {
    const made = await create({ view: 'table', query: 'metric=refugees' });
    expect(made.status).toBe(201);
    const { body } = await read(made.body.id);
    expect(body.snapshot).toEqual(expect.objectContaining({ id: made.body.id, view: 'table', query: 'metric=refugees' }));
    expect(body.data.figures.map((f: { asOf: string; low: number }) => [f.asOf, f.low])).toEqual([['2022-06-01', 150], ['2022-06-03', 300]]);
  });

  it.each([
    [{ view: 'map', query: '' }, 400, 'view'],
    [{ view: 'chart', query: 'from=2022-06-01' }, 400, 'metric'],
    [{ view: 'table', query: 'vintage=tomorrow' }, 400, 'vintage'],
    [{ view: 'table', query: 'status=DRAFT' }, 403, 'status'],
  ])('refuses %j with %i naming %s', async (input, status, param) => {
    const { status: got, body } = await create(input);
    expect(got).toBe(status);
    expect(body.error.param).toBe(param);
  });

  it('answers 404 for an unknown id', async () => {
    expect((await read('abcdefghjk')).status).toBe(404);
    expect((await read('../etc')).status).toBe(404);
  });
});
