// zod schemas for creating users and changing their role.
import { z } from 'zod';
import { ROLES } from '@/lib/auth/permissions';

export const roleSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(ROLES, { message: 'Choose a role: admin, editor or analyst.' }));

export const passwordSchema = z
  .string()
  .min(10, 'Use at least 10 characters for the password.')
  .max(200, 'Use at most 200 characters for the password.');

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.').max(254)),
  name: z.string().trim().max(200, 'Keep the name under 200 characters.').default(''),
  role: roleSchema,
  password: passwordSchema,
});
export type NewUserInput = z.input<typeof newUserSchema>;
