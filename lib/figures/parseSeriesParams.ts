// The series-only query parameters: metric (required), interval and include.
// The dashboard reads the same interval rule (optional there: it picks one).
import { z } from 'zod';
import { INTERVALS, type Interval } from '@/lib/vocabulary';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import type { SearchParamsInput } from './filters';

const interval = z.enum(INTERVALS, { message: `interval must be one of ${INTERVALS.join(', ')}` });

const schema = z.object({
  metric: z.string({ message: 'metric is required, for example metric=refugees' }).min(1, 'metric is required, for example metric=refugees'),
  interval: interval.default('day'),
  include: z.enum(['claims'], { message: 'include accepts only "claims"' }).optional(),
});

/** The first non-blank value of each named parameter. */
function pick(input: SearchParamsInput, keys: readonly string[]): Record<string, string> {
  const first = (key: string) => (input instanceof URLSearchParams ? input.get(key) : ([] as string[]).concat(input[key] ?? [])[0]) ?? '';
  return Object.fromEntries(keys.flatMap((k) => (first(k).trim() ? [[k, first(k).trim()]] : [])));
}

export function parseSeriesParams(params: SearchParamsInput): { metric: string; interval: Interval; includeClaims: boolean } {
  const data = parseOrThrow(schema, pick(params, ['metric', 'interval', 'include']));
  return { metric: data.metric, interval: data.interval, includeClaims: data.include === 'claims' };
}

/** The dashboard's optional interval: absent means "fit the date range"; a bad one is a 400. */
export function parseIntervalParam(params: SearchParamsInput): Interval | undefined {
  return parseOrThrow(z.object({ interval: interval.optional() }), pick(params, ['interval'])).interval;
}
