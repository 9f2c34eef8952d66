// The figure filters shared by the charts, the /figures table, the JSON API and
// the CSV/NDJSON export, so every view of "the current selection" means the same rows.
//
// Exported API (pages, routes and exports call readFigureFilters in readFigureFilters.ts)
//   parseFigureFilters(input): FigureFilters
//     input is URLSearchParams or Next's searchParams record. Empty values are
//     ignored. Throws AppError('BAD_REQUEST', message, param) naming the bad field.
//   figureFilterSql(sql, filters): postgres.js fragment
//     A boolean condition over the `figure` table aliased `f` (it needs no other
//     join), e.g. sql`SELECT f.id FROM figure f WHERE ${figureFilterSql(sql, filters)}`.
//   filtersToSearchParams(filters): URLSearchParams
//     The inverse of parseFigureFilters, for links (pagination, Export CSV).
//   FIGURE_FILTER_PARAMS: the query-string names this module reads.
//
// Semantics
//   metric       one or more metric keys ("refugees", "refugees,buses" or repeated).
//   from, to     YYYY-MM-DD, inclusive, on the figure's as-of day (a flow's last day).
//   place        id or code; figures whose origin OR destination is the place or any
//                place below it (choosing Sumy Oblast includes the city of Sumy).
//   origin, destination   id or code, descendants included, like place.
//   publisher    organization id or exact name.
//   qualifier    one or more of EXACT, APPROXIMATE, AT_LEAST, AT_MOST, RANGE
//                (comma-separated or repeated).
//   status       one or more of DRAFT, PUBLISHED, RETRACTED; default PUBLISHED.
//                Only editors and admins may ask for others (readFigureFilters checks).
//   q            case-insensitive substring of the quote or of the source title.
//   vintage      an ISO 8601 instant in the past (e.g. 2022-03-15T12:00:00Z): the data as
//                published then (vintage.ts); kept as canonical UTC text. Read the
//                figures through figuresFromSql(sql, filters) so the filters apply to it.
import type { Fragment } from 'postgres';
import { z } from 'zod';
import { escapeLike, type Sql } from '@/lib/db/sql';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import { searchText } from '@/lib/validation/fields';
import {
  DAY_EXAMPLE, FIGURE_STATUSES, METRIC_KEY, PLACE_CODE, PLACE_CODE_EXAMPLE, QUALIFIERS, TEXT_LIMITS,
  isCalendarDay, isRecordId, type FigureStatus, type Qualifier,
} from '@/lib/vocabulary';
import { vintageSchema } from './vintage';

export const FIGURE_FILTER_PARAMS = [
  'metric', 'from', 'to', 'place', 'origin', 'destination', 'publisher', 'qualifier', 'status', 'q', 'vintage',
] as const;

export interface FigureFilters {
  metric?: string[];
  from?: string;
  to?: string;
  place?: string;
  origin?: string;
  destination?: string;
  publisher?: string;
  qualifier?: Qualifier[];
  status: FigureStatus[];
  q?: string;
  vintage?: string;
  /**
   * Filled by readFigureFilters before any figure query is planned: the metric's id,
   * each place filter's tree, the publisher's sources and the sources whose title
   * matches q, as literal ids, so PostgreSQL estimates the real row counts (a
   * recursive subquery is guessed at ~1,000 places) and can walk the keyset and
   * search indexes. Without it, the SQL resolves them itself (same rows).
   */
  resolved?: ResolvedFilterIds;
}

export interface ResolvedFilterIds {
  metricIds?: number[];
  place?: number[];
  origin?: number[];
  destination?: number[];
  /** The sources of the publisher filter. */
  publisherSources?: number[];
  /** The sources whose title contains q (the other half of the search is the quote). */
  searchSources?: number[];
}

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

const day = (name: string) =>
  z.string().refine(isCalendarDay, { message: `${name} must be a real date written YYYY-MM-DD, for example ${DAY_EXAMPLE}` });

/** A place id (a positive 32-bit integer) or a code such as UA59. */
export const isPlaceRef = (v: string) => (/^\d+$/.test(v) ? isRecordId(v) : PLACE_CODE.test(v));
const placeRef = (name: string) => z.string().refine(isPlaceRef, `${name} must be a place id or code such as ${PLACE_CODE_EXAMPLE}`);

