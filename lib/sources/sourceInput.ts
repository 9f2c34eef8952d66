// What a source needs, as reports come: a publisher, and a title or the day it was
// published. A URL is optional (wire copy, statements and briefings often have none at
// hand). Without a title, the source is named after its publisher and day, the way
// editors cite it: "Reuters, 9 Mar 2022".
import { z } from 'zod';
import { TEXT_LIMITS } from '@/lib/vocabulary';
import { dayString, httpUrl, optionalText } from '@/lib/validation/fields';
import { sourceLabel } from './sourceQuery';

const optionalDay = z
  .union([z.literal('').transform(() => null), dayString, z.date()])
  .nullish()
  .transform((v) => v ?? null);
const optionalUrl = z
  .string()
  .nullish()
  .transform((v) => v?.trim() || null)
  .pipe(httpUrl.nullable());

/** The fields of a source, each checked on its own so a form shows every problem at once. */
export const sourceFieldsSchema = z.object({
  title: optionalText(TEXT_LIMITS.sourceTitle),
  url: optionalUrl,
  publisher: optionalText(TEXT_LIMITS.publisher).refine((v) => v !== null, 'Enter the publisher, e.g. Reuters or UNHCR.'),
  publishedAt: optionalDay,
  accessedAt: optionalDay,
});

type SourceFields = z.output<typeof sourceFieldsSchema>;

/** Checked even when other fields fail, so a form shows this problem with theirs. */
const hasTitleOrDate = (s: { title?: unknown; publishedAt?: unknown }) => !!s.title || !!s.publishedAt;
const TITLE_OR_DATE = { path: ['title'], message: 'Enter a title or the date it was published.', when: () => true };

/** A source without a title is named after its publisher and day. */
export function nameUntitledSource<S extends SourceFields>(s: S): S & { title: string; publisher: string } {
  return { ...s, publisher: s.publisher as string, title: s.title ?? sourceLabel(s.publisher as string, s.publishedAt) };
}

/** The source form's fields: a source's, plus its archive copy and the headline preference. */
export const sourceFormFields = sourceFieldsSchema.extend({
  archiveUrl: optionalUrl,
  // A checkbox sends "on" when ticked and nothing when not.
  preferred: z.union([z.boolean(), z.string()]).optional().transform((v) => v === true || v === 'on' || v === 'true'),
});

export const sourceInputSchema = sourceFormFields.refine(hasTitleOrDate, TITLE_OR_DATE).transform(nameUntitledSource);

/** Source details typed into the figure form or the extract page when the source is new. */
export const newSourceSchema = sourceFieldsSchema.refine(hasTitleOrDate, TITLE_OR_DATE).transform(nameUntitledSource);
export type NewSourceInput = z.output<typeof newSourceSchema>;
export type SourceInput = z.input<typeof sourceInputSchema>;
export type SourceData = z.output<typeof sourceInputSchema>;
