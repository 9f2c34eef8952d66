// Runs before every request. With PUBLIC_READ=false, nothing but the sign-in page,
// the auth endpoints and the health check is served to anonymous visitors.
// (With PUBLIC_READ=true, published data is public; /admin and /account check
// the session in their own pages and actions.)
import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { getActorFromHeaders } from '@/lib/auth/session';

const OPEN_PATHS = [/^\/login(?:\/|$)/, /^\/api\/auth\//, /^\/api\/health(?:\/|$)/];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (getConfig().PUBLIC_READ || OPEN_PATHS.some((p) => p.test(pathname))) return NextResponse.next();
  const actor = await getActorFromHeaders(request.headers).catch(() => null);
  if (actor) return NextResponse.next();
  if (pathname.startsWith('/api/')) {
    return NextResponse.json({ error: { message: 'Sign in or send an API token: this Corridor instance is not public (PUBLIC_READ=false).' } }, { status: 401 });
  }
  const login = new URL('/login', request.url);
  login.searchParams.set('next', pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  // Static assets carry no data; everything else goes through the check.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
