// The series-only query parameters: metric (required), interval and include.
import { z } from 'zod';
import { AppError } from '@/lib/http/AppError';
import { INTERVALS, type Interval } from './getSeries';

const schema = z.object({
  metric: z.string({ message: 'metric is required, for example metric=refugees' }).min(1, 'metric is required, for example metric=refugees'),
  interval: z.enum(INTERVALS, { message: `interval must be one of ${INTERVALS.join(', ')}` }).default('day'),
  include: z.enum(['claims'], { message: 'include accepts only "claims"' }).optional(),
});

export function parseSeriesParams(params: URLSearchParams): { metric: string; interval: Interval; includeClaims: boolean } {
  const raw = Object.fromEntries(['metric', 'interval', 'include'].flatMap((k) => (params.get(k)?.trim() ? [[k, params.get(k)!.trim()]] : [])));
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError('BAD_REQUEST', issue.message, String(issue.path[0]));
  }
  return { metric: result.data.metric, interval: result.data.interval, includeClaims: result.data.include === 'claims' };
}
