// The figures table and GET /api/v1/figures: filtered figures with citations,
// sorted on one column and paged by keyset (no OFFSET, so page 1,000 costs the
// same as page 1).
import type { Fragment } from 'postgres';
import { z } from 'zod';
import { sql } from '@/lib/db/sql';
import { AppError } from '@/lib/http/AppError';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import { MAX_BIGINT, isCalendarDay, isRecordId } from '@/lib/vocabulary';
import { figureFilterSql, isNarrowTree, type FigureFilters } from './filters';
import { claimSelectSql, type Claim } from './listClaims';
import { figuresFromSql } from './vintage';

export const SORTS = ['asOf', '-asOf', 'value', '-value', 'updated', '-updated', 'id', '-id'] as const;
export type FigureSort = (typeof SORTS)[number];
export const MAX_LIMIT = 1000;
/** The table's order when none is asked for: latest first. */
export const DEFAULT_SORT: FigureSort = '-asOf';

/** The sort parameter, shared by the table, GET /api/v1/figures and the CSV export. */
export const sortSchema = z
  .enum(SORTS, { message: `sort must be one of ${SORTS.join(', ')}` })
  .meta({ description: 'Order on one column (- for descending), then by id in the same direction.' });

export interface PageQuery {
  sort: FigureSort;
  limit: number;
  /** The cursor as given, for links. */
  cursor?: string;
  /** The cursor decoded and checked against the sort: the last row's sort value and id. */
  after?: Key;
}

export interface FigurePage {
  figures: Claim[];
  nextCursor: string | null;
}

/** sort, limit and cursor; the API reference is built from it. */
export const pageQuerySchema = z.object({
  sort: sortSchema.default(DEFAULT_SORT),
  limit: z.coerce
    .number({ message: `limit must be a whole number from 1 to ${MAX_LIMIT}` })
    .int(`limit must be a whole number from 1 to ${MAX_LIMIT}`)
    .min(1, `limit must be a whole number from 1 to ${MAX_LIMIT}`)
    .max(MAX_LIMIT, `limit must be at most ${MAX_LIMIT}`)
    .default(50)
    .meta({ description: 'Figures per page.' }),
  cursor: z
    .string()
    .max(200, 'cursor is not one this API returned')
    .meta({ description: 'The nextCursor of the previous page, asked with the same sort.' })
    .optional(),
});

/** Reads sort, limit and cursor; throws BAD_REQUEST naming the bad one. */
export function parsePageQuery(params: URLSearchParams): PageQuery {
  const raw = Object.fromEntries(Object.keys(pageQuerySchema.shape).flatMap((k) => (params.get(k)?.trim() ? [[k, params.get(k)!.trim()]] : [])));
  const page: PageQuery = parseOrThrow(pageQuerySchema, raw);
  return page.cursor ? { ...page, after: decodeCursor(page.cursor, page.sort) } : page;
}

// Each sort orders by one column, then id, in the same direction, so the keyset is a row comparison.
const SORT_COLUMNS = { asOf: 'asOf', value: 'low', updated: 'updatedAt', id: 'id' } as const;
type Key = [string | null, number];

/**
 * The ORDER BY list for a sort over `figure f`, as SQL text for exports that
 * inline their query in COPY: the sort column, then id, in one direction.
 */
export function sortOrderText(sort: FigureSort): string {
  const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
  return `f."${SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS]}" ${direction}, f.id ${direction}`;
}

function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

// `updatedAt::text` of a timestamp(3): "2022-03-09 14:05:00.123" (fraction optional).
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?$/;

/** Whether a cursor's sort value is one PostgreSQL will read as the sort column's type. */
const SORT_VALUE_OK: Record<keyof typeof SORT_COLUMNS, (value: unknown, id: number) => boolean> = {
  id: (value, id) => value === String(id),
  asOf: (value) => typeof value === 'string' && isCalendarDay(value),
  value: (value) => typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_BIGINT,
  updated: (value) => typeof value === 'string' && TIMESTAMP.test(value) && isCalendarDay(TIMESTAMP.exec(value)![1]),
};

/**
 * Cursors are ours (base64url JSON of the last row's sort value and id), so anything
 * that is not exactly that shape, for this sort, is refused here at the boundary.
 */
function decodeCursor(cursor: string, sort: FigureSort): Key {
  let key: unknown = null;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // refused below
  }
  const column = sort.replace('-', '') as keyof typeof SORT_COLUMNS;
  if (Array.isArray(key) && key.length === 2 && typeof key[1] === 'number' && isRecordId(String(key[1])) && SORT_VALUE_OK[column](key[0], key[1])) {
    return key as Key;
  }
  throw new AppError('BAD_REQUEST', 'cursor is not valid for this sort; use nextCursor from the previous page with the same sort', 'cursor');
}

function keysetSql(page: PageQuery, column: Fragment, descending: boolean): Fragment {
  if (!page.after) return sql`TRUE`;
  const name = page.sort.replace('-', '');
  const [value, id] = page.after;
  const cast = { id: sql`${id}::int`, value: sql`${value}::bigint`, asOf: sql`${value}::date`, updated: sql`${value}::timestamp` }[name]!;
  return descending ? sql`(${column}, f.id) < (${cast}, ${id}::int)` : sql`(${column}, f.id) > (${cast}, ${id}::int)`;
}

/**
 * Per-key walks read at most (keys × page) rows: a tree's places (once per side for
 * place) or a publisher's sources, each up to a page. Past this many, walking the
 * sort index once is cheaper: a broad filter (a whole country, 265 places on two
 * sides) passes most rows anyway.
 */
const MAX_WALKED_ROWS = 30_000;

