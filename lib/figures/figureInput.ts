// What a figure is made of once validated, and the zod schemas that get it there:
// `figureDataSchema` for typed callers (import, extraction) and `parseFigureForm`
// for the editor's form, which accepts the value the way sources state it and
// reports every problem at once.
import { z } from 'zod';
import { MAX_COUNT, QUALIFIERS, TEXT_LIMITS, type Qualifier, type StatedValue } from '@/lib/vocabulary';
import { parseStatedValue } from './parseStatedValue';
import { optionalDayField, optionalIdField, optionalText } from '@/lib/validation/fields';
import { newSourceSchema, type NewSourceInput } from '@/lib/sources/sourceInput';

export interface FigureData {
  metricId: number;
  qualifier: Qualifier;
  low: bigint;
  high: bigint;
  valueAsStated?: string | null;
  /** The day the figure is true for; for a flow, the last day of its period. */
  asOf: Date;
  periodStart?: Date | null;
  periodEnd?: Date | null;
  originId?: number | null;
  destinationId?: number | null;
  sourceId: number;
  quote?: string | null;
  attribution?: string | null;
  notes?: string | null;
  importRunId?: number | null;
}

const count = (param: string) =>
  z
    .bigint({ message: `${param} must be a whole number.` })
    .min(0n, `${param} cannot be negative; counts start at zero.`)
    .max(MAX_COUNT, `${param} is larger than ten billion; check the number.`);

const id = (label: string) => z.number({ message: `Choose a ${label}.` }).int().positive(`Choose a ${label}.`);

function checkValue(v: { qualifier: Qualifier; low: bigint; high: bigint }, ctx: z.RefinementCtx) {
  if (v.low > v.high) ctx.addIssue({ code: 'custom', path: ['low'], message: 'The low value is greater than the high value; swap them.' });
  else if (v.qualifier === 'RANGE' && v.low === v.high) ctx.addIssue({ code: 'custom', path: ['high'], message: 'A range needs two different values.' });
  else if (v.qualifier !== 'RANGE' && v.low !== v.high) ctx.addIssue({ code: 'custom', path: ['qualifier'], message: 'Two different values make a range; choose "Range".' });
}

function checkPeriod(v: { periodStart?: Date | null; periodEnd?: Date | null }, ctx: z.RefinementCtx) {
  if (v.periodStart && v.periodEnd && v.periodStart > v.periodEnd) {
    ctx.addIssue({ code: 'custom', path: ['periodStart'], message: 'The period starts after it ends; swap the dates.' });
  }
}

export const figureDataSchema = z
  .object({
    metricId: id('metric'),
    qualifier: z.enum(QUALIFIERS, { message: 'Choose a qualifier.' }),
    low: count('Low value'),
    high: count('High value'),
    valueAsStated: optionalText(TEXT_LIMITS.valueAsStated),
    asOf: z.date({ message: 'Enter a date.' }),
    periodStart: z.date().nullish(),
    periodEnd: z.date().nullish(),
    originId: id('place').nullish(),
    destinationId: id('place').nullish(),
    sourceId: id('source'),
    quote: optionalText(TEXT_LIMITS.quote),
    attribution: optionalText(TEXT_LIMITS.attribution),
    notes: optionalText(TEXT_LIMITS.notes),
    importRunId: z.number().int().positive().nullish(),
  })
  .superRefine(checkValue)
  .superRefine(checkPeriod);

// ─── The editor's form ───────────────────────────────────────────────────────

export { newSourceSchema, type NewSourceInput };

/** Reads a value the way sources state it ("some 60", "2.1–2.2 million"), within the count limit. */
export function readFormValue(value: string, qualifier: Qualifier | '' | null | undefined): { ok: true; value: StatedValue } | { ok: false; message: string } {
  if (!value.trim()) return { ok: false, message: 'Enter the value as the source states it, e.g. "some 60" or "2.1–2.2 million".' };
  const parsed = parseStatedValue(value, qualifier || undefined);
  if (!parsed.ok) return parsed;
  if (parsed.value.high > MAX_COUNT) return { ok: false, message: 'The value is larger than ten billion; check the number.' };
  return parsed;
}

/** `readFormValue` inside a zod transform, reporting problems on `value`. */
export function parseFormValue(value: string, qualifier: Qualifier | '' | null | undefined, ctx: z.RefinementCtx): { value: StatedValue } | null {
  const parsed = readFormValue(value, qualifier);
  if (parsed.ok) return parsed;
  ctx.addIssue({ code: 'custom', path: ['value'], message: parsed.message });
  return null;
}

