// The extract page's "Save selected as drafts" payload: the source typed once and each kept
// candidate as the editor corrected it, all as strings. Validated with the figure form's rules
// (parseStatedValue, newSourceSchema, the shared field rules) and turned into typed drafts.
import { z } from 'zod';
import { newSourceSchema, parseFormValue, readFormValue } from '@/lib/figures/figureInput';
import { QUALIFIERS, TEXT_LIMITS } from '@/lib/vocabulary';
import { formatExact } from '@/lib/figures/formatValue';
import { dayString, optionalIdField, optionalText } from '@/lib/validation/fields';
import type { ExtractedDraft, ExtractedSource } from './saveExtractedDrafts';
import type { DbCandidate } from './extractFromDatabase';

export const MAX_DRAFTS_PER_SAVE = 200;

/** One candidate as the page edits it: every field a string, keyed so errors find their way back. */
export interface CandidateFormValues {
  key: string;
  metricId: string;
  qualifier: string;
  value: string;
  valueAsStated: string;
  asOf: string;
  originId: string;
  destinationId: string;
  attribution: string;
  quote: string;
}

const optionalId = optionalIdField;

export const candidateFormSchema = z
  .object({
    key: z.string().max(40),
    metricId: optionalId.refine((v) => v !== null, 'Choose a metric.'),
    qualifier: z.union([z.literal(''), z.enum(QUALIFIERS)], { message: 'Choose a qualifier.' }).default(''),
    value: z.string().max(TEXT_LIMITS.valueAsStated, `Keep the value under ${TEXT_LIMITS.valueAsStated} characters.`).default(''),
    valueAsStated: optionalText(TEXT_LIMITS.valueAsStated),
    asOf: z.string({ message: 'Enter the date the figure is true for.' }).trim().min(1, 'Enter the date the figure is true for.').pipe(dayString),
    originId: optionalId,
    destinationId: optionalId,
    attribution: optionalText(TEXT_LIMITS.attribution),
    quote: optionalText(TEXT_LIMITS.quote).refine((v) => v !== null, 'Keep the quote: it is what cites the figure.'),
  })
  // The value is read even when other fields fail, so the page shows every problem at once.
  .refine((form) => statedValue(form).ok, { path: ['value'], when: () => true, error: (issue) => messageOf(statedValue(issue.input)) })
  .transform((form, ctx) => {
    const parsed = parseFormValue(form.value, form.qualifier, ctx);
    if (!parsed) return z.NEVER;
    const draft: ExtractedDraft = {
      metricId: form.metricId as number,
      ...parsed.value,
      valueAsStated: form.valueAsStated ?? (form.value.trim() || null),
      asOf: form.asOf,
      originId: form.originId,
      destinationId: form.destinationId,
      quote: form.quote,
      attribution: form.attribution,
    };
    return { key: form.key, draft };
  });

function statedValue(input: unknown) {
  const form = (input ?? {}) as { value?: unknown; qualifier?: unknown };
  const qualifier = (QUALIFIERS as readonly unknown[]).includes(form.qualifier) ? (form.qualifier as (typeof QUALIFIERS)[number]) : '';
  return readFormValue(typeof form.value === 'string' ? form.value : '', qualifier);
}
const messageOf = (result: ReturnType<typeof statedValue>) => (result.ok ? undefined : result.message);

export const saveDraftsSchema = z.object({
  source: newSourceSchema,
  candidates: z
    .array(candidateFormSchema)
    .min(1, 'Select at least one figure to save.')
    .max(MAX_DRAFTS_PER_SAVE, `Save at most ${MAX_DRAFTS_PER_SAVE} figures at a time.`),
});

export interface SaveDraftsInput {
  source: { url: string; title: string; publisher: string; publishedAt: string };
  candidates: CandidateFormValues[];
}

export interface ParsedDrafts {
  source: ExtractedSource;
  keys: string[];
  drafts: ExtractedDraft[];
}

export type DraftErrors = Record<string, string>;

/**
 * Validates the whole payload. Errors are keyed `source.<field>` or `<candidate key>.<field>`
 * so the page can show each one beside its input.
 */
export function parseSaveDrafts(input: unknown): { ok: true; value: ParsedDrafts } | { ok: false; errors: DraftErrors } {
  const result = saveDraftsSchema.safeParse(input);
  if (result.success) {
    const { source, candidates } = result.data;
    return { ok: true, value: { source, keys: candidates.map((c) => c.key), drafts: candidates.map((c) => c.draft) } };
  }
  const raw = input as Partial<SaveDraftsInput> | null;
  const errors: DraftErrors = {};
  for (const issue of result.error.issues) {
    const [section, index, field] = issue.path.map(String);
    let name = section ?? 'form';
    if (section === 'source') name = `source.${index ?? 'url'}`;
    else if (section === 'candidates' && index !== undefined) name = `${raw?.candidates?.[Number(index)]?.key ?? index}.${field ?? 'value'}`;
    errors[name] ??= issue.message;
  }
  return { ok: false, errors };
}

// Lib errors name figure parameters; the page names its inputs.
const PARAM_TO_FIELD: Record<string, string> = { low: 'value', high: 'value', valueAsStated: 'valueAsStated', periodStart: 'asOf', periodEnd: 'asOf' };

/** Maps a saveExtractedDrafts error param ("candidates.1.originId", "source.url") to a page field name. */
export function fieldForParam(param: string | undefined, keys: string[]): string {
  if (!param) return 'form';
  const [section, index, field] = param.split('.');
  if (section === 'source') return `source.${index}`;
  if (section === 'candidates' && index !== undefined) {
    const key = keys[Number(index)] ?? index;
    return `${key}.${field ? (PARAM_TO_FIELD[field] ?? field) : 'value'}`;
  }
  return 'form';
}

/** A fresh candidate as the page's editable strings, keyed by its position in the extraction. */
export function candidateFormValues(candidate: DbCandidate, key: string, metricIds: Record<string, number>): CandidateFormValues {
  const value = candidate.qualifier === 'RANGE' ? `${formatExact(candidate.low)}–${formatExact(candidate.high)}` : formatExact(candidate.low);
  return {
    key,
    metricId: metricIds[candidate.metric] !== undefined ? String(metricIds[candidate.metric]) : '',
    qualifier: candidate.qualifier,
    value,
    valueAsStated: candidate.asStated,
    asOf: candidate.date ?? '',
    originId: candidate.origin?.placeId ? String(candidate.origin.placeId) : '',
    destinationId: candidate.destination?.placeId ? String(candidate.destination.placeId) : '',
    attribution: candidate.attribution ?? '',
    quote: candidate.quote,
  };
}
