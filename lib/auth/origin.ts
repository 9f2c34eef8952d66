// CSRF defence for route handlers that change data: a cookie-authenticated POST,
// PUT, PATCH or DELETE must carry an Origin header naming this site. (Server
// actions get the same check from Next.js itself.)
import { AppError } from '@/lib/http/AppError';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Origins this app answers on: its own host as the request sees it, plus BETTER_AUTH_URL and TRUSTED_ORIGINS. */
export function allowedOrigins(headers: Headers, requestUrl?: string): Set<string> {
  const origins = new Set<string>();
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  if (host) {
    const proto = headers.get('x-forwarded-proto')?.split(',')[0].trim() ?? (requestUrl ? new URL(requestUrl).protocol.replace(':', '') : 'http');
    origins.add(`${proto}://${host}`);
  }
  if (requestUrl) origins.add(new URL(requestUrl).origin);
  for (const configured of [process.env.BETTER_AUTH_URL, ...(process.env.TRUSTED_ORIGINS ?? '').split(',')]) {
    if (configured?.trim()) {
      try {
        origins.add(new URL(configured.trim()).origin);
      } catch {
        // A malformed entry is ignored rather than trusted.
      }
    }
  }
  return origins;
}

export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') return false;
  return allowedOrigins(request.headers, request.url).has(origin);
}

/** Throws FORBIDDEN for a mutating request whose Origin is missing or foreign. */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  if (!isSameOrigin(request)) {
    throw new AppError('FORBIDDEN', 'This request did not come from a Corridor page (missing or foreign Origin header). Reload the page and try again, or use an API token.');
  }
}
