import { resetDatabase } from '@/__tests__/helpers/db';
import { createTestUser, type TestUser } from '@/__tests__/helpers/auth';
import { day, seedReferenceData, type Seed } from '@/__tests__/helpers/fixtures';
import { closeAuth } from '@/lib/auth/auth';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/http/AppError';
import { extractFromDatabase, mergeMetricCues } from '@/lib/extract/extractFromDatabase';
import { saveExtractedDrafts, type ExtractedDraft } from '@/lib/extract/saveExtractedDrafts';

let seed: Seed;
let editor: TestUser;

beforeEach(async () => {
  await resetDatabase();
  seed = await seedReferenceData();
  editor = await createTestUser('EDITOR');
});
afterAll(async () => {
  await closeAuth();
  await db.$disconnect();
});

describe('mergeMetricCues', () => {
  it('keeps built-in cues only for metrics that exist and adds editor keywords', () => {
    const cues = mergeMetricCues([
      { key: 'refugees', keywords: ['Sought Shelter'] },
      { key: 'trains', keywords: ['trains'] },
      { key: 'no_keywords', keywords: [] },
    ]);
    expect(cues.map((c) => c.key)).toEqual(['refugees', 'trains']);
    expect(cues[0].keywords).toEqual(expect.arrayContaining(['fled', 'refugees', 'sought shelter']));
  });
});

describe('extractFromDatabase', () => {
  it('matches a place by its alias and returns the table name and integer id', async () => {
    const kyiv = await db.place.create({ data: { name: 'Kyiv', aliases: ['Kiev'], type: 'CITY' } });
    const text = 'More than 5,000 people were evacuated from Kiev to Poland on Tuesday, officials said.';
    const [candidate] = await extractFromDatabase(text, '2022-03-09');
    expect(candidate).toMatchObject({
      metric: 'evacuees',
      qualifier: 'AT_LEAST',
      low: 5000n,
      high: 5000n,
      date: '2022-03-08',
      origin: { name: 'Kyiv', placeId: kyiv.id },
      destination: { name: 'Poland', placeId: seed.poland.id },
      attribution: 'officials',
    });
    expect(text.slice(candidate.start, candidate.end)).toBe(candidate.quote);
  });

  it('recognises a metric editors added through its keywords, and names a place missing from the table', async () => {
    await db.metric.create({ data: { key: 'trains', label: 'Evacuation trains', unit: 'vehicles', kind: 'FLOW', hxlTag: '#indicator+trains', keywords: ['trains'] } });
    const candidates = await extractFromDatabase('Twelve trains carried people out of Kharkiv yesterday.', '2022-03-09');
    expect(candidates).toEqual([expect.objectContaining({ metric: 'trains', low: 12n, origin: { name: 'Kharkiv', placeId: null } })]);
  });

  it('reads arrivals in a town abroad as refugees, knowing its country from the place hierarchy', async () => {
    const przemysl = await db.place.create({ data: { name: 'Przemysl', type: 'CITY', parentId: seed.poland.id } });
    const text = 'Some 120,000 people have reached Przemysl by train since the war began.';
    expect(await extractFromDatabase(text, '2022-03-12')).toEqual([
      expect.objectContaining({ metric: 'refugees', low: 120000n, destination: { name: 'Przemysl', placeId: przemysl.id } }),
    ]);
    // The same town with no parent is not known to lie abroad: reaching it reads as an evacuation.
    await db.place.update({ where: { id: przemysl.id }, data: { parentId: null } });
    expect(await extractFromDatabase(text, '2022-03-12')).toEqual([expect.objectContaining({ metric: 'evacuees' })]);
  });

  it('gives a border agency’s count the country of a dateline’s town, through the place hierarchy', async () => {
    await db.place.create({ data: { name: 'Korczowa', type: 'CITY', parentId: seed.poland.id } });
    const text = 'KORCZOWA - Queues stretched for kilometres on Sunday. The border guard said 1.1 million people had crossed since the war began.';
    expect(await extractFromDatabase(text, '2022-03-07')).toEqual([
      expect.objectContaining({ metric: 'refugees', low: 1100000n, destination: { name: 'Poland', placeId: seed.poland.id } }),
    ]);
  });

  it('proposes nothing for a metric that is not in the database', async () => {
    expect(await extractFromDatabase('Some 60 buses left Sumy.', '2022-03-09')).toEqual([]);
  });

  it('ignores retired places', async () => {
    await db.place.update({ where: { id: seed.poland.id }, data: { retiredAt: new Date() } });
    const [candidate] = await extractFromDatabase('About 100,000 refugees crossed into Poland.', '2022-03-09');
    expect(candidate.destination).toEqual({ name: 'Poland', placeId: null });
  });
});