/** Each field of the figure form with its own rule; `parseFigureForm` runs them all, then the rules that join fields. */
const figureFormFields = {
  metricId: optionalIdField,
  value: z.string().max(TEXT_LIMITS.valueAsStated, `Keep the value under ${TEXT_LIMITS.valueAsStated} characters.`).default(''),
  qualifier: z.union([z.literal(''), z.enum(QUALIFIERS)], { message: 'Choose a qualifier from the list.' }).default(''),
  asOf: optionalDayField,
  periodStart: optionalDayField,
  periodEnd: optionalDayField,
  originId: optionalIdField,
  destinationId: optionalIdField,
  sourceId: optionalIdField,
  sourceMode: z.enum(['existing', 'new'], { message: 'Choose an existing source or a new one.' }).default('existing'),
  quote: optionalText(TEXT_LIMITS.quote),
  attribution: optionalText(TEXT_LIMITS.attribution),
  notes: optionalText(TEXT_LIMITS.notes),
  confirmDuplicate: z.string().optional().transform((v) => v === 'on' || v === 'true' || v === '1'),
};
type FormFields = { [K in keyof typeof figureFormFields]: z.output<(typeof figureFormFields)[K]> };

/** The new-source inputs and the source field each one fills. */
export const NEW_SOURCE_INPUTS = { sourceTitle: 'title', sourceUrl: 'url', sourcePublisher: 'publisher', sourcePublishedAt: 'publishedAt', sourceAccessedAt: 'accessedAt' } as const;

/** A figure as the form submits it: an existing source's id, or a new source to create with it. */
export type FigureFormInput = Omit<FigureData, 'sourceId' | 'importRunId'> & {
  sourceId: number | null;
  newSource: NewSourceInput | null;
  confirmDuplicate: boolean;
};

export type FormErrors = Record<string, string>;

/**
 * Validates the whole figure form and reports every problem at once, keyed by input
 * name, so the editor fixes them in one pass instead of one group per save.
 */
export function parseFigureForm(values: Record<string, string | undefined>): { ok: true; data: FigureFormInput } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const add = (field: string, message: string) => void (errors[field] ??= message);
  const f = {} as FormFields;
  for (const [name, rule] of Object.entries(figureFormFields)) {
    const result = rule.safeParse(values[name]);
    if (result.success) (f as Record<string, unknown>)[name] = result.data;
    else add(name, result.error.issues[0].message);
  }

  if (f.metricId === null) add('metricId', 'Choose a metric.');
  const stated = errors.value || errors.qualifier ? null : readFormValue(f.value, f.qualifier);
  if (stated && !stated.ok) add('value', stated.message);

  // A count for one day may give either end of its period; a running total gives "as of".
  const periodStart = f.periodStart ?? f.periodEnd ?? null;
  const periodEnd = f.periodEnd ?? f.periodStart ?? null;
  const asOf = f.asOf ?? periodEnd;
  if (!asOf && !errors.asOf && !errors.periodStart && !errors.periodEnd) add('asOf', 'Enter the day the figure is true for (for a count, the day or period it covers).');
  if (periodStart && periodEnd && periodStart > periodEnd) add('periodStart', 'The period starts after it ends; swap the dates.');

  let newSource: NewSourceInput | null = null;
  if (f.sourceMode === 'new') {
    const source = newSourceSchema.safeParse(Object.fromEntries(Object.entries(NEW_SOURCE_INPUTS).map(([input, field]) => [field, values[input] ?? ''])));
    if (source.success) newSource = source.data;
    else {
      const inputFor = Object.fromEntries(Object.entries(NEW_SOURCE_INPUTS).map(([input, field]) => [field, input]));
      for (const issue of source.error.issues) add(inputFor[String(issue.path[0])] ?? 'sourceTitle', issue.message);
    }
  } else if (f.sourceId === null && !errors.sourceId) {
    add('sourceId', 'Choose a source, or create a new one.');
  }

  if (Object.keys(errors).length > 0 || !stated?.ok || !asOf) return { ok: false, errors };
  return {
    ok: true,
    data: {
      metricId: f.metricId as number,
      qualifier: stated.value.qualifier,
      low: stated.value.low,
      high: stated.value.high,
      valueAsStated: f.value.trim() || null,
      asOf,
      periodStart: f.periodStart || f.periodEnd ? periodStart : null,
      periodEnd: f.periodStart || f.periodEnd ? periodEnd : null,
      originId: f.originId,
      destinationId: f.destinationId,
      sourceId: f.sourceMode === 'new' ? null : f.sourceId,
      newSource,
      quote: f.quote,
      attribution: f.attribution,
      notes: f.notes,
      confirmDuplicate: f.confirmDuplicate,
    },
  };
}

/** True when the quote contains the number as the editor stated it ("2.1 million" in "…some 2.1 million people…"). */
export function quoteContainsValue(quote: string | null | undefined, valueAsStated: string | null | undefined): boolean {
  if (!quote || !valueAsStated) return true;
  const normalise = (s: string) => s.toLowerCase().replace(/[\u00a0\u202f]/g, ' ').replace(/[–—]/g, '-').replace(/\s+/g, ' ');
  const q = normalise(quote);
  const numbers = normalise(valueAsStated).match(/\d[\d,. ]*\d|\d/g) ?? [];
  return numbers.every((n) => q.includes(n.trim()));
}
