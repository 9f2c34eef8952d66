import { z } from 'zod';
import { optionalText, requiredText } from '@/lib/validation/fields';

export const metricInputSchema = z.object({
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, 'Use 2–40 lowercase letters, digits or underscores, starting with a letter (e.g. "refugees").'),
  label: requiredText('Enter a label, e.g. "Refugees".', 100),
  unit: requiredText('Enter the unit as a plural noun, e.g. "people".', 50),
  kind: z.enum(['STOCK', 'FLOW'], { message: 'Choose STOCK (a running total) or FLOW (a count per period).' }),
  hxlTag: z.string().trim().regex(/^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/, 'Enter an HXL hashtag such as #affected+refugees.'),
  description: optionalText(2_000),
  keywords: z
    .union([z.array(z.string()), z.string()])
    .default([])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((k) => k.trim().toLowerCase()).filter(Boolean))
    .refine((v) => v.length <= 100, 'At most 100 keywords.'),
});
export type MetricInput = z.input<typeof metricInputSchema>;
