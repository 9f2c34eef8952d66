// The curated dataset loads into an empty database through the importers users
// run, once, all or nothing.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { db } from '@/lib/db/client';
import { DATASET, DATASET_METRICS } from '@/lib/demo/dataset';
import { loadDemoData } from '@/lib/demo/loadDemoData';
import { getLoadedDataset } from '@/lib/exchange/dataset';
import { runEventImport } from '@/lib/exchange/import/eventImport';
import { runPlaceImport } from '@/lib/exchange/import/placeImport';
import { runImport } from '@/lib/exchange/import/runImport';
import { resetDatabase } from '../../helpers/db';

/** Data rows of a dataset file: the header and the HXL row are not data. */
async function dataRows(name: string): Promise<Record<string, string>[]> {
  const rows = parse(await readFile(join(DATASET.dir, name)), { columns: true }) as Record<string, string>[];
  return rows.filter((r) => !Object.values(r).every((v) => v === '' || v.startsWith('#')));
}

const file = (name: string) => createReadStream(join(DATASET.dir, name));
const options = (name: string) => ({ fileName: name, userId: null, maxBytes: 50 * 1024 * 1024 });

async function counts() {
  const [figures, places, events, metrics, sources, settings] = await Promise.all([
    db.figure.count(), db.place.count(), db.event.count(), db.metric.count(), db.source.count(), db.appSetting.count(),
  ]);
  return { figures, places, events, metrics, sources, settings };
}

describe('loading the curated dataset', () => {
  beforeEach(resetDatabase);

  it('imports every row of figures.csv, places.csv and events.csv, figures as PUBLISHED with an IMPORT revision each', async () => {
    const [figures, places, events] = await Promise.all([dataRows('figures.csv'), dataRows('places.csv'), dataRows('events.csv')]);
    expect(figures.length).toBeGreaterThanOrEqual(300);
    const result = await loadDemoData();
    expect(result).toEqual({ loaded: true, title: DATASET.title, figures: figures.length, places: places.length, events: events.length });
    expect(await db.figure.count({ where: { status: 'PUBLISHED', importRunId: { not: null } } })).toBe(figures.length);
    expect(await db.figureRevision.count({ where: { action: 'IMPORT' } })).toBe(figures.length);
    // Every place a figure or event names is in places.csv: the importer created none of its own.
    expect(await db.place.count()).toBe(places.length);
    expect(await db.metric.findMany({ select: { key: true }, orderBy: { id: 'asc' } })).toEqual(DATASET_METRICS.map((m) => ({ key: m.key })));
    await expect(getLoadedDataset()).resolves.toMatchObject({ title: DATASET.title, figures: figures.length });
  });

  it('keeps the ids of figures.csv, so a figure page address stays the same on every install', async () => {
    await loadDemoData();
    const figures = await dataRows('figures.csv');
    const stored = await db.figure.findMany({ select: { id: true, valueAsStated: true }, orderBy: { id: 'asc' } });
    expect(stored.map((f) => [f.id, f.valueAsStated])).toEqual(figures.map((f) => [Number(f.id), f.value_as_stated]));
  });

  it('adds nothing when loaded twice, or when its files are imported again', async () => {
    await loadDemoData();
    const before = await counts();
    expect(await loadDemoData()).toEqual({ loaded: false, reason: 'not-empty' });
    const places = await runPlaceImport(file('places.csv'), { ...options('places.csv'), dryRun: false });
    const figures = await runImport(file('figures.csv'), { ...options('figures.csv'), dryRun: false, status: 'PUBLISHED' });
    const events = await runEventImport(file('events.csv'), { ...options('events.csv'), dryRun: false });
    expect([places.newRows, figures.newRows, events.newRows]).toEqual([0, 0, 0]);
    expect([places.duplicate, figures.duplicate, events.duplicate]).toEqual([places.rows, figures.rows, events.rows]);
    expect(await counts()).toEqual(before);
  });

  it('loads once when two starts race', async () => {
    const results = await Promise.all([loadDemoData(), loadDemoData()]);
    expect(results.filter((r) => r.loaded)).toHaveLength(1);
    expect(await db.figure.count()).toBe((await dataRows('figures.csv')).length);
  });

  it('never loads into a database that already holds data', async () => {
    await db.place.create({ data: { name: 'Somewhere', type: 'OTHER' } });
    expect(await loadDemoData()).toEqual({ loaded: false, reason: 'not-empty' });
    expect(await counts()).toMatchObject({ figures: 0, metrics: 0, settings: 0 });
    await expect(getLoadedDataset()).resolves.toBeNull();
  });

  it('loads nothing at all when one of its files has an invalid row', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corridor-dataset-'));
    await cp(DATASET.dir, dir, { recursive: true });
    const events = await readFile(join(dir, 'events.csv'), 'utf8');
    await writeFile(join(dir, 'events.csv'), events + '2022-02-30,,A day that never was,,,,,,,,,\n');
    await expect(loadDemoData({ ...DATASET, dir })).rejects.toThrow(/events\.csv did not import: row \d+ \(date\)/);
    expect(await counts()).toEqual({ figures: 0, places: 0, events: 0, metrics: 0, sources: 0, settings: 0 });
  });

  it('passes the importers’ dry runs with no errors', async () => {
    await db.metric.createMany({ data: DATASET_METRICS.map((m) => ({ ...m, keywords: [...m.keywords] })) });
    const placesDry = await runPlaceImport(file('places.csv'), { ...options('places.csv'), dryRun: true });
    expect(placesDry).toMatchObject({ invalid: 0, errors: [], warnings: [], committed: false });
    expect(placesDry.newRows).toBe(placesDry.rows);
    // Events name places, so the places are committed before the events' dry run.
    await runPlaceImport(file('places.csv'), { ...options('places.csv'), dryRun: false });
    const figuresDry = await runImport(file('figures.csv'), { ...options('figures.csv'), dryRun: true, status: 'PUBLISHED' });
    expect(figuresDry).toMatchObject({ invalid: 0, errors: [], warnings: [], duplicate: 0 });
    expect(figuresDry.newRows).toBe(figuresDry.rows);
    const eventsDry = await runEventImport(file('events.csv'), { ...options('events.csv'), dryRun: true });
    expect(eventsDry).toMatchObject({ invalid: 0, errors: [], warnings: [], duplicate: 0 });
    expect(await db.figure.count()).toBe(0);
    expect(await db.event.count()).toBe(0);
  });
});
