// Stage: every data row is validated and the valid ones are COPYed, in batches,
// into the transaction's staging table. Invalid rows are counted with their errors.
import type { Writable } from 'node:stream';
import type { TransactionSql } from 'postgres';
import type { ColumnMap } from './mapHeader';
import type { CsvRecord } from './readRecords';
import { STAGE_COLUMNS } from './stageSql';
import { validateRow, type ImportRow, type RowError, type ValidationContext } from './validateRow';
import { toDay } from '@/lib/vocabulary';

const COPY_BATCH_CHARS = 256 * 1024;

export interface StageResult {
  rows: number;
  invalid: number;
  errors: RowError[];
}

interface StageOptions {
  map: ColumnMap;
  metrics: Pick<ValidationContext, 'metricIds' | 'metricKeysByTag'>;
  requireQuote: boolean;
  onProgress?: (rows: number) => void;
}

const csvCell = (v: unknown) => (v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);

function stageLine(r: ImportRow): string {
  return [
    r.row, r.id, r.metricId, r.low, r.high, r.qualifier, r.valueAsStated, r.asOf, r.periodStart, r.periodEnd,
    r.originName, r.originCode, r.destinationName, r.destinationCode, r.sourceTitle, r.sourceUrl, r.publisher, r.publishedAt,
    r.quote, r.attribution, r.notes, r.retracted,
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

/** Validates and stages `first` (rows already read) and then the rest of `records`. */
export async function stageRows(tx: TransactionSql, first: CsvRecord[], records: AsyncIterable<CsvRecord>, options: StageOptions): Promise<StageResult> {
  const result: StageResult = { rows: 0, invalid: 0, errors: [] };
  const copy = (await tx.unsafe(`COPY import_stage (${STAGE_COLUMNS.join(', ')}) FROM STDIN (FORMAT csv)`).writable()) as unknown as Writable;
  const ctx: ValidationContext = { map: options.map, ...options.metrics, requireQuote: options.requireQuote, today: toDay() };
  // Lines go to the COPY in batches: one socket write per row costs more than the parsing.
  let batch = '';
  const flush = async () => {
    if (batch) await write(copy, batch);
    batch = '';
  };
  const stage = async (record: CsvRecord) => {
    if (record.cells.every((c) => c.trim() === '')) return;
    result.rows++;
    const row = validateRow(record.row, record.cells, ctx);
    if (row.ok) {
      batch += stageLine(row.value);
      if (batch.length >= COPY_BATCH_CHARS) await flush();
    } else {
      result.invalid++;
      result.errors.push(...row.errors);
    }
    if (result.rows % 5000 === 0) options.onProgress?.(result.rows);
  };
  try {
    for (const record of first) await stage(record);
    for await (const record of records) await stage(record);
    await flush();
  } catch (err) {
    // Abort the COPY (CopyFail) so the transaction can roll back. The error is
    // rethrown below; the stream's own 'error' event would otherwise be uncaught.
    copy.on('error', () => {});
    copy.destroy(err as Error);
    throw err;
  }
  await end(copy);
  return result;
}
