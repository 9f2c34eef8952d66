// One import, dry run or commit. Both stream the file through the parser and
// validator into a staging table inside one transaction and run the same
// matching; a dry run (or a file with any invalid row) then rolls back, so the
// counts it reports are exactly what a commit would do. Each run is recorded as
// an ImportRun with its file name, user and counts.
import type { Writable } from 'node:stream';
import { db } from '@/lib/db/client';
import { sql } from '@/lib/db/sql';
import { AppError } from '@/lib/http/AppError';
import { mapHeader, type ColumnMap } from './mapHeader';
import { readRecords, type CsvRecord } from './readRecords';
import { ASSIGN_ID_STEPS, CREATE_STAGE, INSERT_FIGURES, RESOLVE_STEPS, STAGE_COLUMNS } from './stageSql';
import { validateRow, type ImportRow, type RowError } from './validateRow';

export interface ImportOptions {
  fileName: string;
  userId: string;
  dryRun: boolean;
  status: 'DRAFT' | 'PUBLISHED';
  maxBytes: number;
  onProgress?: (progress: { rows: number; bytes: number }) => void;
  /** Time spent in each phase, for the benchmark. */
  onPhase?: (phase: string, ms: number) => void;
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

class Rollback extends Error {}

const COPY_BATCH_CHARS = 256 * 1024;

const csvCell = (v: unknown) => (v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);

function stageLine(r: ImportRow): string {
  return [
    r.row, r.id, r.metricId, r.low, r.high, r.qualifier, r.valueAsStated, r.asOf, r.periodStart, r.periodEnd,
    r.originName, r.originCode, r.destinationName, r.destinationCode, r.sourceTitle, r.sourceUrl, r.publisher, r.publishedAt,
    r.quote, r.attribution, r.retracted,
  ].map(csvCell).join(',') + '\n';
}

function write(stream: Writable, chunk: string): Promise<void> | void {
  if (stream.write(chunk)) return;
  return new Promise((resolve) => stream.once('drain', resolve));
}

function end(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(resolve);
  });
}

async function loadMetrics() {
  const metrics = await db.metric.findMany({ where: { retiredAt: null }, select: { id: true, key: true, hxlTag: true } });
  return {
    metricIds: new Map(metrics.map((m) => [m.key, m.id])),
    metricKeysByTag: new Map(metrics.map((m) => [m.hxlTag, m.key])),
    metricTags: metrics.map((m) => m.hxlTag),
  };
}

export async function runImport(body: AsyncIterable<Uint8Array>, options: ImportOptions): Promise<ImportReport> {
  const metrics = await loadMetrics();
  const errors: RowError[] = [];
  let invalidRows = 0;
  let dataRows = 0;
  let warnings: string[] = [];
  let bytes = 0;
  let counts = { newRows: 0, duplicate: 0 };
  let importRunId: number | null = null;
  const today = new Date().toISOString().slice(0, 10);
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    options.onPhase?.(name, now - mark);
    mark = now;
  };

  const records = readRecords(body, options.maxBytes, (n) => (bytes = n));
  const first = await records.next();
  if (first.done) throw new AppError('BAD_REQUEST', 'The file is empty. Upload a CSV whose first row names the columns.', 'file');
  const header = first.value.cells;
  const second = await records.next();
  if (second.done) throw new AppError('BAD_REQUEST', 'The file has a header row but no data rows.', 'file');
  const map: ColumnMap = mapHeader(header, second.value.cells, metrics.metricTags);
  warnings = map.warnings;
  const pending: CsvRecord[] = map.hasHashtagRow ? [] : [second.value];

  try {
    await sql.begin(async (tx) => {
      const [run] = await tx<{ id: number }[]>`
        INSERT INTO import_run ("fileName", "userId", "dryRun") VALUES (${options.fileName}, ${options.userId}, ${options.dryRun}) RETURNING id`;
      importRunId = run.id;
      // Hash joins and the duplicate check's sort over 100k staged rows stay in memory.
      await tx.unsafe(`SET LOCAL work_mem = '64MB'`);
      await tx.unsafe(CREATE_STAGE);
      const copy = (await tx.unsafe(`COPY import_stage (${STAGE_COLUMNS.join(', ')}) FROM STDIN (FORMAT csv)`).writable()) as unknown as Writable;
      const ctx = { map, ...metrics, requireQuote: options.status === 'PUBLISHED', today };
      // Lines go to the COPY in batches: one socket write per row costs more than the parsing.
      let batch = '';
      const flush = async () => {
        if (batch) await write(copy, batch);
        batch = '';
      };
      const handle = async (record: CsvRecord) => {
        if (record.cells.every((c) => c.trim() === '')) return;
        dataRows++;
        const result = validateRow(record.row, record.cells, ctx);
        if (result.ok) {
          batch += stageLine(result.value);
          if (batch.length >= COPY_BATCH_CHARS) await flush();
        } else {
          invalidRows++;
          errors.push(...result.errors);
        }
        if (dataRows % 5000 === 0) options.onProgress?.({ rows: dataRows, bytes });
      };
      try {
        for (const record of pending) await handle(record);
        for await (const record of records) await handle(record);
        await flush();
      } catch (err) {
        // Abort the COPY (CopyFail) so the transaction can roll back.
        copy.destroy(err as Error);
        throw err;
      }
      await end(copy);
      phase('parse+validate+copy');
      options.onProgress?.({ rows: dataRows, bytes });
      if (dataRows === 0) throw new AppError('BAD_REQUEST', 'The file has a header row but no data rows.', 'file');

      for (const [i, step] of RESOLVE_STEPS.entries()) {
        await tx.unsafe(step);
        phase(`resolve ${i}`);
      }
      const [tally] = await tx<{ newRows: number; duplicate: number }[]>`
        SELECT count(*) FILTER (WHERE NOT duplicate)::int AS "newRows", count(*) FILTER (WHERE duplicate)::int AS duplicate FROM import_match`;
      counts = tally;
      if (options.dryRun || invalidRows > 0) throw new Rollback();
      for (const [i, step] of ASSIGN_ID_STEPS.entries()) {
        await tx.unsafe(step);
        phase(`assign ids ${i}`);
      }
      await tx.unsafe(INSERT_FIGURES, [options.status, options.userId, run.id, `Imported from ${options.fileName}`]);
      phase('insert figures and revisions');
      await tx`UPDATE import_run SET "newRows" = ${counts.newRows}, duplicate = ${counts.duplicate}, invalid = 0 WHERE id = ${run.id}`;
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
    importRunId = null;
  }

  phase('finish');
  const committed = importRunId !== null;
  if (!committed && options.dryRun) {
    // The dry run's transaction rolled back; its record is written on its own.
    const run = await db.importRun.create({
      data: { fileName: options.fileName, userId: options.userId, dryRun: true, newRows: counts.newRows, duplicate: counts.duplicate, invalid: invalidRows },
      select: { id: true },
    });
    importRunId = run.id;
  }
  return {
    importRunId, fileName: options.fileName, dryRun: options.dryRun, committed, rows: dataRows,
    newRows: counts.newRows, duplicate: counts.duplicate, invalid: invalidRows, errors, warnings,
  };
}