interface KeyWalk {
  column: 'originId' | 'destinationId' | 'sourceId';
  ids: number[];
  /** The filter the walk stands for; left out inside it (a redundant OR would skew the row estimate towards a sort). */
  param: 'place' | 'origin' | 'destination' | 'publisher';
}

/**
 * The value sort under a place, origin, destination or publisher filter, as walks of
 * the (column, status, low, id) indexes, one per key: each gives its first page in
 * order, and the page is the first rows of their union. Walking (status, low, id)
 * instead reads rows in value order until a page passes the filter, and values are
 * not spread evenly over places (a country's counts dwarf a city's): 0.2-0.8 s for
 * an oblast or a publisher on the million. The filter with the fewest keys drives;
 * the others apply inside each walk. Undefined when no filter fits.
 */
export function keyWalks(filters: FigureFilters, page: PageQuery): KeyWalk[] | undefined {
  const ids = filters.resolved;
  if (page.sort.replace('-', '') !== 'value' || filters.status.length !== 1 || filters.vintage || filters.q || !ids) return undefined;
  const options: KeyWalk[][] = [];
  if (ids.origin) options.push([{ column: 'originId', ids: ids.origin, param: 'origin' }]);
  if (ids.destination) options.push([{ column: 'destinationId', ids: ids.destination, param: 'destination' }]);
  if (ids.place) {
    options.push([{ column: 'originId', ids: ids.place, param: 'place' }, { column: 'destinationId', ids: ids.place, param: 'place' }]);
  }
  if (ids.publisherSources) options.push([{ column: 'sourceId', ids: ids.publisherSources, param: 'publisher' }]);
  const keys = (walks: KeyWalk[]) => walks.reduce((n, w) => n + w.ids.length, 0);
  const fewest = options.sort((a, b) => keys(a) - keys(b))[0];
  return fewest && keys(fewest) * (page.limit + 1) <= MAX_WALKED_ROWS ? fewest : undefined;
}

/**
 * What to order by: the column itself, so the (status, column, id) index hands rows
 * over in page order and the scan stops after a page; a search alone is weighed by
 * PostgreSQL, which knows a common phrase from the column's statistics (the title
 * half is literal source ids). A search with a narrow place, origin or destination
 * tree or a publisher filter orders by an expression no index matches, so the matches are
 * found first (trigram, place and source indexes) and only they are sorted: the
 * planner multiplies the filters' shares as if independent, and when they hardly
 * ever meet, a walk of the sort index reads the whole table (0.7-2 s for a page of
 * an oblast, a publisher and a search on the million) against bitmaps bounded by the
 * narrow filter (at most ~0.2 s when every quote matches).
 */
function orderKeySql(sort: FigureSort, column: Fragment, filters: FigureFilters): Fragment {
  const ids = filters.resolved;
  if (!filters.q || !(isNarrowTree(ids?.place) || isNarrowTree(ids?.origin) || isNarrowTree(ids?.destination) || ids?.publisherSources)) return column;
  return sort.replace('-', '') === 'updated' ? sql`(${column} + interval '0')` : sql`(${column} + 0)`;
}

/** The page's keys (id and sort value): one walk of a sort index, or the union of per-key walks. */
function pageKeysSql(filters: FigureFilters, page: PageQuery): Fragment {
  const descending = page.sort.startsWith('-');
  const column = sql`f.${sql(SORT_COLUMNS[page.sort.replace('-', '') as keyof typeof SORT_COLUMNS])}`;
  const direction = descending ? sql`DESC` : sql`ASC`;
  const keyset = keysetSql(page, column, descending);
  const walks = keyWalks(filters, page);
  if (!walks) {
    return sql`
      SELECT f.id, ${column}::text AS sort_key FROM ${figuresFromSql(sql, filters)} f
      WHERE ${figureFilterSql(sql, filters)} AND ${keyset}
      ORDER BY ${orderKeySql(page.sort, column, filters)} ${direction}, f.id ${direction}
      LIMIT ${page.limit + 1}`;
  }
  // UNION, not UNION ALL: under a place filter a figure can come from both sides.
  const union = walks
    .map((w) => sql`
      SELECT f.id, f.low FROM unnest(${w.ids}::int[]) AS k(key) CROSS JOIN LATERAL (
        SELECT f.id, f.low FROM figure f
        WHERE f.${sql(w.column)} = k.key AND ${figureFilterSql(sql, { ...filters, [w.param]: undefined })} AND ${keyset}
        ORDER BY f.low ${direction}, f.id ${direction} LIMIT ${page.limit + 1}) f`)
    .reduce((all, walk) => sql`${all} UNION ${walk}`);
  return sql`
    SELECT f.id, f.low::text AS sort_key FROM (${union}) f
    ORDER BY f.low ${direction}, f.id ${direction}
    LIMIT ${page.limit + 1}`;
}

/** One page of figures with citations; nextCursor is null on the last page. */
export async function listFigures(filters: FigureFilters, page: PageQuery): Promise<FigurePage> {
  // Page the narrow keys first, then fetch citations for just those rows.
  const keys = await sql<{ id: number; sort_key: string | null }[]>`${pageKeysSql(filters, page)}`;
  const shown = keys.slice(0, page.limit);
  const ids = shown.map((k) => k.id);
  const rows = ids.length ? await sql<Claim[]>`${claimSelectSql(figuresFromSql(sql, filters))} WHERE f.id = ANY(${ids}::int[])` : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const last = shown.at(-1);
  return {
    figures: ids.flatMap((id) => byId.get(id) ?? []),
    nextCursor: keys.length > page.limit && last ? encodeCursor([last.sort_key, last.id]) : null,
  };
}
