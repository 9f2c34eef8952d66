// What a figure is made of once validated, and the zod schemas that get it there:
// `figureDataSchema` for typed callers (import, extraction) and `figureFormSchema`
// for the editor's form, which accepts the value the way sources state it.
import { z } from 'zod';
import { MAX_COUNT, QUALIFIERS, TEXT_LIMITS, type Qualifier, type StatedValue } from '@/lib/vocabulary';
import { parseStatedValue } from './parseStatedValue';
import { httpUrl, optionalDayField, optionalIdField, optionalText, requiredText } from '@/lib/validation/fields';


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

const optionalId = optionalIdField;
const optionalDay = optionalDayField;

/** Source details typed into the form when the source is not in the database yet. */
export const newSourceSchema = z.object({
  url: httpUrl,
  title: requiredText('Enter the source title.', TEXT_LIMITS.sourceTitle),
  publisher: optionalText(TEXT_LIMITS.publisher),
  publishedAt: optionalDay,
  accessedAt: optionalDay,
});
export type NewSourceInput = z.infer<typeof newSourceSchema>;

/**
 * Reads the value field of a form ("2.1–2.2 million", with an optional qualifier
 * select) inside a zod transform, reporting problems on `value`.
 */
export function parseFormValue(value: string, qualifier: Qualifier | '' | null | undefined, ctx: z.RefinementCtx): { value: StatedValue } | null {
  const parsed = parseStatedValue(value, qualifier || undefined);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: parsed.message });
    return null;
  }
  if (parsed.value.high > MAX_COUNT) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'The value is larger than ten billion; check the number.' });
    return null;
  }
  return parsed;
}

export const figureFormSchema = z
  .object({
    metricId: optionalId.refine((v) => v !== null, 'Choose a metric.'),
    value: z.string().max(TEXT_LIMITS.valueAsStated, `Keep the value under ${TEXT_LIMITS.valueAsStated} characters.`).default(''),
    qualifier: z.union([z.literal(''), z.enum(QUALIFIERS)]).default(''),
    asOf: optionalDay,
    periodStart: optionalDay,
    periodEnd: optionalDay,
    originId: optionalId,
    destinationId: optionalId,
    sourceId: optionalId,
    sourceMode: z.enum(['existing', 'new']).default('existing'),
    sourceUrl: z.string().default(''),
    sourceTitle: z.string().default(''),
    sourcePublisher: z.string().default(''),
    sourcePublishedAt: z.string().default(''),
    sourceAccessedAt: z.string().default(''),
    quote: optionalText(TEXT_LIMITS.quote),
    attribution: optionalText(TEXT_LIMITS.attribution),
    notes: optionalText(TEXT_LIMITS.notes),
    confirmDuplicate: z.string().optional().transform((v) => v === 'on' || v === 'true' || v === '1'),
  })
  .transform((form, ctx) => {
    const parsed = parseFormValue(form.value, form.qualifier, ctx);
    if (!parsed) return z.NEVER;
    let newSource: NewSourceInput | null = null;
    if (form.sourceMode === 'new') {
      const source = newSourceSchema.safeParse({
        url: form.sourceUrl,
        title: form.sourceTitle,
        publisher: form.sourcePublisher,
        publishedAt: form.sourcePublishedAt,
        accessedAt: form.sourceAccessedAt,
      });
      if (!source.success) {
        for (const issue of source.error.issues) {
          const field = String(issue.path[0] ?? 'url');
          ctx.addIssue({ code: 'custom', path: [`source${field[0].toUpperCase()}${field.slice(1)}`], message: issue.message });
        }
        return z.NEVER;
      }
      newSource = source.data;
    } else if (form.sourceId === null) {
      ctx.addIssue({ code: 'custom', path: ['sourceId'], message: 'Choose a source, or create a new one.' });
      return z.NEVER;
    }
    return {
      metricId: form.metricId as number,
      qualifier: parsed.value.qualifier,
      low: parsed.value.low,
      high: parsed.value.high,
      valueAsStated: form.value.trim() || null,
      asOf: form.asOf ?? form.periodEnd ?? null,
      periodStart: form.periodStart ?? null,
      periodEnd: form.periodEnd ?? null,
      originId: form.originId,
      destinationId: form.destinationId,
      sourceId: form.sourceId,
      newSource,
      quote: form.quote,
      attribution: form.attribution,
      notes: form.notes,
      confirmDuplicate: form.confirmDuplicate,
    };
  });

export type FigureFormInput = z.output<typeof figureFormSchema>;

/** True when the quote contains the number as the editor stated it ("2.1 million" in "…some 2.1 million people…"). */
export function quoteContainsValue(quote: string | null | undefined, valueAsStated: string | null | undefined): boolean {
  if (!quote || !valueAsStated) return true;
  const normalise = (s: string) => s.toLowerCase().replace(/[\u00a0\u202f]/g, ' ').replace(/[–—]/g, '-').replace(/\s+/g, ' ');
  const q = normalise(quote);
  const numbers = normalise(valueAsStated).match(/\d[\d,. ]*\d|\d/g) ?? [];
  return numbers.every((n) => q.includes(n.trim()));
}
