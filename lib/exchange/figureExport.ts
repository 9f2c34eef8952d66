// Figures as CSV or NDJSON, streamed from PostgreSQL with COPY. The filters are
// the ones the table and charts use (lib/figures/filters.ts).
import { sql } from '@/lib/db/sql';
import { figureFilterSql, type FigureFilters } from '@/lib/figures/filters';
import { sortOrderText, type FigureSort } from '@/lib/figures/listFigures';
import { figuresFromSql, figuresFromText } from '@/lib/figures/vintage';
import { FIGURE_COLUMNS } from './columns';
import { streamCopy } from './copyStream';
import { figureHxlRow, type HxlContext, type PlaceTypeName } from './hxl';
import { neutraliseSql } from './neutralise';
import { renderFigureCondition } from './renderFragment';
import { csvPrefix } from './csvPrefix';

export interface CsvOptions {
  bom: boolean;
  hxl: boolean;
  /** Leave formula-looking text as is (programmatic use). */
  raw: boolean;
  /** The table's sort (sort=-asOf…); without one, rows come in id order. */
  sort?: FigureSort;
}

const joins = `
  JOIN metric m ON m.id = f."metricId"
  JOIN source s ON s.id = f."sourceId"
  LEFT JOIN organization org ON org.id = s."publisherId"
  LEFT JOIN place o ON o.id = f."originId"
  LEFT JOIN place d ON d.id = f."destinationId"`;

/** FROM over the figures (at the vintage, if any: lib/figures/vintage.ts) and their joins. */
const fromSql = (filters: FigureFilters) => `FROM ${figuresFromText(filters)} f ${joins}`;

/** The SELECT behind every figures export, with the filter condition already inlined. */
export function figureSelectSql(condition: string, { raw, sort }: { raw: boolean; sort?: FigureSort }, filters: FigureFilters = { status: ['PUBLISHED'] }): string {
  const cells = FIGURE_COLUMNS.map((c) => {
    const expr = c.kind === 'text' && !raw ? neutraliseSql(c.expr) : c.expr;
    return `${expr} AS ${c.name}`;
  });
  return `SELECT ${cells.join(', ')} ${fromSql(filters)} WHERE ${condition} ORDER BY ${sort ? sortOrderText(sort) : 'f.id'}`;
}

function ndjsonSelectSql(condition: string, filters: FigureFilters): string {
  const pairs = FIGURE_COLUMNS.map((c) => `'${c.name}', ${c.expr}`);
  return `SELECT json_build_object(${pairs.join(', ')}) ${fromSql(filters)} WHERE ${condition} ORDER BY f.id`;
}

/** Which metric and place types the selected rows hold; decides the HXL value and code tags. */
export async function figureHxlContext(filters: FigureFilters): Promise<HxlContext> {
  const where = figureFilterSql(sql, filters);
  const figures = figuresFromSql(sql, filters);
  const [row] = await sql<{ metricTags: string[] | null; originTypes: PlaceTypeName[] | null; destinationTypes: PlaceTypeName[] | null }[]>`
    SELECT
      (SELECT array_agg(DISTINCT m."hxlTag") FROM metric m
        WHERE EXISTS (SELECT 1 FROM ${figures} f WHERE f."metricId" = m.id AND ${where})) AS "metricTags",
      (SELECT array_agg(DISTINCT p.type::text) FROM place p
        WHERE p.code IS NOT NULL AND EXISTS (SELECT 1 FROM ${figures} f WHERE f."originId" = p.id AND ${where})) AS "originTypes",
      (SELECT array_agg(DISTINCT p.type::text) FROM place p
        WHERE p.code IS NOT NULL AND EXISTS (SELECT 1 FROM ${figures} f WHERE f."destinationId" = p.id AND ${where})) AS "destinationTypes"`;
  const tags = row.metricTags ?? [];
  return {
    metricTag: tags.length === 1 ? tags[0] : null,
    originTypes: row.originTypes ?? [],
    destinationTypes: row.destinationTypes ?? [],
  };
}

export async function streamFiguresCsv(filters: FigureFilters, options: CsvOptions, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const condition = await renderFigureCondition(sql, figureFilterSql(sql, filters));
  const hxl = options.hxl ? figureHxlRow(await figureHxlContext(filters)) : null;
  const prefix = csvPrefix(FIGURE_COLUMNS.map((c) => c.name), hxl, options.bom);
  return streamCopy(`COPY (${figureSelectSql(condition, options, filters)}) TO STDOUT (FORMAT csv)`, { prefix, signal });
}

export async function streamFiguresNdjson(filters: FigureFilters, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const condition = await renderFigureCondition(sql, figureFilterSql(sql, filters));
  // CSV mode with quote and delimiter bytes that JSON text never holds raw
  // (it escapes control characters), so each JSON object is written verbatim.
  return streamCopy(`COPY (${ndjsonSelectSql(condition, filters)}) TO STDOUT (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')`, { signal });
}
