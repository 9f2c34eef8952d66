// Reads an uploaded CSV as a stream of records: enforces the size limit on the
// bytes actually read, refuses a body that ends short of its Content-Length (a
// truncated upload must never be imported as if it were the whole file), refuses
// UTF-16 and non-UTF-8 (Latin-1, Windows-1252) text with a message that says how
// to fix it, and lets csv-parse handle quoting, BOMs and any mix of line endings.
import { once } from 'node:events';
import { parse } from 'csv-parse';
import { AppError } from '@/lib/http/AppError';

export interface CsvRecord {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  cells: string[];
}

export interface ReadOptions {
  /** Called with the number of bytes read so far. */
  onBytes?: (n: number) => void;
  /** The request's Content-Length, when it sent one: the body must be exactly this long. */
  declaredBytes?: number;
}

const SAVE_AS = 'Save it as "CSV UTF-8" and upload it again.';
const MB = 1024 * 1024;

/** The 413 for a file over IMPORT_MAX_MB, whether announced by Content-Length or counted while reading. */
export function fileTooLarge(maxBytes: number): AppError {
  const limit = Number((maxBytes / MB).toFixed(2));
  return new AppError('PAYLOAD_TOO_LARGE', `The file is larger than the ${limit} MB limit (IMPORT_MAX_MB). Split it into smaller files and import each one.`, 'file');
}

/** The body's chunks; a connection that breaks off mid-upload is the client's problem to retry, not a 500. */
async function* chunksOf(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of body) yield chunk;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('BAD_REQUEST', 'The upload broke off before the whole file arrived; nothing was imported. Upload the file again.', 'file');
  }
}

async function* decodeUtf8(body: AsyncIterable<Uint8Array>, maxBytes: number, { onBytes, declaredBytes }: ReadOptions): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let total = 0;
  let first = true;
  for await (const chunk of chunksOf(body)) {
    if (first && chunk.length > 0) {
      first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `The file is UTF-16 text. ${SAVE_AS}`, 'file');
      }
      // UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
      if (chunk.subarray(0, 64).includes(0)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `The file looks like UTF-16 text (it has zero bytes). ${SAVE_AS}`, 'file');
    }
    total += chunk.length;
    if (total > maxBytes) throw fileTooLarge(maxBytes);
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
  // The record stream then ends in this error instead of finishing, so a short body never reaches a commit.
  if (declaredBytes !== undefined && total !== declaredBytes) {
    throw new AppError(
      'BAD_REQUEST',
      `The upload ended after ${total.toLocaleString('en')} of the ${declaredBytes.toLocaleString('en')} bytes its Content-Length announced; nothing was imported. Upload the file again.`,
      'file',
    );
  }
  if (total === 0) throw new AppError('BAD_REQUEST', 'The file is empty. Upload a CSV whose first row names the columns.', 'file');
}

export async function* readRecords(body: AsyncIterable<Uint8Array>, maxBytes: number, options: ReadOptions = {}): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    // A stray quote inside an unquoted cell (5'11" tall) is kept as text, as spreadsheets do.
    relax_quotes: true,
    skip_empty_lines: true,
  });
  // Decoded text is written into the parser by hand, with backpressure; any failure
  // (too large, not UTF-8, short, broken off) destroys the parser with that error,
  // which the loop below then throws.
  const stop = new AbortController();
  const pump = async () => {
    try {
      for await (const text of decodeUtf8(body, maxBytes, options)) {
        if (stop.signal.aborted) return;
        if (!parser.write(text)) await once(parser, 'drain', { signal: stop.signal });
      }
      parser.end();
    } catch (err) {
      if (!stop.signal.aborted) parser.destroy(err as Error);
    }
  };
  void pump();
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
    stop.abort();
    parser.destroy();
  }
}
