// The address readers reach this instance at, for links that leave the site
// (citations, embed code, the Data Package's file paths): BETTER_AUTH_URL when
// set, else the host the client asked for (Host, or X-Forwarded-Host from a
// trusted proxy: lib/http/forwarded.ts). Never a bind-all address such as
// http://0.0.0.0:3000, which no reader can reach.
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
  const host = headers.get('x-forwarded-host')?.split(',')[0].trim() || headers.get('host')?.trim() || 'localhost';
  return `${proto}://${host}`.replace(/\/\/(0\.0\.0\.0|\[::\])(?=[:/]|$)/, '//localhost');
}
