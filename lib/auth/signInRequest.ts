// The body of POST /api/auth/sign-in/email, as JSON or as a form, read once and
// validated before it reaches the throttle and better-auth.
import { z } from 'zod';
import { AppError } from '@/lib/http/AppError';
import { readBoundedBody } from '@/lib/http/readBoundedBody';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import { CONTROL_CHARACTERS } from '@/lib/vocabulary';

const MAX_BODY_BYTES = 8 * 1024;

const schema = z.object({
  email: z
    .string({ message: 'email is required' })
    .trim()
    .min(1, 'email is required')
    .max(320, 'email must be at most 320 characters')
    .refine((v) => !CONTROL_CHARACTERS.test(v), 'email must not contain control characters'),
  password: z.string({ message: 'password is required' }).min(1, 'password is required').max(1000, 'password must be at most 1,000 characters'),
});

export type SignInRequest = z.infer<typeof schema>;

export async function readSignInRequest(request: Request): Promise<SignInRequest> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  const body = await readBoundedBody(request, MAX_BODY_BYTES);
  let input: unknown;
  if (type.startsWith('application/x-www-form-urlencoded')) {
    input = Object.fromEntries(new URLSearchParams(body));
  } else if (type === '' || type.startsWith('application/json')) {
    try {
      input = JSON.parse(body);
    } catch {
      throw new AppError('BAD_REQUEST', 'The body must be JSON such as {"email": "you@example.org", "password": "…"}.');
    }
  } else {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the sign-in as JSON (Content-Type: application/json), got ${type.slice(0, 60)}.`);
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new AppError('BAD_REQUEST', 'The body must be a JSON object with email and password.');
  }
  return parseOrThrow(schema, input);
}
