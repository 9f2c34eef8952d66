// CSRF defence: a cookie-authenticated POST, PUT, PATCH or DELETE to a route
// handler, and every cookie-authenticated server action (lib/auth/serverAction.ts),
// must carry an Origin header naming this site. (Next.js's own server-action check
// lets a request without Origin through.) The Host and X-Forwarded-* headers read
// here are the ones the server left after dropping those not sent by a trusted
// proxy (lib/http/forwarded.ts), so a client cannot name its own origin as ours.
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

export function isSameOrigin(headers: Headers, requestUrl?: string): boolean {
  const origin = headers.get('origin');
  if (!origin || origin === 'null') return false;
  return allowedOrigins(headers, requestUrl).has(origin);
}

const crossOrigin = () =>
  new AppError('FORBIDDEN', 'This request did not come from a Corridor page (missing or foreign Origin header). Reload the page and try again, or use an API token.');

/** Throws FORBIDDEN for a mutating request whose Origin is missing or foreign. */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  if (!isSameOrigin(request.headers, request.url)) throw crossOrigin();
}

/** The same check for a server action, which is always a POST, from its request headers. */
export function assertSameOriginAction(headers: Headers): void {
  if (!isSameOrigin(headers)) throw crossOrigin();
}
