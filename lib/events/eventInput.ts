import { z } from 'zod';
import { dayString, optionalIdField, optionalText, requiredText } from '@/lib/validation/fields';

export const eventInputSchema = z
  .object({
    date: z.union([dayString, z.date()]),
    endDate: z.union([z.literal('').transform(() => null), dayString, z.date()]).nullish(),
    title: requiredText('Enter a short title, e.g. "Humanitarian corridor opens".', 200),
    description: optionalText(2_000),
    placeId: optionalIdField,
    sourceId: optionalIdField,
  })
  .refine((e) => !e.endDate || e.endDate >= e.date, { path: ['endDate'], message: 'The end date is before the start date.' });
export type EventInput = z.input<typeof eventInputSchema>;