function draft(overrides: Partial<ExtractedDraft> = {}): ExtractedDraft {
  return {
    metricId: seed.refugees.id,
    qualifier: 'AT_LEAST',
    low: 100_000n,
    high: 100_000n,
    valueAsStated: 'more than 100,000',
    asOf: day('2022-03-08'),
    originId: seed.ukraine.id,
    destinationId: seed.poland.id,
    quote: 'More than 100,000 refugees crossed into Poland on Tuesday, border guards said.',
    attribution: 'Polish border guards',
    ...overrides,
  };
}

const newSource = { url: 'https://example.org/report-1', title: 'Border report', publisher: 'Example Wire', publishedAt: day('2022-03-09') };

describe('saveExtractedDrafts', () => {
  it('creates the source, its publisher and each figure as a DRAFT with a CREATE revision', async () => {
    const evacuees = draft({ metricId: seed.evacuees.id, qualifier: 'EXACT', low: 3000n, high: 3000n, valueAsStated: '3,000', originId: null, destinationId: null, quote: 'About 3,000 were evacuated.' });
    const result = await saveExtractedDrafts(editor.actor, { source: newSource, candidates: [draft(), evacuees] });

    expect(result.sourceCreated).toBe(true);
    const source = await db.source.findUniqueOrThrow({ where: { id: result.sourceId }, include: { publisher: true } });
    expect(source).toMatchObject({ url: newSource.url, title: 'Border report', publisher: { name: 'Example Wire' } });
    expect(source.publishedAt?.toISOString().slice(0, 10)).toBe('2022-03-09');

    const figures = await db.figure.findMany({ where: { id: { in: result.figureIds } }, orderBy: { id: 'asc' }, include: { revisions: true } });
    expect(figures.map((f) => [f.status, f.sourceId, f.low, f.quote])).toEqual([
      ['DRAFT', result.sourceId, 100_000n, draft().quote],
      ['DRAFT', result.sourceId, 3000n, 'About 3,000 were evacuated.'],
    ]);
    for (const figure of figures) {
      expect(figure.revisions).toEqual([expect.objectContaining({ action: 'CREATE', userId: editor.actor.userId, reason: 'Extracted from a pasted report' })]);
    }
  });

  it('reuses a source with the same URL and a publisher with the same name', async () => {
    await db.organization.create({ data: { name: 'Example Wire' } });
    const first = await saveExtractedDrafts(editor.actor, { source: newSource, candidates: [draft()] });
    const second = await saveExtractedDrafts(editor.actor, { source: { ...newSource, title: 'Another title' }, candidates: [draft({ low: 200_000n, high: 200_000n })] });
    expect(second).toMatchObject({ sourceId: first.sourceId, sourceCreated: false });
    expect(await db.source.count({ where: { url: newSource.url } })).toBe(1);
    expect(await db.organization.count({ where: { name: 'Example Wire' } })).toBe(1);
  });

  it('saves nothing when one figure is invalid, and names that figure', async () => {
    const before = { sources: await db.source.count(), figures: await db.figure.count(), revisions: await db.figureRevision.count() };
    const bad = draft({ originId: 999_999 });
    const error = await saveExtractedDrafts(editor.actor, { source: newSource, candidates: [draft(), bad] }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', param: 'candidates.1.originId' });
    expect(error.message).toMatch(/^Figure 2: Place 999999 does not exist/);
    expect({ sources: await db.source.count(), figures: await db.figure.count(), revisions: await db.figureRevision.count() }).toEqual(before);
  });

  it('names the source field when the source is invalid', async () => {
    const error = await saveExtractedDrafts(editor.actor, { source: { ...newSource, publisher: ' ' }, candidates: [draft()] }).catch((e) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', param: 'source.publisher' });
  });

  it('refuses an empty selection and an analyst', async () => {
    await expect(saveExtractedDrafts(editor.actor, { source: newSource, candidates: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST', param: 'candidates' });
    const analyst = await createTestUser('ANALYST');
    await expect(saveExtractedDrafts(analyst.actor, { source: newSource, candidates: [draft()] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.figure.count()).toBe(0);
  });
});
