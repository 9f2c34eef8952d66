// Loads the curated dataset (lib/demo/dataset.ts) into an empty database, once,
// through the importers users run: places.csv, figures.csv (as PUBLISHED) and
// events.csv, each in a savepoint of one transaction held under an advisory
// lock, so two starts at once, or a start killed half-way, never leave a partial
// or doubled dataset. A file with any invalid row stops the load and rolls it all back.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { sql } from '@/lib/db/sql';
import { recordLoadedDataset } from '@/lib/exchange/dataset';
import { runEventImport } from '@/lib/exchange/import/eventImport';
import { runPlaceImport } from '@/lib/exchange/import/placeImport';
import { runImport, type ImportTx } from '@/lib/exchange/import/runImport';
import type { RowError } from '@/lib/exchange/import/validateRow';
import { DATASET, DATASET_METRICS, type Dataset } from './dataset';

const DEMO_LOCK_KEY = 72_617_002;
/** The dataset files are a few hundred kilobytes; this only guards against a wrong path. */
const MAX_BYTES = 50 * 1024 * 1024;

export type DemoLoadResult =
  | { loaded: true; title: string; figures: number; places: number; events: number }
  | { loaded: false; reason: 'not-empty' };

/** True when the database holds no figures, sources, metrics or places. */
async function isDatabaseEmpty(tx: ImportTx): Promise<boolean> {
  const [row] = await tx<{ empty: boolean }[]>`
    SELECT NOT (EXISTS (SELECT 1 FROM figure) OR EXISTS (SELECT 1 FROM source) OR EXISTS (SELECT 1 FROM metric) OR EXISTS (SELECT 1 FROM place)) AS empty`;
  return row.empty;
}

async function createMetrics(tx: ImportTx): Promise<void> {
  for (const m of DATASET_METRICS) {
    await tx`
      INSERT INTO metric (key, label, unit, kind, "hxlTag", description, keywords, "updatedAt")
      VALUES (${m.key}, ${m.label}, ${m.unit}, ${m.kind}::"MetricKind", ${m.hxlTag}, ${m.description}, ${[...m.keywords]}, now())`;
  }
}

function checked<T extends { committed: boolean; errors: RowError[]; fileName: string }>(report: T): T {
  if (report.committed) return report;
  const first = report.errors.slice(0, 5).map((e) => `row ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.message}`);
  throw new Error(`the dataset file ${report.fileName} did not import: ${first.join('; ') || 'no rows were committed'}`);
}

/** Loads `dataset` (the curated one unless a test passes its own files). */
export async function loadDemoData(dataset: Dataset = DATASET): Promise<DemoLoadResult> {
  const file = (name: string) => createReadStream(join(dataset.dir, name));
  const options = (fileName: string, tx: ImportTx) => ({ fileName: `${dataset.name}/${fileName}`, userId: null, dryRun: false, maxBytes: MAX_BYTES, tx });
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${DEMO_LOCK_KEY})`;
    if (!(await isDatabaseEmpty(tx))) return { loaded: false, reason: 'not-empty' } as const;
    await createMetrics(tx);
    const places = checked(await runPlaceImport(file(dataset.files.places), options(dataset.files.places, tx)));
    const figures = checked(await runImport(file(dataset.files.figures), { ...options(dataset.files.figures, tx), status: 'PUBLISHED' }));
    const events = checked(await runEventImport(file(dataset.files.events), options(dataset.files.events, tx)));
    await recordLoadedDataset(tx, { title: dataset.title, loadedAt: new Date().toISOString(), figures: figures.newRows });
    return { loaded: true, title: dataset.title, figures: figures.newRows, places: places.newRows, events: events.newRows } as const;
  }) as Promise<DemoLoadResult>;
}
