import { z } from 'zod';
import { dayString, httpUrl, optionalText, requiredText } from '@/lib/validation/fields';

const optionalDay = z.union([dayString, z.date()]).nullish().or(z.literal('').transform(() => null));

export const sourceInputSchema = z.object({
  title: requiredText('Enter the source title.', 500),
  url: httpUrl,
  publisher: optionalText(200),
  publishedAt: optionalDay,
  accessedAt: optionalDay,
  archiveUrl: z.union([z.literal('').transform(() => null), httpUrl]).nullish(),
  // A checkbox sends "on" when ticked and nothing when not.
  preferred: z.union([z.boolean(), z.string()]).optional().transform((v) => v === true || v === 'on' || v === 'true'),
});
export type SourceInput = z.input<typeof sourceInputSchema>;
