// The figures table and GET /api/v1/figures: filtered figures with citations,
// sorted on one column and paged by keyset (no OFFSET, so page 1,000 costs the
// same as page 1).
import type { Fragment } from 'postgres';
import { z } from 'zod';
import { sql } from '@/lib/db/sql';
import { AppError } from '@/lib/http/AppError';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import { MAX_BIGINT, isCalendarDay, isRecordId } from '@/lib/vocabulary';
import { figureFilterSql, type FigureFilters } from './filters';
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
 * What to order by. Without a search, the column itself: the (status, column, id)
 * indexes hand rows over in page order and the scan stops after a page. With a
 * search, the same value as an expression no index matches, so PostgreSQL finds
 * the matches through the trigram index first and sorts only those: it cannot
 * estimate how rare a phrase is (it guesses ~0.2% of rows), and walking the sort
 * index for a rare phrase reads the whole table (5-8 s on the million, against
 * a bitmap of the few matches).
 */
function orderKeySql(sort: FigureSort, column: Fragment, filters: FigureFilters): Fragment {
  if (!filters.q) return column;
  const name = sort.replace('-', '');
  return name === 'updated' ? sql`(${column} + interval '0')` : sql`(${column} + 0)`;
}

/** One page of figures with citations; nextCursor is null on the last page. */
export async function listFigures(filters: FigureFilters, page: PageQuery): Promise<FigurePage> {
  const descending = page.sort.startsWith('-');
  const column = sql`f.${sql(SORT_COLUMNS[page.sort.replace('-', '') as keyof typeof SORT_COLUMNS])}`;
  const direction = descending ? sql`DESC` : sql`ASC`;
  // Page the narrow keys first, then fetch citations for just those rows.
  const keys = await sql<{ id: number; sort_key: string | null }[]>`
    SELECT f.id, ${column}::text AS sort_key FROM ${figuresFromSql(sql, filters)} f
    WHERE ${figureFilterSql(sql, filters)} AND ${keysetSql(page, column, descending)}
    ORDER BY ${orderKeySql(page.sort, column, filters)} ${direction}, f.id ${direction}
    LIMIT ${page.limit + 1}`;
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
