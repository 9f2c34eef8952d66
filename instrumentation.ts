// Errors Next.js catches while rendering a page or running a server action end up
// here: they are logged through the app's one error path under the digest that the
// error page shows the user as its request id (app/error.tsx).
import type { Instrumentation } from 'next';

export const onRequestError: Instrumentation.onRequestError = async (err, request) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logUnexpectedError } = await import('@/lib/http/errors');
  const requestId = (err as { digest?: string }).digest ?? 'unknown';
  logUnexpectedError(err, { requestId, where: `${request.method} ${request.path}` });
};
