// Copies better-auth's Set-Cookie headers onto the Next.js response of a server
// action, keeping every attribute (httpOnly, SameSite, Secure, expiry).
import { cookies } from 'next/headers';

type CookieOptions = { httpOnly?: boolean; secure?: boolean; sameSite?: 'lax' | 'strict' | 'none'; path?: string; maxAge?: number; expires?: Date; domain?: string };

export function parseSetCookie(header: string): { name: string; value: string; options: CookieOptions } {
  const [pair, ...attributes] = header.split(';').map((p) => p.trim());
  const eq = pair.indexOf('=');
  const options: CookieOptions = {};
  for (const attribute of attributes) {
    const [rawKey, ...rest] = attribute.split('=');
    const key = rawKey.toLowerCase();
    const value = rest.join('=');
    if (key === 'httponly') options.httpOnly = true;
    else if (key === 'secure') options.secure = true;
    else if (key === 'samesite') options.sameSite = value.toLowerCase() as CookieOptions['sameSite'];
    else if (key === 'path') options.path = value;
    else if (key === 'domain') options.domain = value;
    else if (key === 'max-age') options.maxAge = Number(value);
    else if (key === 'expires') options.expires = new Date(value);
  }
  return { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)), options };
}

export async function applySetCookie(setCookie: string[]): Promise<void> {
  const jar = await cookies();
  for (const header of setCookie) {
    const { name, value, options } = parseSetCookie(header);
    jar.set(name, value, options);
  }
}
