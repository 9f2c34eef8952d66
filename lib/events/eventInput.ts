import { z } from 'zod';
import { dayString, optionalText, requiredText } from '@/lib/validation/fields';

const optionalId = z.union([z.literal('').transform(() => null), z.coerce.number().int().positive('Pick an entry from the list.')]).nullish();

export const eventInputSchema = z
  .object({
    date: z.union([dayString, z.date()]),
    endDate: z.union([z.literal('').transform(() => null), dayString, z.date()]).nullish(),
    title: requiredText('Enter a short title, e.g. "Humanitarian corridor opens".', 200),
    description: optionalText(2_000),
    placeId: optionalId,
    sourceId: optionalId,
  })
  .refine((e) => !e.endDate || e.endDate >= e.date, { path: ['endDate'], message: 'The end date is before the start date.' });
export type EventInput = z.input<typeof eventInputSchema>;
