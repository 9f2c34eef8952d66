// sources.csv, places.csv and events.csv: one table each, streamed with COPY like
// figures, in the formats their importers read. Retired sources and places and
// unpublished events are left out.
import { EVENT_COLUMNS, PLACE_COLUMNS, SOURCE_COLUMNS, type ExportColumn } from './columns';
import { streamCopy } from './copyStream';
import { csvPrefix } from './csvPrefix';
import type { CsvOptions } from './figureExport';
import { neutraliseSql } from './neutralise';

const SOURCES_FROM = `FROM source s LEFT JOIN organization org ON org.id = s."publisherId" WHERE s."retiredAt" IS NULL ORDER BY s.id`;
const PLACES_FROM = `FROM place p LEFT JOIN place pp ON pp.id = p."parentId" WHERE p."retiredAt" IS NULL ORDER BY p.id`;
const EVENTS_FROM = `FROM event e
  LEFT JOIN place ep ON ep.id = e."placeId"
  LEFT JOIN source s ON s.id = e."sourceId"
  LEFT JOIN organization org ON org.id = s."publisherId"
  WHERE e.status = 'PUBLISHED' ORDER BY e.date, e.id`;

function selectSql(columns: readonly ExportColumn[], from: string, { raw }: { raw: boolean }): string {
  const cells = columns.map((c) => `${c.kind === 'text' && !raw ? neutraliseSql(c.expr) : c.expr} AS ${c.name}`);
  return `SELECT ${cells.join(', ')} ${from}`;
}

function streamTable(columns: readonly ExportColumn[], from: string, options: CsvOptions, signal?: AbortSignal) {
  const prefix = csvPrefix(columns.map((c) => c.name), options.hxl ? columns.map((c) => c.hxl) : null, options.bom);
  return streamCopy(`COPY (${selectSql(columns, from, options)}) TO STDOUT (FORMAT csv)`, { prefix, signal });
}

export function streamSourcesCsv(options: CsvOptions, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  return streamTable(SOURCE_COLUMNS, SOURCES_FROM, options, signal);
}

export function streamPlacesCsv(options: CsvOptions, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  return streamTable(PLACE_COLUMNS, PLACES_FROM, options, signal);
}

export function streamEventsCsv(options: CsvOptions, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  return streamTable(EVENT_COLUMNS, EVENTS_FROM, options, signal);
}
