// The security headers of a response, built in one place so they can differ by
// path (an embeddable page may one day allow framing; nothing else does). The
// proxy (proxy.ts) sets them with a fresh nonce per request: Next.js reads the
// nonce from the request's Content-Security-Policy header and puts it on every
// script it renders, so scripts need no 'unsafe-inline'. Headers that never vary
// (Referrer-Policy, X-Content-Type-Options) stay in next.config.js, which also
// covers the responses the proxy does not see (static files, the import route).

export interface SecurityHeaderOptions {
  nonce: string;
  /** The app's public URL (BETTER_AUTH_URL); HSTS is sent only when it is https. */
  publicUrl?: string;
  dev?: boolean;
}

/** Request header the proxy sets on embed pages for the root layout (never trusted from clients). */
export const EMBED_HEADER = 'x-corridor-embed';

/** Embed pages (/embed/…): the only ones other sites may frame. They set no cookie and need none. */
export const isEmbedPath = (pathname: string) => /^\/embed\//.test(pathname);

/** The Content-Security-Policy for a path. */
export function contentSecurityPolicy(pathname: string, { nonce, dev }: Pick<SecurityHeaderOptions, 'nonce' | 'dev'>): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced Next.js loader pull in its chunks; React needs eval only in development.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Chart libraries set style attributes, which nonces cannot cover; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    isEmbedPath(pathname) ? 'frame-ancestors *' : "frame-ancestors 'none'",
  ].join('; ');
}

/** Every path-dependent security header of a response. */
export function securityHeaders(pathname: string, options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(pathname, options),
  };
  // X-Frame-Options has no "anyone" value; frame-ancestors alone governs embeds.
  if (!isEmbedPath(pathname)) headers['X-Frame-Options'] = 'DENY';
  if (isHttps(options.publicUrl)) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

function isHttps(url: string | undefined): boolean {
  try {
    return !!url && new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** 128 random bits, base64: unguessable per response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
