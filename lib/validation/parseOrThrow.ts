// Turns a zod result into data or an AppError naming the first bad field.
import type { z } from 'zod';
import { AppError } from '@/lib/http/AppError';

/** A URL query read with `schema`: the parameters its shape names, each once (its first value). */
export function parseQueryOrThrow<S extends z.ZodObject>(schema: S, params: URLSearchParams): z.output<S> {
  return parseOrThrow(schema, Object.fromEntries(Object.keys(schema.shape).flatMap((k) => (params.has(k) ? [[k, params.get(k)]] : []))));
}

/** `param` names the field when the schema validates one bare value (a role, a token name). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, param?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new AppError('BAD_REQUEST', issue.message, issue.path.map(String).join('.') || param);
}
