// Shared zod field rules for forms and APIs: bounded text, http(s) URLs only, and
// calendar days between 1900 and today.
import { z } from 'zod';

export const EARLIEST_DAY = '1900-01-01';

/** Today in UTC as YYYY-MM-DD, plus one day of slack for reporters east of UTC. */
function latestDay(): string {
  return new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" → a Date at UTC midnight; rejects impossible, pre-1900 and future days. */
export const dayString = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'Enter a date as YYYY-MM-DD.' });
      return z.NEVER;
    }
    const date = new Date(`${v}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== v) {
      ctx.addIssue({ code: 'custom', message: `${v} is not a calendar date.` });
      return z.NEVER;
    }
    if (v < EARLIEST_DAY) {
      ctx.addIssue({ code: 'custom', message: 'Dates before 1900 are not accepted; check the year.' });
      return z.NEVER;
    }
    if (v > latestDay()) {
      ctx.addIssue({ code: 'custom', message: 'The date is in the future; figures report what has happened.' });
      return z.NEVER;
    }
    return date;
  });

/** Checks a Date already parsed elsewhere against the same bounds. */
export function dayProblem(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return 'not a calendar date';
  const v = date.toISOString().slice(0, 10);
  if (v < EARLIEST_DAY) return 'before 1900';
  if (v > latestDay()) return 'in the future';
  return null;
}

export const httpUrl = z
  .string()
  .trim()
  .min(1, 'Enter the URL, starting with https://.')
  .max(2_000, 'The URL is longer than 2,000 characters.')
  .refine((v) => {
    try {
      const url = new URL(v);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
    } catch {
      return false;
    }
  }, 'Enter a web address starting with http:// or https://.');

export const optionalHttpUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(httpUrl.nullable());

export const requiredText = (message: string, max: number) =>
  z.string({ message }).trim().min(1, message).max(max, `Keep this under ${max.toLocaleString('en')} characters.`);

/** Optional free text: blank becomes null; longer than `max` is refused, never cut. */
export const optionalText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .refine((v) => v === null || v.length <= max, `Keep this under ${max.toLocaleString('en')} characters.`);
