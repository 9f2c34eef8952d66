// places.csv and events.csv: exported by the API, imported by the same rules as
// figures (all rows or none, dry run by default, duplicates skipped, messages
// naming the row and column).
import { GET as getPlacesCsv } from '@/app/api/v1/places.csv/route';
import { GET as getEventsCsv } from '@/app/api/v1/events.csv/route';
import { POST as postPlaces } from '@/app/api/v1/places/import/route';
import { POST as postEvents } from '@/app/api/v1/events/import/route';
import { createApiToken } from '@/lib/auth/apiTokens';
import { db } from '@/lib/db/client';
import { runEventImport } from '@/lib/exchange/import/eventImport';
import { runPlaceImport } from '@/lib/exchange/import/placeImport';
import { loadFixtureDatabase, resetDatabase } from '../../helpers/db';
import { bodyOf, createUser } from './importHelpers';

const options = { fileName: 'test.csv', userId: null, maxBytes: 1024 * 1024 };
const importPlaces = (text: string, dryRun = false) => runPlaceImport(bodyOf(text), { ...options, dryRun });
const importEvents = (text: string, dryRun = false) => runEventImport(bodyOf(text), { ...options, dryRun });

const placeTree = async () =>
  (await db.place.findMany({ select: { name: true, code: true, type: true, parent: { select: { name: true } }, aliases: true, latitude: true }, orderBy: { name: 'asc' } }))
    .map((p) => ({ ...p, parent: p.parent?.name ?? null }));

