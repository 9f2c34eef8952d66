// The series-only query parameters: metric (required), interval, include, and
// the place breakdown (by, places). The dashboard reads the same interval and
// breakdown rules (interval optional there: it picks one; metric from the filters).
import { z } from 'zod';
import { INTERVALS, type Interval } from '@/lib/vocabulary';
import { AppError } from '@/lib/http/AppError';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import { isPlaceRef, type SearchParamsInput } from './filters';

export const BREAKDOWNS = ['destination', 'origin'] as const;
export type BreakdownBy = (typeof BREAKDOWNS)[number];
/** A comparison names two to six places; a breakdown without places shows the busiest ones. */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 6;

export interface Breakdown {
  by: BreakdownBy;
  /** Place ids or codes to compare; absent means the places with the most claims. */
  places?: string[];
}

const breakdownShape = {
  by: z
    .enum(BREAKDOWNS, { message: `by must be one of ${BREAKDOWNS.join(', ')}` })
    .meta({ description: 'One series per place instead of one: the places as destinations or as origins.' })
    .optional(),
  places: z
    .string()
    .meta({
      description: `With by: ${COMPARE_MIN} to ${COMPARE_MAX} place ids or codes to compare (POL,HUN), comma-separated or repeated, in that order. Else the places with the most claims in view.`,
    })
    .transform((v) => [...new Set(v.split(',').map((p) => p.trim()).filter(Boolean))])
    .refine((refs) => refs.every(isPlaceRef), 'places must be place ids or codes separated by commas, such as POL,HUN')
    .refine((refs) => refs.length >= COMPARE_MIN && refs.length <= COMPARE_MAX, `places must name ${COMPARE_MIN} to ${COMPARE_MAX} places to compare`)
    .optional(),
};

function toBreakdown(data: { by?: BreakdownBy; places?: string[] }): Breakdown | undefined {
  if (data.places && !data.by) throw new AppError('BAD_REQUEST', 'places compares places within a breakdown: add by=destination or by=origin', 'places');
  return data.by ? { by: data.by, ...(data.places ? { places: data.places } : {}) } : undefined;
}

const interval = z
  .enum(INTERVALS, { message: `interval must be one of ${INTERVALS.join(', ')}` })
  .meta({ description: 'Bucket size: a week starts on Monday. A stock shows the last day with claims, a flow the sum.' });

/** The series' own parameters (the figure filters come on top); the API reference is built from it. */
export const seriesParamsSchema = z.object({
  metric: z
    .string({ message: 'metric is required, for example metric=refugees' })
    .min(1, 'metric is required, for example metric=refugees')
    .meta({ description: 'A metric key (refugees, evacuees, buses, …). An unknown key is a 404.' }),
  interval: interval.default('day'),
  include: z
    .enum(['claims'], { message: 'include accepts only "claims"' })
    .meta({ description: "claims: each point also carries claimDetails, its figureIds' claims with citations." })
    .optional(),
  ...breakdownShape,
});

/** The first non-blank value of each named parameter (places: all values, joined). */
function pick(input: SearchParamsInput, keys: readonly string[]): Record<string, string> {
  const all = (key: string) => (input instanceof URLSearchParams ? input.getAll(key) : ([] as string[]).concat(input[key] ?? [])).map((v) => v.trim()).filter(Boolean);
  return Object.fromEntries(keys.flatMap((k) => (all(k).length ? [[k, k === 'places' ? all(k).join(',') : all(k)[0]]] : [])));
}

export interface SeriesParams { metric: string; interval: Interval; includeClaims: boolean; breakdown?: Breakdown }

export function parseSeriesParams(params: SearchParamsInput): SeriesParams {
  const data = parseOrThrow(seriesParamsSchema, pick(params, Object.keys(seriesParamsSchema.shape)));
  const breakdown = toBreakdown(data);
  return { metric: data.metric, interval: data.interval, includeClaims: data.include === 'claims', ...(breakdown ? { breakdown } : {}) };
}

/** The overview's optional breakdown (by, places), read by the same rules as the series API's. */
export function parseBreakdownParams(params: SearchParamsInput): Breakdown | undefined {
  return toBreakdown(parseOrThrow(z.object(breakdownShape), pick(params, ['by', 'places'])));
}

/** The dashboard's optional interval: absent means "fit the date range"; a bad one is a 400. */
export function parseIntervalParam(params: SearchParamsInput): Interval | undefined {
  return parseOrThrow(z.object({ interval: interval.optional() }), pick(params, ['interval'])).interval;
}
