import { resetDatabase } from '@/__tests__/helpers/db';
import { createTestUser, type TestUser } from '@/__tests__/helpers/auth';
import { figureData, seedReferenceData, type Seed } from '@/__tests__/helpers/fixtures';
import { closeAuth } from '@/lib/auth/auth';
import { db } from '@/lib/db/client';
import { createFigure } from '@/lib/figures/mutations';
import { createSource, retractSource } from '@/lib/sources/mutations';
import { createPlace, updatePlace } from '@/lib/places/mutations';
import { mergePlaces, mergeSources } from '@/lib/figures/mergeDuplicates';

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

describe('merging duplicates', () => {
  it('moves a duplicate source’s figures to the source that stays, with a MERGE revision each, and retracts the duplicate', async () => {
    const duplicate = await createSource(editor.actor, { title: 'UNHCR update (copy)', url: 'https://data.unhcr.org/copy', publisher: 'UNHCR' });
    const { id } = await createFigure(editor.actor, figureData(seed, { sourceId: duplicate.id }));
    expect(await mergeSources(editor.actor, duplicate.id, seed.source.id)).toEqual({ moved: 1 });
    expect(await db.figure.findUniqueOrThrow({ where: { id } })).toMatchObject({ sourceId: seed.source.id, version: 2 });
    expect(await db.figureRevision.findFirst({ where: { figureId: id, action: 'MERGE' } })).toMatchObject({ version: 2, userId: editor.actor.userId });
    expect((await db.source.findUniqueOrThrow({ where: { id: duplicate.id } })).retiredAt).not.toBeNull();
  });

  it('moves origin and destination figures to the place that stays and keeps the duplicate’s name as an alias', async () => {
    const kiev = await createPlace(editor.actor, { name: 'Kiev', type: 'CITY' });
    const kyiv = await createPlace(editor.actor, { name: 'Kyiv', type: 'CITY' });
    const a = await createFigure(editor.actor, figureData(seed, { originId: kiev.id }));
    const b = await createFigure(editor.actor, figureData(seed, { originId: seed.ukraine.id, destinationId: kiev.id, low: 5n, high: 6n }));
    expect(await mergePlaces(editor.actor, kiev.id, kyiv.id)).toEqual({ moved: 2 });
    expect(await db.figure.findUniqueOrThrow({ where: { id: a.id }, select: { originId: true } })).toEqual({ originId: kyiv.id });
    expect(await db.figure.findUniqueOrThrow({ where: { id: b.id }, select: { destinationId: true } })).toEqual({ destinationId: kyiv.id });
    expect(await db.place.findUniqueOrThrow({ where: { id: kyiv.id }, select: { aliases: true } })).toEqual({ aliases: ['Kiev'] });
  });

  it('keeps the place tree a tree: refuses to merge a place into one below it, or to move a place under its own descendant', async () => {
    const oblast = await createPlace(editor.actor, { name: 'Test Oblast', type: 'ADMIN1', parentId: String(seed.ukraine.id) });
    const city = await createPlace(editor.actor, { name: 'Test City', type: 'CITY', parentId: String(oblast.id) });
    await expect(mergePlaces(editor.actor, oblast.id, city.id)).rejects.toMatchObject({ code: 'BAD_REQUEST', param: 'intoId', message: expect.stringContaining('merge the other way round') });
    await expect(updatePlace(editor.actor, seed.ukraine.id, 1, { name: 'Ukraine', type: 'COUNTRY', code: 'UA', parentId: String(city.id) }))
      .rejects.toMatchObject({ code: 'BAD_REQUEST', param: 'parentId', message: expect.stringContaining('lies within this place') });
    // Nothing moved: the city is still under the oblast, Ukraine still at the top.
    expect(await db.place.findUniqueOrThrow({ where: { id: city.id }, select: { parentId: true, retiredAt: true } })).toEqual({ parentId: oblast.id, retiredAt: null });
    expect(await db.place.findUniqueOrThrow({ where: { id: seed.ukraine.id }, select: { parentId: true } })).toEqual({ parentId: null });
    // The other way round is fine.
    await expect(mergePlaces(editor.actor, city.id, oblast.id)).resolves.toEqual({ moved: 0 });
  });

  it('refuses a retracted source for new figures but keeps it on existing ones', async () => {
    const { id } = await createFigure(editor.actor, figureData(seed));
    await retractSource(editor.actor, seed.source.id, 'Page was taken down');
    expect(await db.figure.findUniqueOrThrow({ where: { id }, select: { sourceId: true } })).toEqual({ sourceId: seed.source.id });
    await expect(createFigure(editor.actor, figureData(seed, { low: 1n, high: 2n }))).rejects.toMatchObject({ param: 'sourceId' });
  });

  it('refuses a second source with the same URL, naming the existing one', async () => {
    await expect(createSource(editor.actor, { title: 'Again', url: seed.source.url!, publisher: 'UNHCR' })).rejects.toMatchObject({ code: 'CONFLICT', param: 'url' });
  });
});

describe('creating a source as reports come', () => {
  it('needs a publisher and a title or a date; names an untitled source after them; takes no URL; matches the publisher without regard to case', async () => {
    await expect(createSource(editor.actor, { title: 'Flash update' })).rejects.toMatchObject({ code: 'BAD_REQUEST', param: 'publisher' });
    await expect(createSource(editor.actor, { publisher: 'Reuters' })).rejects.toMatchObject({ code: 'BAD_REQUEST', param: 'title' });
    const { id } = await createSource(editor.actor, { publisher: 'Reuters', publishedAt: '2022-03-09' });
    const again = await createSource(editor.actor, { publisher: 'reuters', title: 'Wire copy' });
    const rows = await db.source.findMany({ where: { id: { in: [id, again.id] } }, orderBy: { id: 'asc' }, include: { publisher: true } });
    expect(rows.map((s) => [s.title, s.url, s.publisher?.name])).toEqual([['Reuters, 9 Mar 2022', null, 'Reuters'], ['Wire copy', null, 'Reuters']]);
  });
});
