// Reads an uploaded CSV as a stream of records: enforces the size limit, refuses
// UTF-16 and non-UTF-8 (Latin-1, Windows-1252) text with a message that says how
// to fix it, and lets csv-parse handle quoting, BOMs and any mix of line endings.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '@/lib/http/AppError';

export interface CsvRecord {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  cells: string[];
}

const SAVE_AS = 'Save it as "CSV UTF-8" and upload it again.';

async function* decodeUtf8(body: AsyncIterable<Uint8Array>, maxBytes: number, onBytes?: (n: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let total = 0;
  let first = true;
  for await (const chunk of body) {
    if (first && chunk.length > 0) {
      first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `The file is UTF-16 text. ${SAVE_AS}`, 'file');
      }
      // UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
      if (chunk.subarray(0, 64).includes(0)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `The file looks like UTF-16 text (it has zero bytes). ${SAVE_AS}`, 'file');
    }
    total += chunk.length;
    if (total > maxBytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit (IMPORT_MAX_MB). Split it into smaller files.`, 'file');
    }
    onBytes?.(total);
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `The file is not valid UTF-8 (it looks like Latin-1 or Windows-1252, near byte ${total - chunk.length}). ${SAVE_AS}`, 'file');
    }
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `The file ends in the middle of a UTF-8 character. ${SAVE_AS}`, 'file');
  }
  if (total === 0) throw new AppError('BAD_REQUEST', 'The file is empty. Upload a CSV whose first row names the columns.', 'file');
}

export async function* readRecords(body: AsyncIterable<Uint8Array>, maxBytes: number, onBytes?: (n: number) => void): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    // A stray quote inside an unquoted cell (5'11" tall) is kept as text, as spreadsheets do.
    relax_quotes: true,
    skip_empty_lines: true,
  });
  const text = Readable.from(decodeUtf8(body, maxBytes, onBytes));
  text.on('error', (err) => parser.destroy(err));
  text.pipe(parser);
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code?.startsWith('CSV_') || code?.startsWith('INVALID_')) {
      throw new AppError('BAD_REQUEST', `The CSV cannot be read after row ${row}: ${(err as Error).message}. Check the quotes around that row.`, 'file');
    }
    throw err;
  } finally {
    text.destroy();
  }
}
