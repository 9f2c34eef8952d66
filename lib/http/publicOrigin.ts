// The address readers reach this instance at, for links that leave the site
// (citations, embed code): BETTER_AUTH_URL when set, else the request's own host.
export function publicOrigin(headers: Headers): string {
  const configured = process.env.BETTER_AUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall back to the request's host
    }
  }
  const proto = headers.get('x-forwarded-proto')?.split(',')[0].trim() || 'http';
  return `${proto}://${headers.get('x-forwarded-host') ?? headers.get('host') ?? 'localhost'}`;
}
