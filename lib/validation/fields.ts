// Shared zod field rules for forms and APIs, built on the vocabulary's date, id
// and text rules: bounded text, http(s) URLs only, calendar days from 1900 to today.
import { z } from 'zod';
import { CONTROL_CHARACTERS, DAY_EXAMPLE, TEXT_LIMITS, dayProblem, isRecordId, toUtcDate } from '@/lib/vocabulary';

/** "YYYY-MM-DD" → a Date at UTC midnight; rejects impossible, pre-1900 and future days. */
export const dayString = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const problem = dayProblem(v);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v} is ${problem}.` : `Enter a date as YYYY-MM-DD, for example ${DAY_EXAMPLE}.` });
      return z.NEVER;
    }
    return toUtcDate(v);
  });

/**
 * An optional reference to a record: a picker's hidden field ("" when nothing is
 * chosen) or a number from a typed caller. Anything else is refused, ids past
 * 2^31 included, so a bad id is a 400 and never reaches the database.
 */
export const optionalIdField = z.union([z.number(), z.string(), z.null()]).optional().transform((v, ctx) => {
  const text = v === null || v === undefined ? '' : String(v).trim();
  if (text === '') return null;
  if (!isRecordId(text)) {
    ctx.addIssue({ code: 'custom', message: 'Pick an entry from the list.' });
    return z.NEVER;
  }
  return Number(text);
});

/** Blank date inputs submit ""; they count as absent so real errors keep their message. */
export const optionalDayField = z.preprocess((v) => (v === '' || v === null ? undefined : v), dayString.optional());

export const httpUrl = z
  .string()
  .trim()
  .min(1, 'Enter the URL, starting with https://.')
  .max(TEXT_LIMITS.url, `The URL is longer than ${TEXT_LIMITS.url.toLocaleString('en')} characters.`)
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

/** How many suggestions a search route answers with: 1 to 50, `fallback` when absent. */
export const suggestionLimit = (fallback: number) =>
  z.coerce
    .number({ message: 'limit must be a whole number from 1 to 50' })
    .int('limit must be a whole number from 1 to 50')
    .min(1, 'limit must be a whole number from 1 to 50')
    .max(50, 'limit must be a whole number from 1 to 50')
    .default(fallback)
    .meta({ description: `How many to answer with, 1 to 50 (default ${fallback}).` });

/** A query parameter a person typed (a search): bounded, and without NUL or other control characters. */
export const searchText = (name: string, max: number) =>
  z
    .string()
    .max(max, `${name} must be at most ${max} characters`)
    .refine((v) => !CONTROL_CHARACTERS.test(v), `${name} must not contain control characters such as NUL`);

const noControlCharacters = (v: string | null) => v === null || !CONTROL_CHARACTERS.test(v);
const CONTROL_MESSAGE = 'Remove the control characters (such as NUL) from this text.';

export const requiredText = (message: string, max: number) =>
  z
    .string({ message })
    .trim()
    .min(1, message)
    .max(max, `Keep this under ${max.toLocaleString('en')} characters.`)
    .refine(noControlCharacters, CONTROL_MESSAGE);

/** Optional free text: blank becomes null; longer than `max` is refused, never cut. */
export const optionalText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .refine((v) => v === null || v.length <= max, `Keep this under ${max.toLocaleString('en')} characters.`)
    .refine(noControlCharacters, CONTROL_MESSAGE);