/** One or more of `allowed`, comma-separated or repeated, in any case; the API reference lists `allowed`. */
function listOf<T extends string>(name: string, allowed: readonly T[], description: string) {
  return z
    .array(z.string())
    .meta({ description, items: { type: 'string', enum: [...allowed] } })
    .transform((values) => values.flatMap((v) => v.split(',')).map((v) => v.trim().toUpperCase()).filter(Boolean))
    .refine((values) => values.every((v) => (allowed as readonly string[]).includes(v)), {
      message: `${name} must be one or more of ${allowed.join(', ')}`,
    })
    .transform((values) => [...new Set(values)] as T[]);
}

/**
 * The filter parameters. Their descriptions (`.meta`) are the API reference's
 * (lib/api/openapi.ts builds /api/v1/openapi.json from this schema).
 */
export const figureFilterSchema = z
  .object({
    metric: z
      .array(z.string())
      .meta({ description: 'One or more metric keys (refugees, evacuees, buses, …), comma-separated or repeated. An unknown key is a 404.' })
      .transform((values) => [...new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))])
      .refine((keys) => keys.every((k) => METRIC_KEY.test(k)), 'metric must be one or more metric keys such as refugees or refugees,buses')
      .optional(),
    from: day('from').meta({ description: `First as-of day, inclusive, YYYY-MM-DD (${DAY_EXAMPLE}).`, format: 'date' }).optional(),
    to: day('to').meta({ description: 'Last as-of day, inclusive, YYYY-MM-DD; on or after from.', format: 'date' }).optional(),
    place: placeRef('place').meta({ description: `A place id or code (${PLACE_CODE_EXAMPLE}): figures whose origin or destination is it or lies below it.` }).optional(),
    origin: placeRef('origin').meta({ description: 'A place id or code: figures whose origin is it or lies below it.' }).optional(),
    destination: placeRef('destination').meta({ description: 'A place id or code: figures whose destination is it or lies below it.' }).optional(),
    publisher: searchText('publisher', TEXT_LIMITS.publisher).meta({ description: 'An organization id or its exact name.' }).optional(),
    qualifier: listOf('qualifier', QUALIFIERS, 'How the source states the number; comma-separated or repeated, any case.').optional(),
    status: listOf(
      'status',
      FIGURE_STATUSES,
      'Default PUBLISHED; comma-separated or repeated. Anything but PUBLISHED needs an editor or admin (403 otherwise). Charts plot published figures whatever it says.',
    ).optional(),
    q: searchText('q (search)', TEXT_LIMITS.search).meta({ description: 'Case-insensitive text to find in the quote or the source title.' }).optional(),
    vintage: vintageSchema.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'to must be on or after from', path: ['to'] });

/** Reads one value (the first) or all values of a parameter; blank values count as absent. */
function readParams(input: SearchParamsInput): Record<string, string | string[] | undefined> {
  const all = (key: string): string[] => {
    const raw = input instanceof URLSearchParams ? input.getAll(key) : ([] as string[]).concat(input[key] ?? []);
    return raw.map((v) => v.trim()).filter((v) => v !== '');
  };
  const out: Record<string, string | string[] | undefined> = {};
  for (const key of FIGURE_FILTER_PARAMS) {
    const values = all(key);
    if (values.length === 0) continue;
    out[key] = key === 'qualifier' || key === 'status' || key === 'metric' ? values : values[0];
  }
  return out;
}

/**
 * Validates filter parameters; throws AppError('BAD_REQUEST') naming the first bad one.
 * Callers outside lib/figures use readFigureFilters, which also checks places and drafts.
 */
export function parseFigureFilters(input: SearchParamsInput): FigureFilters {
  const { status, qualifier, metric, ...rest } = parseOrThrow(figureFilterSchema, readParams(input));
  return {
    ...rest,
    ...(metric && metric.length > 0 ? { metric } : {}),
    ...(qualifier && qualifier.length > 0 ? { qualifier } : {}),
    status: status && status.length > 0 ? status : ['PUBLISHED'],
  };
}

/** The query string for these filters (default status omitted), for links. */
export function filtersToSearchParams(filters: Partial<FigureFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FIGURE_FILTER_PARAMS) {
    const value = filters[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (key === 'status' && value.length === 1 && value[0] === 'PUBLISHED') continue;
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, value);
    }
  }
  return params;
}

/** Ids of the place given by id or code and every place below it. */
export function placeTreeSql(sql: Sql, ref: string): Fragment {
  const root = /^\d+$/.test(ref) ? sql`id = ${Number(ref)}` : sql`code = ${ref}`;
  return sql`(
    WITH RECURSIVE tree AS (
      SELECT id FROM place WHERE ${root}
      UNION
      SELECT p.id FROM place p JOIN tree t ON p."parentId" = t.id
    ) SELECT id FROM tree)`;
}

