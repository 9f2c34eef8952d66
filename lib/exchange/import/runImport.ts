// One import, dry run or commit, in three steps inside one transaction:
// stage (validate rows and COPY them into a staging table, stageRows.ts), resolve
// (match publishers, sources and places, mark duplicates) and commit (assign ids,
// insert figures and revisions), the SQL of both in stageSql.ts. A dry run, or a file
// with any invalid row, rolls back after resolving, so the counts it reports are
// exactly what a commit would do. Each run is recorded as an ImportRun.
// A caller that loads several files at once (lib/demo) passes its own transaction;
// the import then runs in a savepoint of it.
import type { TransactionSql } from 'postgres';
import { sql } from '@/lib/db/sql';
import { AppError } from '@/lib/http/AppError';
import { mapHeader, type ColumnMap } from './mapHeader';
import { readRecords, type CsvRecord } from './readRecords';
import { ASSIGN_ID_STEPS, CREATE_STAGE, INSERT_FIGURES, RESOLVE_STEPS } from './stageSql';
import { stageRows, type StageResult } from './stageRows';
import type { RowError } from './validateRow';

export interface ImportOptions {
  fileName: string;
  /** Who imports; null for the system (the dataset loaded at first start). */
  userId: string | null;
  dryRun: boolean;
  status: 'DRAFT' | 'PUBLISHED';
  maxBytes: number;
  /** The request's Content-Length, when it sent one; a body that ends short of it is refused. */
  declaredBytes?: number;
  onProgress?: (progress: { rows: number; bytes: number }) => void;
  /** Time spent in each phase, for the benchmark. */
  onPhase?: (phase: string, ms: number) => void;
  /** Run inside this transaction (in a savepoint) instead of a new one. */
  tx?: ImportTx;
}

export interface ImportReport {
  importRunId: number | null;
  fileName: string;
  dryRun: boolean;
  committed: boolean;
  rows: number;
  newRows: number;
  duplicate: number;
  invalid: number;
  errors: RowError[];
  warnings: string[];
}

/** A transaction of the shared pool, as sql.begin hands it over. */
export type ImportTx = TransactionSql<{ bigint: bigint }>;

interface Counts {
  newRows: number;
  duplicate: number;
}

class Rollback extends Error {}

async function loadMetrics(client: ImportTx) {
  const metrics = await client<{ id: number; key: string; hxlTag: string }[]>`
    SELECT id, key, "hxlTag" FROM metric WHERE "retiredAt" IS NULL`;
  return {
    metricIds: new Map(metrics.map((m) => [m.key, m.id])),
    metricKeysByTag: new Map(metrics.map((m) => [m.hxlTag, m.key])),
    metricTags: metrics.map((m) => m.hxlTag),
  };
}

function phaseTimer(onPhase: ImportOptions['onPhase']) {
  let mark = performance.now();
  return (name: string) => {
    const now = performance.now();
    onPhase?.(name, now - mark);
    mark = now;
  };
}

/** The header (and HXL row, when there is one); returns the rows already read that hold data. */
async function readHeader(records: AsyncIterator<CsvRecord>, metricTags: string[]): Promise<{ map: ColumnMap; first: CsvRecord[] }> {
  const header = await records.next();
  if (header.done) throw new AppError('BAD_REQUEST', 'The file is empty. Upload a CSV whose first row names the columns.', 'file');
  const second = await records.next();
  if (second.done) throw new AppError('BAD_REQUEST', 'The file has a header row but no data rows.', 'file');
  const map = mapHeader(header.value.cells, second.value.cells, metricTags);
  return { map, first: map.hasHashtagRow ? [] : [second.value] };
}

async function resolve(tx: ImportTx, phase: (name: string) => void): Promise<Counts> {
  for (const [i, step] of RESOLVE_STEPS.entries()) {
    await tx.unsafe(step);
    phase(`resolve ${i}`);
  }
  const [counts] = await tx<Counts[]>`
    SELECT count(*) FILTER (WHERE NOT duplicate)::int AS "newRows", count(*) FILTER (WHERE duplicate)::int AS duplicate FROM import_match`;
  return counts;
}

async function commit(tx: ImportTx, runId: number, counts: Counts, options: ImportOptions, phase: (name: string) => void): Promise<void> {
  for (const [i, step] of ASSIGN_ID_STEPS.entries()) {
    await tx.unsafe(step);
    phase(`assign ids ${i}`);
  }
  await tx.unsafe(INSERT_FIGURES, [options.status, options.userId, runId, `Imported from ${options.fileName}`]);
  phase('insert figures and revisions');
  await tx`UPDATE import_run SET "newRows" = ${counts.newRows}, duplicate = ${counts.duplicate}, invalid = 0 WHERE id = ${runId}`;
}

export async function runImport(body: AsyncIterable<Uint8Array>, options: ImportOptions): Promise<ImportReport> {
  // Small reads and writes outside the import's own transaction use the caller's, if any.
  const withTx = <T>(fn: (tx: ImportTx) => Promise<T>): Promise<T> => (options.tx ? fn(options.tx) : (sql.begin(fn) as Promise<T>));
  const metrics = await withTx(loadMetrics);
  const phase = phaseTimer(options.onPhase);
  let bytes = 0;
  const records = readRecords(body, options.maxBytes, { onBytes: (n) => (bytes = n), declaredBytes: options.declaredBytes });
  const { map, first } = await readHeader(records, metrics.metricTags);
  let staged: StageResult = { rows: 0, invalid: 0, errors: [] };
  let counts: Counts = { newRows: 0, duplicate: 0 };
  let committedRunId = null as number | null;

  const work = async (tx: ImportTx) => {
    const [run] = await tx<{ id: number }[]>`
      INSERT INTO import_run ("fileName", "userId", "dryRun") VALUES (${options.fileName}, ${options.userId}, ${options.dryRun}) RETURNING id`;
    // Hash joins and the duplicate check's sort over 100k staged rows stay in memory.
    await tx.unsafe(`SET LOCAL work_mem = '64MB'`);
    await tx.unsafe(CREATE_STAGE);
    const progress = (rows: number) => options.onProgress?.({ rows, bytes });
    staged = await stageRows(tx, first, records, { map, metrics, requireQuote: options.status === 'PUBLISHED', onProgress: progress });
    phase('parse+validate+copy');
    progress(staged.rows);
    if (staged.rows === 0) throw new AppError('BAD_REQUEST', 'The file has a header row but no data rows.', 'file');
    counts = await resolve(tx, phase);
    if (options.dryRun || staged.invalid > 0) throw new Rollback();
    await commit(tx, run.id, counts, options, phase);
    committedRunId = run.id;
  };
  try {
    if (options.tx) await options.tx.savepoint(work);
    else await sql.begin(work);
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  phase('finish');

  let importRunId = committedRunId;
  if (importRunId === null && options.dryRun) {
    // The dry run's transaction rolled back; its record is written on its own.
    const [run] = await withTx((tx) => tx<{ id: number }[]>`
      INSERT INTO import_run ("fileName", "userId", "dryRun", "newRows", duplicate, invalid)
      VALUES (${options.fileName}, ${options.userId}, true, ${counts.newRows}, ${counts.duplicate}, ${staged.invalid}) RETURNING id`);
    importRunId = run.id;
  }
  return {
    importRunId, fileName: options.fileName, dryRun: options.dryRun, committed: committedRunId !== null, rows: staged.rows,
    newRows: counts.newRows, duplicate: counts.duplicate, invalid: staged.invalid, errors: staged.errors, warnings: map.warnings,
  };
}
