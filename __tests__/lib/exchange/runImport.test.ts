import { parse } from 'csv-parse/sync';
import { db } from '@/lib/db/client';
import { streamFiguresCsv } from '@/lib/exchange/figureExport';
import { parseFigureFilters } from '@/lib/figures/filters';
import { resetDatabase } from '../../helpers/db';
import { readText, seedExchangeData } from './fixtures';
import { createUser, importText, tableCounts } from './importHelpers';

const allStatuses = parseFigureFilters(new URLSearchParams('status=DRAFT,PUBLISHED,RETRACTED'));
const exportAll = async (raw = false) => readText(await streamFiguresCsv(allStatuses, { bom: false, hxl: false, raw }));
// Sources get this database's ids; imported figures land as DRAFT and get a new updated_at.
const IGNORED = new Set(['updated_at', 'status', 'source_id']);
const comparable = (csv: string) =>
  (parse(csv, { columns: true }) as Record<string, string>[]).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !IGNORED.has(k))));

async function keepReferenceDataOnly() {
  await db.figureRevision.deleteMany();
  await db.figure.deleteMany();
  await db.source.deleteMany();
  await db.organization.deleteMany();
  await db.place.updateMany({ data: { parentId: null } });
  await db.place.deleteMany();
  await db.importRun.deleteMany();
}

describe('import', () => {
  let userId: string;
  beforeEach(async () => {
    await resetDatabase();
    await seedExchangeData();
    userId = (await createUser('EDITOR')).id;
  });

  it('round-trips an export into an empty database: same figures and sources', async () => {
    for (const hxl of [false, true]) {
      await resetDatabase();
      await seedExchangeData();
      userId = (await createUser('EDITOR')).id;
      const before = await exportAll();
      const file = await readText(await streamFiguresCsv(allStatuses, { bom: true, hxl, raw: false }));
      await keepReferenceDataOnly();
      const report = await importText(file, userId, { dryRun: false });
      expect(report).toMatchObject({ committed: true, newRows: 4, duplicate: 0, invalid: 0, errors: [] });
      expect(comparable(await exportAll())).toEqual(comparable(before));
      const sources = await db.source.findMany({ orderBy: { title: 'asc' }, select: { title: true, url: true, publishedAt: true, publisher: { select: { name: true } } } });
      expect(sources).toEqual([
        { title: 'Operational data portal', url: 'https://data.unhcr.org/en/situations/ukraine', publishedAt: new Date('2022-03-30'), publisher: { name: 'UNHCR, "the UN refugee agency"' } },
        { title: 'Wire, 9 March: "corridors", buses\nand convoys', url: null, publishedAt: new Date('2022-03-09'), publisher: { name: 'UNHCR, "the UN refugee agency"' } },
      ]);
    }
  });

  it('reports counts on a dry run and writes no figures; commit writes them with revisions and an import run', async () => {
    const file = await exportAll();
    await keepReferenceDataOnly();
    const empty = await tableCounts();
    const dry = await importText(file, userId);
    expect(dry).toMatchObject({ dryRun: true, committed: false, newRows: 4, duplicate: 0, invalid: 0 });
    expect(await tableCounts()).toEqual(empty);
    expect(await db.importRun.findFirst({ where: { dryRun: true } })).toMatchObject({ newRows: 4, userId });

    const commit = await importText(file, userId, { dryRun: false, fileName: 'figures.csv' });
    expect(commit).toMatchObject({ committed: true, newRows: 4 });
    const figures = await db.figure.findMany({ select: { status: true, importRunId: true, createdById: true } });
    expect(figures.filter((f) => f.status === 'DRAFT')).toHaveLength(4);
    expect(figures.every((f) => f.importRunId === commit.importRunId && f.createdById === userId)).toBe(true);
    expect(await db.figureRevision.count({ where: { action: 'IMPORT', userId } })).toBe(4);
    expect(await db.importRun.findUnique({ where: { id: commit.importRunId! } })).toMatchObject({ fileName: 'figures.csv', dryRun: false, newRows: 4, duplicate: 0 });
  });

  it('lets an admin import as PUBLISHED', async () => {
    const file = await exportAll();
    await keepReferenceDataOnly();
    const admin = await createUser('ADMIN');
    await importText(file, admin.id, { dryRun: false, status: 'PUBLISHED' });
    expect(await db.figure.count({ where: { status: 'PUBLISHED', publishedById: admin.id } })).toBe(4);
  });

  it('re-imports the same file without creating duplicates', async () => {
    const file = await exportAll();
    const again = await importText(file, userId, { dryRun: false });
    expect(again).toMatchObject({ committed: true, newRows: 0, duplicate: 4 });
    await keepReferenceDataOnly();
    await importText(file, userId, { dryRun: false });
    const counts = await tableCounts();
    const third = await importText(file.replace(/^(\d+),/gm, ','), userId, { dryRun: false });
    expect(third).toMatchObject({ newRows: 0, duplicate: 4 });
    expect(await tableCounts()).toEqual({ ...counts });
  });

  it('matches columns by HXL hashtag when a hashtag row is present', async () => {
    const file = [
      'Quantity,Day,Where,Code,Report,Link,Said',
      '#affected+refugees+min,#date+reported,#loc+name+origin,#country+code+origin,#meta+source,#meta+url,#description',
      '"1,000,000",2022-03-03,Ukraine,UKR,UNHCR statement,https://example.org/unhcr-0303,One million have fled.',
    ].join('\n');
    const report = await importText(file, userId, { dryRun: false });
    expect(report).toMatchObject({ committed: true, newRows: 1, invalid: 0 });
    const figure = await db.figure.findFirstOrThrow({ where: { source: { url: 'https://example.org/unhcr-0303' } }, include: { metric: true, origin: true } });
    expect(figure).toMatchObject({ low: 1_000_000n, high: 1_000_000n, qualifier: 'EXACT', quote: 'One million have fled.' });
    expect(figure.metric.key).toBe('refugees');
    expect(figure.origin?.code).toBe('UKR');
  });
});
