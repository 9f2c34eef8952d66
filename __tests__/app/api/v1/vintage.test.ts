// vintage=<instant> on the read API: the data as published at that instant,
// answered from figure_version (the revision history), against real PostgreSQL.
import { GET as getSeries } from '@/app/api/v1/series/route';
import { GET as getFigures } from '@/app/api/v1/figures/route';
import { GET as getCsv } from '@/app/api/v1/figures.csv/route';
import { GET as getNdjson } from '@/app/api/v1/figures.ndjson/route';
import { GET as getClaims } from '@/app/api/v1/claims/route';
import { resetDatabase } from '@/__tests__/helpers/db';
import { createTestUser, type TestUser } from '@/__tests__/helpers/auth';
import { day, figureData, seedReferenceData, type Seed } from '@/__tests__/helpers/fixtures';
import { closeAuth } from '@/lib/auth/auth';
import { db } from '@/lib/db/client';
import { createFigure, publishFigure, retractFigure, updateFigure } from '@/lib/figures/mutations';
import type { FigureData } from '@/lib/figures/figureInput';

let seed: Seed;
let editor: TestUser;
/** The instant the views are frozen at: after the first figures, before the changes. */
let vintage: string;
const ids = { edited: 0, retracted: 0, added: 0, outranked: 0, newHeadline: 0 };
const noReview = { requireReview: false };

const pause = () => new Promise((resolve) => setTimeout(resolve, 25));

async function publishNew(data: FigureData): Promise<number> {
  const { id } = await createFigure(editor.actor, data);
  await publishFigure(editor.actor, id, noReview);
  return id;
}

const on = (asOf: string, low: bigint, overrides: Partial<FigureData> = {}) =>
  figureData(seed, { asOf: day(asOf), qualifier: 'EXACT', low, high: low, valueAsStated: null, ...overrides });

beforeAll(async () => {
  await resetDatabase();
  seed = await seedReferenceData();
  editor = await createTestUser('EDITOR');
  const later = await db.source.create({ data: { title: 'Later report', url: 'https://example.org/later', publishedAt: day('2022-05-20') } });
  ids.edited = await publishNew(on('2022-05-01', 100n));
  ids.retracted = await publishNew(on('2022-05-02', 200n));
  ids.outranked = await publishNew(on('2022-05-04', 400n));
  await pause();
  vintage = new Date().toISOString();
  await pause();
  const current = await db.figure.findUniqueOrThrow({ where: { id: ids.edited } });
  await updateFigure(editor.actor, ids.edited, current.version, on('2022-05-01', 150n), undefined, noReview);
  await retractFigure(editor.actor, ids.retracted, 'Withdrawn by the source');
  ids.added = await publishNew(on('2022-05-03', 300n));
  // A claim from a more recently published source takes the headline of 4 May from now on.
  ids.newHeadline = await publishNew(on('2022-05-04', 450n, { sourceId: later.id }));
});
afterAll(async () => {
  await closeAuth();
  await db.$disconnect();
});

async function series(query: string) {
  const response = await getSeries(new Request(`http://test/api/v1/series?metric=refugees&from=2022-05-01&to=2022-05-31&${query}`));
  return { status: response.status, body: await response.json() };
}

async function figureList(query: string) {
  const response = await getFigures(new Request(`http://test/api/v1/figures?metric=refugees&sort=asOf&${query}`));
  return { status: response.status, body: await response.json() };
}

type Point = { date: string; value: number; figureIds: number[] };
const points = (body: { points: Point[] }) => body.points.map((p) => [p.date, p.value, p.figureIds[0]]);

describe('series at a vintage', () => {
  it('shows edited figures with their old values, keeps those retracted since and leaves out those published since', async () => {
    const then = await series(`vintage=${vintage}`);
    expect(then.status).toBe(200);
    expect(points(then.body)).toEqual([
      ['2022-05-01', 100, ids.edited],
      ['2022-05-02', 200, ids.retracted],
      ['2022-05-04', 400, ids.outranked],
    ]);
  });

  it('shows the current data without a vintage', async () => {
    const now = await series('');
    expect(points(now.body)).toEqual([
      ['2022-05-01', 150, ids.edited],
      ['2022-05-03', 300, ids.added],
      ['2022-05-04', 450, ids.newHeadline],
    ]);
  });

  it('answers the same with claims included, which show the values of the time', async () => {
    const { body } = await series(`vintage=${vintage}&include=claims`);
    expect(points(body)).toEqual(points((await series(`vintage=${vintage}`)).body));
    expect(body.points[0].claimDetails[0]).toEqual(expect.objectContaining({ id: ids.edited, low: 100, high: 100, status: 'PUBLISHED' }));
    expect(body.points[1].claimDetails[0]).toEqual(expect.objectContaining({ id: ids.retracted, status: 'PUBLISHED' }));
  });

  it('is the current data when the vintage is now', async () => {
    const { body } = await series(`vintage=${new Date().toISOString()}`);
    expect(points(body)).toEqual(points((await series('')).body));
  });

  it('is empty before anything was published', async () => {
    const { status, body } = await series('vintage=2000-01-01T00:00:00Z');
    expect(status).toBe(200);
    expect(body.points).toEqual([]);
  });
});