/**
 * The place filter's tree as a condition on one column: literal ids when
 * readFigureFilters resolved them, else the recursive subquery.
 */
export function placeInSql(sql: Sql, column: Fragment, filters: FigureFilters, param: 'place' | 'origin' | 'destination'): Fragment {
  const ids = filters.resolved?.[param];
  if (ids) return sql`${column} = ANY(${ids}::int[])`;
  return sql`${column} IN ${placeTreeSql(sql, filters[param]!)}`;
}

/**
 * A place tree small enough to hand PostgreSQL as literal ids in every query; a whole
 * country's (265 places on the million) is not: as literals it misled the live
 * ranking's plan (listSeriesPoints.ts) and is no narrow filter for the list (listFigures.ts).
 */
export const isNarrowTree = (tree: number[] | undefined): tree is number[] => Boolean(tree && tree.length <= 64);

/** The ILIKE pattern of a search: q anywhere, with % and _ taken literally. */
export const searchPatternOf = (q: string) => `%${escapeLike(q)}%`;

/** The publisher filter (an organization id or exact name) as the organization's id; NULL for no such name. */
export function publisherIdSql(sql: Sql, publisher: string): Fragment {
  return isRecordId(publisher) ? sql`${Number(publisher)}::int` : sql`(SELECT id FROM organization WHERE name = ${publisher})`;
}

/** The publisher filter as a condition on `source`. */
export function publisherSql(sql: Sql, publisher: string): Fragment {
  return sql`"publisherId" = ${publisherIdSql(sql, publisher)}`;
}

/** The filters as one SQL condition over `figure f`; safe to embed in any SELECT or COPY. */
export function figureFilterSql(sql: Sql, filters: FigureFilters): Fragment {
  // One status is an equality, so the (status, column, id) indexes give rows in sort order.
  const conditions: Fragment[] = [
    filters.status.length === 1 ? sql`f.status = ${filters.status[0]}::"FigureStatus"` : sql`f.status = ANY(${filters.status}::"FigureStatus"[])`,
  ];
  if (filters.metric) {
    const ids = filters.resolved?.metricIds;
    if (ids?.length === 1) conditions.push(sql`f."metricId" = ${ids[0]}::int`);
    else if (ids) conditions.push(sql`f."metricId" = ANY(${ids}::int[])`);
    else conditions.push(sql`f."metricId" IN (SELECT id FROM metric WHERE key = ANY(${filters.metric}::text[]))`);
  }
  if (filters.from) conditions.push(sql`f."asOf" >= ${filters.from}::date`);
  if (filters.to) conditions.push(sql`f."asOf" <= ${filters.to}::date`);
  if (filters.place) {
    conditions.push(sql`(${placeInSql(sql, sql`f."originId"`, filters, 'place')} OR ${placeInSql(sql, sql`f."destinationId"`, filters, 'place')})`);
  }
  if (filters.origin) conditions.push(placeInSql(sql, sql`f."originId"`, filters, 'origin'));
  if (filters.destination) conditions.push(placeInSql(sql, sql`f."destinationId"`, filters, 'destination'));
  if (filters.publisher) {
    const ids = filters.resolved?.publisherSources;
    conditions.push(ids ? sql`f."sourceId" = ANY(${ids}::int[])` : sql`f."sourceId" IN (SELECT id FROM source WHERE ${publisherSql(sql, filters.publisher)})`);
  }
  if (filters.qualifier) conditions.push(sql`f.qualifier = ANY(${filters.qualifier}::"Qualifier"[])`);
  if (filters.q) {
    // With the matching titles' sources as literal ids, the two halves are a BitmapOr of
    // the quote's trigram index and the sourceId index; with a subquery, the OR can only
    // be checked row by row (a sequential scan of every quote: 0.5 s on the million).
    const ids = filters.resolved?.searchSources;
    const pattern = searchPatternOf(filters.q);
    const byTitle = ids ? sql`f."sourceId" = ANY(${ids}::int[])` : sql`f."sourceId" IN (SELECT id FROM source WHERE title ILIKE ${pattern})`;
    conditions.push(sql`(f.quote ILIKE ${pattern} OR ${byTitle})`);
  }
  return conditions.reduce((all, condition) => sql`${all} AND ${condition}`);
}