describe('places import', () => {
  beforeEach(resetDatabase);

  it('creates the places with their parents, found by code or by name in any row order', async () => {
    const report = await importPlaces(
      'name,type,code,parent,parent_code,latitude,longitude,aliases\n' +
        'Sumy,CITY,,Sumy Oblast,,50.9174,34.7991,\n' +
        'Sumy Oblast,ADMIN1,UA59,,UKR,50.9,34.8,Sumska oblast|Sumy region\n' +
        'Ukraine,country,UKR,,,49,32,Україна\n',
    );
    expect(report).toMatchObject({ committed: true, rows: 3, newRows: 3, duplicate: 0, invalid: 0, errors: [] });
    expect(await placeTree()).toEqual([
      { name: 'Sumy', code: null, type: 'CITY', parent: 'Sumy Oblast', aliases: [], latitude: 50.9174 },
      { name: 'Sumy Oblast', code: 'UA59', type: 'ADMIN1', parent: 'Ukraine', aliases: ['Sumska oblast', 'Sumy region'], latitude: 50.9 },
      { name: 'Ukraine', code: 'UKR', type: 'COUNTRY', parent: null, aliases: ['Україна'], latitude: 49 },
    ]);
    expect(await db.auditLog.count({ where: { entityType: 'place', action: 'IMPORT' } })).toBe(3);
  });

  it('skips places that exist (by code, or by name without a code) and parents new ones under existing places', async () => {
    const ukraine = await db.place.create({ data: { name: 'Україна', type: 'COUNTRY', code: 'UKR' } });
    await db.place.create({ data: { name: 'Bucha', type: 'CITY' } });
    const report = await importPlaces('name,type,code,parent_code\nUkraine,COUNTRY,UKR,\nbucha,CITY,,\nKyiv Oblast,ADMIN1,UA32,UKR\nKyiv Oblast,ADMIN1,UA32,UKR\n');
    expect(report).toMatchObject({ committed: true, rows: 4, newRows: 1, duplicate: 3 });
    expect(await db.place.findUniqueOrThrow({ where: { code: 'UA32' }, select: { parentId: true } })).toEqual({ parentId: ukraine.id });
    expect(await db.place.count()).toBe(3);
  });

  it('refuses the whole file, naming row and column, when a parent is unknown, a type or coordinate is wrong, or parents loop', async () => {
    const report = await importPlaces(
      'name,type,code,parent_code,latitude\n' +
        'Ukraine,COUNTRY,UKR,,49\n' +
        'Sumy Oblast,ADMIN1,UA59,UA99,50\n' +
        'Nowhere,PLANET,,,\n' +
        'North,OTHER,XN1,,95\n' +
        'A,OTHER,AA1,AA2,\n' +
        'B,OTHER,AA2,AA1,\n' +
        '=HYPERLINK("x"),CITY,,,\n',
    );
    expect(report.committed).toBe(false);
    expect(report.invalid).toBe(6);
    expect(report.errors).toEqual([
      { row: 3, column: 'parent_code', message: expect.stringContaining('No place has the code "UA99"') },
      { row: 4, column: 'type', message: expect.stringContaining('"PLANET" is not a place type') },
      { row: 5, column: 'latitude', message: expect.stringContaining('between -90 and 90') },
      { row: 6, column: 'parent_code', message: expect.stringContaining('loop') },
      { row: 7, column: 'parent_code', message: expect.stringContaining('loop') },
      { row: 8, column: 'name', message: expect.stringContaining('formula') },
    ]);
    expect(await db.place.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('counts in a dry run exactly what a commit does, and writes nothing', async () => {
    const file = 'name,type,code\nUkraine,COUNTRY,UKR\nPoland,COUNTRY,POL\n';
    await importPlaces('name,type,code\nPoland,COUNTRY,POL\n');
    const dry = await importPlaces(file, true);
    expect(dry).toMatchObject({ dryRun: true, committed: false, newRows: 1, duplicate: 1, invalid: 0 });
    expect(await db.place.count()).toBe(1);
    expect(await importPlaces(file)).toMatchObject({ committed: true, newRows: 1, duplicate: 1 });
  });

  it('refuses a file without a name column', async () => {
    await expect(importPlaces('title,type\nUkraine,COUNTRY\n')).rejects.toMatchObject({ status: 400, message: expect.stringContaining('Missing required column: name') });
  });
});

describe('events import', () => {
  beforeEach(async () => {
    await resetDatabase();
    await importPlaces('name,type,code\nUkraine,COUNTRY,UKR\nGomel,CITY,\n');
  });

  const HEADER = 'date,end_date,title,description,place,place_code,source_title,source_url,publisher,published_at\n';

  it('creates events with their place and source, matching sources by address and skipping events it has', async () => {
    const source = await db.source.create({ data: { title: 'Talks', url: 'https://example.org/talks' } });
    const file =
      HEADER +
      '2022-02-28,,First round of talks,Delegations meet.,Gomel,,Talks,https://example.org/talks,,\n' +
      '2022-03-16,2022-03-21,Mariupol theatre,,,UKR,"Theatre hit, council says",https://example.org/theatre,Wire,2022-03-17\n';
    expect(await importEvents(file)).toMatchObject({ committed: true, newRows: 2, duplicate: 0, errors: [] });
    const events = await db.event.findMany({ select: { title: true, endDate: true, place: { select: { name: true } }, source: { select: { id: true, title: true, publishedAt: true, publisher: { select: { name: true } } } } }, orderBy: { date: 'asc' } });
    expect(events).toEqual([
      { title: 'First round of talks', endDate: null, place: { name: 'Gomel' }, source: { id: source.id, title: 'Talks', publishedAt: null, publisher: null } },
      { title: 'Mariupol theatre', endDate: new Date('2022-03-21'), place: { name: 'Ukraine' }, source: { id: expect.any(Number), title: 'Theatre hit, council says', publishedAt: new Date('2022-03-17'), publisher: { name: 'Wire' } } },
    ]);
    expect(await importEvents(file.replace('First round', 'FIRST ROUND'))).toMatchObject({ newRows: 0, duplicate: 2 });
  });

  it('refuses the whole file for an unknown place, a day that does not exist, an end before the start or a source without an address', async () => {
    const report = await importEvents(
      HEADER +
        '2022-03-03,,Talks,,Belarus,,,,,\n' +
        '2022-02-30,,Impossible day,,,,,,,\n' +
        '2022-03-10,2022-03-09,Backwards,,,,,,,\n' +
        '2022-03-11,,No address,,,,Some report,,Wire,\n' +
        '2022-03-12,,Fine,,,UKR,,,,\n',
    );
    expect(report).toMatchObject({ committed: false, invalid: 4 });
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[2, 'place'], [3, 'date'], [4, 'end_date'], [5, 'source_url']]);
    expect(await db.event.count()).toBe(0);
  });
});

describe('places.csv and events.csv', () => {
  it('export in the format their importers read: a round trip into an empty database keeps every place and event', async () => {
    await loadFixtureDatabase();
    const places = await (await getPlacesCsv(new Request('http://test/api/v1/places.csv?hxl=1'))).text();
    const events = await (await getEventsCsv(new Request('http://test/api/v1/events.csv'))).text();
    expect(places.split('\n')[1]).toMatch(/^#meta\+id,#loc\+name,#loc\+type,#loc\+code,#loc\+name\+parent,#loc\+code\+parent,#geo\+lat,#geo\+lon/);
    const before = { places: await placeTree(), events: await db.event.findMany({ select: { date: true, title: true, description: true, place: { select: { name: true } } }, orderBy: { id: 'asc' } }) };
    await resetDatabase();
    expect(await importPlaces(places)).toMatchObject({ committed: true, newRows: before.places.length });
    expect(await importEvents(events)).toMatchObject({ committed: true, newRows: before.events.length });
    expect(await placeTree()).toEqual(before.places);
    expect(await db.event.findMany({ select: { date: true, title: true, description: true, place: { select: { name: true } } }, orderBy: { id: 'asc' } })).toEqual(before.events);
  });
});

describe('POST /api/v1/places/import and /api/v1/events/import', () => {
  beforeEach(resetDatabase);

  async function tokenFor(role: 'ADMIN' | 'EDITOR' | 'ANALYST') {
    const user = await createUser(role);
    return (await createApiToken({ userId: user.id, email: user.email, name: user.name, role, via: 'session' }, 'import test')).token;
  }
  const request = (path: string, body: string, query = '', token?: string) =>
    new Request(`http://localhost/api/v1/${path}/import?${query}`, { method: 'POST', body, headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) } });

  it('let editors dry-run by default and commit with dryRun=0; refuse anonymous callers and analysts', async () => {
    const file = 'name,type,code\nUkraine,COUNTRY,UKR\n';
    expect((await postPlaces(request('places', file, 'dryRun=0'))).status).toBe(401);
    expect((await postPlaces(request('places', file, 'dryRun=0', await tokenFor('ANALYST')))).status).toBe(403);
    const editor = await tokenFor('EDITOR');
    const dry = await postPlaces(request('places', file, '', editor));
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ dryRun: true, committed: false, newRows: 1 });
    expect(await db.place.count()).toBe(0);
    const commit = await postPlaces(request('places', file, 'dryRun=0&fileName=places.csv', editor));
    expect(await commit.json()).toMatchObject({ fileName: 'places.csv', committed: true, newRows: 1 });
    const bad = await postEvents(request('events', 'date,title\n2022-13-01,Nope\n', 'dryRun=0', editor));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ committed: false, invalid: 1, errors: [{ row: 2, column: 'date' }] });
    expect((await postEvents(request('events', 'date,title\n', 'dryRun=1', editor))).status).toBe(400);
  });
});