describe('figures, CSV and NDJSON at a vintage', () => {
  it('lists the figures as they stood, with their values then', async () => {
    const then = await figureList(`vintage=${vintage}`);
    expect(then.status).toBe(200);
    expect(then.body.figures.map((f: { id: number; low: number }) => [f.id, f.low])).toEqual([
      [ids.edited, 100],
      [ids.retracted, 200],
      [ids.outranked, 400],
    ]);
    const now = await figureList('');
    expect(now.body.figures.map((f: { id: number; low: number }) => [f.id, f.low])).toEqual([
      [ids.edited, 150],
      [ids.added, 300],
      [ids.outranked, 400],
      [ids.newHeadline, 450],
    ]);
  });

  it('exports the same rows as CSV and NDJSON', async () => {
    const csv = await (await getCsv(new Request(`http://test/api/v1/figures.csv?metric=refugees&vintage=${vintage}`))).text();
    const rows = csv.trim().split('\n').slice(1).map((line) => line.split(',').slice(0, 3));
    expect(rows).toEqual([
      [String(ids.edited), 'refugees', '100'],
      [String(ids.retracted), 'refugees', '200'],
      [String(ids.outranked), 'refugees', '400'],
    ]);
    const ndjson = await (await getNdjson(new Request(`http://test/api/v1/figures.ndjson?metric=refugees&vintage=${vintage}`))).text();
    const objects = ndjson.trim().split('\n').map((line) => JSON.parse(line));
    expect(objects.map((o: { id: number; value_low: number; status: string }) => [o.id, o.value_low, o.status])).toEqual([
      [ids.edited, 100, 'PUBLISHED'],
      [ids.retracted, 200, 'PUBLISHED'],
      [ids.outranked, 400, 'PUBLISHED'],
    ]);
  });
});

describe("a chart point's claims at a vintage (a snapshot's tooltips)", () => {
  const claims = async (query: string) => {
    const response = await getClaims(new Request(`http://test/api/v1/claims?${query}`));
    return { status: response.status, body: await response.json() };
  };
  const all = () => [ids.edited, ids.retracted, ids.added].join(',');

  it('gives the claims as published then: old values, retracted ones kept, later ones absent', async () => {
    const then = await claims(`ids=${all()}&vintage=${vintage}`);
    expect(then.status).toBe(200);
    expect(then.body.claims.map((c: { id: number; low: number }) => [c.id, c.low])).toEqual([[ids.edited, 100], [ids.retracted, 200]]);
  });

  it('gives the current claims without a vintage', async () => {
    const now = await claims(`ids=${all()}`);
    expect(now.body.claims.map((c: { id: number; low: number }) => [c.id, c.low])).toEqual([[ids.edited, 150], [ids.added, 300]]);
  });
});

describe('a bad vintage', () => {
  it.each([
    ['2022-05-01', 'ISO 8601 instant'],
    ['yesterday', 'ISO 8601 instant'],
    ['2022-02-30T12:00:00Z', 'ISO 8601 instant'],
    ['2999-01-01T00:00:00Z', 'in the future'],
  ])('%s is a 400 that names vintage and says what to send', async (value, words) => {
    for (const response of [
      await getSeries(new Request(`http://test/api/v1/series?metric=refugees&vintage=${value}`)),
      await getFigures(new Request(`http://test/api/v1/figures?vintage=${value}`)),
      await getCsv(new Request(`http://test/api/v1/figures.csv?vintage=${value}`)),
      await getClaims(new Request(`http://test/api/v1/claims?ids=1&vintage=${value}`)),
    ]) {
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).toContain('vintage');
      expect(text).toContain(words);
    }
  });
});
