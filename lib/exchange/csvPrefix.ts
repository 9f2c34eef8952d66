// The bytes a CSV download starts with: an optional byte-order mark for Excel,
// the header row and an optional HXL hashtag row, quoted as RFC 4180 asks.
import { stringify } from 'csv-stringify/sync';

const BOM = '\uFEFF';

export function csvPrefix(header: readonly string[], hxlRow: readonly string[] | null, bom: boolean): Uint8Array {
  const rows = hxlRow ? [header, hxlRow] : [header];
  // COPY's csv format ends rows with \n; the prefix matches it.
  const text = stringify(rows as string[][], { record_delimiter: 'unix' });
  return new TextEncoder().encode((bom ? BOM : '') + text);
}
