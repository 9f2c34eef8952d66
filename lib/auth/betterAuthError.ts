// better-auth's APIError, recognised by its shape rather than its class: Next.js
// bundles better-auth into more than one server chunk, and the instance is shared
// through globalThis, so an error thrown by one copy is not `instanceof` another
// copy's class (which once let wrong passwords on the form go uncounted).

/** The HTTP status of a better-auth APIError, or null when `err` is something else. */
export function betterAuthErrorStatus(err: unknown): number | null {
  if (!(err instanceof Error) || err.name !== 'APIError') return null;
  const status = (err as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : null;
}

/** The message better-auth put in the error body, lower-cased, for telling its 401s apart. */
export function betterAuthErrorMessage(err: unknown): string {
  return String((err as { body?: { message?: unknown } }).body?.message ?? (err as Error).message ?? '').toLowerCase();
}
