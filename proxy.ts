// Runs before every page and API route (not the import routes: see `config`). In order:
//   1. a request with an Authorization header must carry a valid token (401 otherwise,
//      on public GETs too);
//   2. PUBLIC_READ=false: only the sign-in page, the auth endpoints and the health check
//      are open to anonymous visitors;
//   3. /admin and /account redirect anonymous visitors to sign in (307), before a page
//      starts streaming;
//   4. the query of a page that reads filters is checked with the same reader the page
//      uses, so a bad parameter renders the page's message with HTTP 400 (403 for drafts);
//   5. HTTP caching of public reads (lib/httpCache/policy.ts): an anonymous GET of a
//      public page or read route gets an ETag from the data version (strong for API
//      routes and exports, weak for pages) and
//      `Cache-Control: public, …`; a matching If-None-Match is answered 304 here, after
//      one read of data_version, before any figure query; signed-in reads are private;
//   6. every response gets the security headers, with a fresh CSP nonce that Next.js
//      puts on its scripts.
import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { loginPath } from '@/lib/auth/pageGuard';
import { getActorFromHeaders, type Actor } from '@/lib/auth/session';
import { parseBreakdownParams, parseIntervalParam } from '@/lib/figures/parseSeriesParams';
import { parsePageQuery } from '@/lib/figures/listFigures';
import { readFigureFilters } from '@/lib/figures/readFigureFilters';
import { AppError } from '@/lib/http/AppError';
import { errorResponse } from '@/lib/http/respond';
import { createNonce, EMBED_HEADER, isEmbedPath, securityHeaders } from '@/lib/http/securityHeaders';
import { parseSourcesPage } from '@/lib/sources/listSources';
import { getDataVersion } from '@/lib/httpCache/dataVersion';
import {
  CACHE_VARY, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, ifNoneMatchHits, isAnonymous, isPublicRead, isRscRequest, publicEtag,
} from '@/lib/httpCache/policy';

const OPEN_PATHS = [/^\/login(?:\/|$)/, /^\/api\/auth\//, /^\/api\/health(?:\/|$)/];
const SIGNED_IN_PATHS = /^\/(?:admin|account)(?:\/|$)/;

type ActorLookup = () => Promise<Actor | null>;

/** Pages whose query is read by a lib/ parser: the same call the page makes, run before it renders. */
const PAGE_QUERIES: Array<[RegExp, (params: URLSearchParams, actor: ActorLookup) => Promise<unknown>]> = [
  [/^\/$/, async (params, actor) => [parseIntervalParam(params), parseBreakdownParams(params), await readFigureFilters(params, actor)]],
  [/^\/figures\/?$/, async (params, actor) => [parsePageQuery(params), await readFigureFilters(params, actor)]],
  [/^\/figures\/\d+\/?$/, async (params, actor) => readFigureFilters(params, actor)],
  [/^\/embed\/[a-z_]+\/?$/, async (params, actor) => readFigureFilters(params, actor)],
  [/^\/sources\/?$/, async (params) => parseSourcesPage(params)],
];

export async function proxy(request: NextRequest) {
  const { pathname, search, searchParams } = request.nextUrl;
  let resolved: Promise<Actor | null> | undefined;
  const actor: ActorLookup = () => (resolved ??= getActorFromHeaders(request.headers));

  if (request.headers.has('authorization')) {
    try {
      await actor();
    } catch (err) {
      return withWwwAuthenticate(errorResponse(err, `${request.method} ${pathname}`));
    }
  }
  const open = OPEN_PATHS.some((p) => p.test(pathname));
  if (!open && (!getConfig().PUBLIC_READ || SIGNED_IN_PATHS.test(pathname)) && !(await actor().catch(() => null))) {
    if (pathname.startsWith('/api/')) {
      return NextResponse.json({ error: { message: 'Sign in or send an API token: this Corridor instance is not public (PUBLIC_READ=false).' } }, { status: 401 });
    }
    return NextResponse.redirect(new URL(loginPath(pathname + search), request.url));
  }

  // HTTP caching: only reads that are the same for everyone get an ETag and public caching.
  let cache: { etag: string; control: string } | { control: string } | undefined;
  if ((request.method === 'GET' || request.method === 'HEAD') && isPublicRead(pathname)) {
    if (getConfig().PUBLIC_READ && isAnonymous(request.headers) && !isRscRequest(request.headers)) {
      const etag = publicEtag(await getDataVersion(), pathname, request.headers);
      if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) {
        // No CSP here: a cache keeps the stored response's headers, whose nonce matches its body.
        return new NextResponse(null, { status: 304, headers: { etag, 'cache-control': PUBLIC_CACHE_CONTROL, vary: CACHE_VARY } });
      }
      cache = { etag, control: PUBLIC_CACHE_CONTROL };
    } else {
      cache = { control: PRIVATE_CACHE_CONTROL };
    }
  }

  let status: number | undefined;
  const page = PAGE_QUERIES.find(([path]) => path.test(pathname));
  if (page && request.method === 'GET') {
    try {
      await page[1](searchParams, () => actor().catch(() => null));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      status = err.status;
    }
  }
  // An error page (400, 403) is neither cached nor tagged.
  if (status && cache) cache = { control: PRIVATE_CACHE_CONTROL };
  const response = withSecurityHeaders(request, pathname, status);
  if (cache) {
    response.headers.set('cache-control', cache.control);
    response.headers.set('vary', CACHE_VARY);
    if ('etag' in cache) response.headers.set('etag', cache.etag);
  }
  return response;
}

/** Passes the request on with a fresh nonce; Next.js reads it from the request's CSP header. */
function withSecurityHeaders(request: NextRequest, pathname: string, status?: number): NextResponse {
  const headers = securityHeaders(pathname, { nonce: createNonce(), publicUrl: process.env.BETTER_AUTH_URL, dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', headers['Content-Security-Policy']);
  // Tells the root layout to draw an embed bare (no site header, no session lookup).
  requestHeaders.delete(EMBED_HEADER);
  if (isEmbedPath(pathname)) requestHeaders.set(EMBED_HEADER, '1');
  const response = NextResponse.next({ request: { headers: requestHeaders }, ...(status ? { status } : {}) });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function withWwwAuthenticate(response: Response): Response {
  if (response.status === 401) response.headers.set('www-authenticate', 'Bearer');
  return response;
}

export const config = {
  // Static assets carry no data. The import routes (figures, places, events) stream
  // their body themselves and count it against IMPORT_MAX_MB; through the proxy it
  // would be buffered and cut at the proxy's body limit (10 MB), so they check their
  // own token and Origin (requireActor) instead.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/v1/(?:figures|places|events)/import).*)'],
};
