import { z } from 'zod';
import { optionalIdField, optionalText, requiredText } from '@/lib/validation/fields';

export const PLACE_TYPES = ['COUNTRY', 'ADMIN1', 'ADMIN2', 'ADMIN3', 'CITY', 'BORDER_CROSSING', 'OTHER'] as const;

const coordinate = (max: number, label: string) =>
  z.union([z.literal('').transform(() => null), z.coerce.number({ message: `${label} must be a number.` }).min(-max, `${label} must be between -${max} and ${max}.`).max(max, `${label} must be between -${max} and ${max}.`)]).nullish();

export const placeInputSchema = z.object({
  name: requiredText('Enter the place name.', 200),
  type: z.enum(PLACE_TYPES, { message: 'Choose a place type.' }).default('OTHER'),
  parentId: optionalIdField,
  code: optionalText(40),
  aliases: z
    .union([z.array(z.string()), z.string()])
    .default([])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((a) => a.trim()).filter(Boolean))
    .refine((v) => v.length <= 50 && v.every((a) => a.length <= 200), 'Keep aliases short: at most 50, each under 200 characters.'),
  latitude: coordinate(90, 'Latitude'),
  longitude: coordinate(180, 'Longitude'),
});
export type PlaceInput = z.input<typeof placeInputSchema>;

/** What the picker's inline "Create place" answers: the new place, or why it failed. */
export type InlinePlaceState = { id: number; name: string } | { error: string } | null;
export type CreatePlaceAction = (prev: InlinePlaceState, name: string) => Promise<InlinePlaceState>;
