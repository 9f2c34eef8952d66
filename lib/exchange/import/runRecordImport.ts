// Imports a places.csv or events.csv file (the exports' own formats) the way
// figures are imported: the header (or HXL row) is mapped, every row is checked
// with the record's own input schema, references are resolved against the file
// and the database, and all rows are written in one transaction, or none. A dry
// run, or a file with any invalid row, rolls back, so its counts are exactly what
// a commit would do. These files hold reference data (hundreds of rows), so rows
// are held in memory; the byte limit is the figures import's.
import { sql } from '@/lib/db/sql';
import { AppError } from '@/lib/http/AppError';
import type { ExportColumn } from '../columns';
import { isFormulaLike, unneutraliseCell } from '../neutralise';
import { mapRecordHeader } from './mapHeader';
import { readRecords } from './readRecords';
import type { ImportOptions, ImportReport, ImportTx } from './runImport';
import type { RowError } from './validateRow';

/** The figures import's options and report, less what only figures have (status, progress, the run record). */
export type RecordImportOptions = Pick<ImportOptions, 'fileName' | 'userId' | 'dryRun' | 'maxBytes' | 'declaredBytes' | 'tx'>;
export type RecordImportReport = Omit<ImportReport, 'importRunId'>;

/** Reads one cell: trimmed, empty as null, an export's neutralising apostrophe undone. */
export type CellReader = (column: string) => string | null;
export type FailRow = (column: string | null, message: string) => void;

/** Who writes and from which file, for the audit log. */
export interface WrittenBy {
  userId: string | null;
  fileName: string;
}

export interface ParsedRow<T> {
  row: number;
  value: T;
}

/** What a record type (places, events) brings to the import. */
export interface RecordResource<T> {
  columns: readonly ExportColumn[];
  required: readonly string[];
  /** Checks one row on its own; problems go to fail (with the column) and null is returned. */
  parse(cell: CellReader, fail: FailRow): T | null;
  /**
   * Resolves references and duplicates against the database and the file,
   * reports rows it cannot resolve through fail(row, …), then inserts the new
   * rows and their audit entries. Only the counts matter when the run rolls back.
   */
  write(tx: ImportTx, rows: ParsedRow<T>[], fail: (row: number, column: string | null, message: string) => void, by: WrittenBy): Promise<{ newRows: number; duplicate: number }>;
}

class Rollback extends Error {}

function cellReader(cells: string[], index: Record<string, number>, columns: readonly ExportColumn[], fail: FailRow): CellReader {
  const kinds = new Map(columns.map((c) => [c.name, c.kind]));
  return (column) => {
    const i = index[column];
    if (i === undefined) return null;
    const raw = (cells[i] ?? '').trim();
    if (raw === '') return null;
    const cell = unneutraliseCell(raw);
    if (cell !== raw) return cell;
    if (kinds.get(column) === 'text' && isFormulaLike(raw)) {
      fail(column, `"${raw.slice(0, 40)}" starts with "${raw[0]}", which spreadsheets run as a formula. Remove it, or start the cell with an apostrophe (') to keep it as text.`);
      return null;
    }
    return raw;
  };
}

export async function runRecordImport<T>(resource: RecordResource<T>, body: AsyncIterable<Uint8Array>, options: RecordImportOptions): Promise<RecordImportReport> {
  const records = readRecords(body, options.maxBytes, { declaredBytes: options.declaredBytes })[Symbol.asyncIterator]();
  const header = await records.next();
  if (header.done) throw new AppError('BAD_REQUEST', 'The file is empty. Upload a CSV whose first row names the columns.', 'file');
  const second = await records.next();
  if (second.done) throw new AppError('BAD_REQUEST', 'The file has a header row but no data rows.', 'file');
  const map = mapRecordHeader(header.value.cells, second.value.cells, resource.columns, resource.required);

  const errors: RowError[] = [];
  const parsed: ParsedRow<T>[] = [];
  const invalidRows = new Set<number>();
  let rows = 0;
  const parseRecord = (row: number, cells: string[]) => {
    if (cells.every((c) => c.trim() === '')) return;
    rows++;
    const failed = new Set<string | null>();
    // One message per cell: a cell refused on reading is not reported again by the schema.
    const fail: FailRow = (column, message) => {
      if (failed.has(column) && column !== null) return;
      failed.add(column);
      errors.push({ row, column, message });
      invalidRows.add(row);
    };
    const value = resource.parse(cellReader(cells, map.index, resource.columns, fail), fail);
    if (value !== null && !invalidRows.has(row)) parsed.push({ row, value });
  };
  if (!map.hasHashtagRow) parseRecord(second.value.row, second.value.cells);
  for (let next = await records.next(); !next.done; next = await records.next()) parseRecord(next.value.row, next.value.cells);
  if (rows === 0) throw new AppError('BAD_REQUEST', 'The file has a header row but no data rows.', 'file');

  let counts = { newRows: 0, duplicate: 0 };
  let committed = false;
  const work = async (tx: ImportTx) => {
    const failRow = (row: number, column: string | null, message: string) => {
      errors.push({ row, column, message });
      invalidRows.add(row);
    };
    counts = await resource.write(tx, parsed, failRow, { userId: options.userId, fileName: options.fileName });
    if (options.dryRun || invalidRows.size > 0) throw new Rollback();
    committed = true;
  };
  try {
    if (options.tx) await options.tx.savepoint(work);
    else await sql.begin(work);
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    fileName: options.fileName, dryRun: options.dryRun, committed, rows, newRows: counts.newRows, duplicate: counts.duplicate,
    invalid: invalidRows.size, errors, warnings: map.warnings,
  };
}
