// The figure filters shared by the charts, the /figures table, the JSON API and
// the CSV/NDJSON export, so every view of "the current selection" means the same rows.
//
// Exported API
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
//   metric       metric key ("refugees").
//   from, to     YYYY-MM-DD, inclusive, on the figure's as-of day (a flow's last day).
//   place        id or code; figures whose origin OR destination is the place or any
//                place below it (choosing Sumy Oblast includes the city of Sumy).
//   origin, destination   id or code, descendants included, like place.
//   publisher    organization id or exact name.
//   qualifier    one or more of EXACT, APPROXIMATE, AT_LEAST, AT_MOST, RANGE
//                (comma-separated or repeated).
//   status       one or more of DRAFT, PUBLISHED, RETRACTED; default PUBLISHED.
//                Callers must only pass others through for authorised users.
//   q            case-insensitive substring of the quote or of the source title.
import type { Fragment } from 'postgres';
import { z } from 'zod';
import type { Sql } from '@/lib/db/sql';
import { AppError } from '@/lib/http/AppError';
import { QUALIFIERS, type Qualifier } from './value';

export const FIGURE_STATUSES = ['DRAFT', 'PUBLISHED', 'RETRACTED'] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];

export const FIGURE_FILTER_PARAMS = [
  'metric', 'from', 'to', 'place', 'origin', 'destination', 'publisher', 'qualifier', 'status', 'q',
] as const;

export interface FigureFilters {
  metric?: string;
  from?: string;
  to?: string;
  place?: string;
  origin?: string;
  destination?: string;
  publisher?: string;
  qualifier?: Qualifier[];
  status: FigureStatus[];
  q?: string;
}

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const day = (name: string) =>
  z.string().refine(isRealDay, { message: `${name} must be a real date written YYYY-MM-DD, for example 2022-03-09` });

// Ids are positive integers; codes are ISO 3166 or OCHA P-codes such as UKR or UA59.
const placeRef = (name: string) =>
  z
    .string()
    .max(64, `${name} is too long; use a place id or code such as UA59`)
    .regex(/^[A-Za-z0-9_.-]+$/, `${name} must be a place id or code such as UA59`);

function listOf<T extends string>(name: string, allowed: readonly T[]) {
  return z
    .array(z.string())
    .transform((values) => values.flatMap((v) => v.split(',')).map((v) => v.trim().toUpperCase()).filter(Boolean))
    .refine((values) => values.every((v) => (allowed as readonly string[]).includes(v)), {
      message: `${name} must be one or more of ${allowed.join(', ')}`,
    })
    .transform((values) => [...new Set(values)] as T[]);
}

const filterSchema = z
  .object({
    metric: z.string().max(64, 'metric is too long').regex(/^[a-z0-9_]+$/, 'metric must be a metric key such as refugees').optional(),
    from: day('from').optional(),
    to: day('to').optional(),
    place: placeRef('place').optional(),
    origin: placeRef('origin').optional(),
    destination: placeRef('destination').optional(),
    publisher: z.string().max(200, 'publisher is too long').optional(),
    qualifier: listOf('qualifier', QUALIFIERS).optional(),
    status: listOf('status', FIGURE_STATUSES).optional(),
    q: z.string().max(200, 'q (search) must be at most 200 characters').optional(),
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
    out[key] = key === 'qualifier' || key === 'status' ? values : values[0];
  }
  return out;
}

/** Validates filter parameters; throws AppError('BAD_REQUEST') naming the first bad one. */
export function parseFigureFilters(input: SearchParamsInput): FigureFilters {
  const result = filterSchema.safeParse(readParams(input));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError('BAD_REQUEST', issue.message, String(issue.path[0] ?? ''));
  }
  const { status, qualifier, ...rest } = result.data;
  return {
    ...rest,
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
function placeTreeSql(sql: Sql, ref: string): Fragment {
  const root = /^\d+$/.test(ref) ? sql`id = ${Number(ref)}` : sql`code = ${ref}`;
  return sql`(
    WITH RECURSIVE tree AS (
      SELECT id FROM place WHERE ${root}
      UNION
      SELECT p.id FROM place p JOIN tree t ON p."parentId" = t.id
    ) SELECT id FROM tree)`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The filters as one SQL condition over `figure f`; safe to embed in any SELECT or COPY. */
export function figureFilterSql(sql: Sql, filters: FigureFilters): Fragment {
  const conditions: Fragment[] = [sql`f.status = ANY(${filters.status}::"FigureStatus"[])`];
  if (filters.metric) conditions.push(sql`f."metricId" = (SELECT id FROM metric WHERE key = ${filters.metric})`);
  if (filters.from) conditions.push(sql`f."asOf" >= ${filters.from}::date`);
  if (filters.to) conditions.push(sql`f."asOf" <= ${filters.to}::date`);
  if (filters.place) {
    const tree = placeTreeSql(sql, filters.place);
    conditions.push(sql`(f."originId" IN ${tree} OR f."destinationId" IN ${tree})`);
  }
  if (filters.origin) conditions.push(sql`f."originId" IN ${placeTreeSql(sql, filters.origin)}`);
  if (filters.destination) conditions.push(sql`f."destinationId" IN ${placeTreeSql(sql, filters.destination)}`);
  if (filters.publisher) {
    const org = /^\d+$/.test(filters.publisher)
      ? sql`"publisherId" = ${Number(filters.publisher)}`
      : sql`"publisherId" = (SELECT id FROM organization WHERE name = ${filters.publisher})`;
    conditions.push(sql`f."sourceId" IN (SELECT id FROM source WHERE ${org})`);
  }
  if (filters.qualifier) conditions.push(sql`f.qualifier = ANY(${filters.qualifier}::"Qualifier"[])`);
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(sql`(f.quote ILIKE ${pattern} OR f."sourceId" IN (SELECT id FROM source WHERE title ILIKE ${pattern}))`);
  }
  return conditions.reduce((all, condition) => sql`${all} AND ${condition}`);
}
