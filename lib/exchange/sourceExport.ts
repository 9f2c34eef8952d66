// Sources as CSV, streamed with COPY like figures. Retired sources are left out.
import { SOURCE_COLUMNS } from './columns';
import { streamCopy } from './copyStream';
import { csvPrefix } from './csvPrefix';
import type { CsvOptions } from './figureExport';
import { sourceHxlRow } from './hxl';
import { neutraliseSql } from './neutralise';

export function sourceSelectSql({ raw }: { raw: boolean }): string {
  const cells = SOURCE_COLUMNS.map((c) => `${c.kind === 'text' && !raw ? neutraliseSql(c.expr) : c.expr} AS ${c.name}`);
  return `SELECT ${cells.join(', ')} FROM source s LEFT JOIN organization org ON org.id = s."publisherId"
    WHERE s."retiredAt" IS NULL ORDER BY s.id`;
}

export function streamSourcesCsv(options: CsvOptions, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const prefix = csvPrefix(SOURCE_COLUMNS.map((c) => c.name), options.hxl ? sourceHxlRow() : null, options.bom);
  return streamCopy(`COPY (${sourceSelectSql(options)}) TO STDOUT (FORMAT csv)`, { prefix, signal });
}
