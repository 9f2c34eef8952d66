// HTTP caching of public reads (docs/api.md, "Caching"). proxy.ts applies it to
// every GET before a page or route runs:
// - an anonymous read of a public page or read route (PUBLIC_READ on) gets an ETag
//   made from the data version, the build and the content coding, and
//   `Cache-Control: public, max-age=0, s-maxage=60, stale-while-revalidate=600`:
//   a browser asks again on every visit (so a reader sees a correction at once),
//   a CDN or reverse proxy may serve it for a minute and then a stale copy while
//   it refreshes; a matching If-None-Match gets 304 after one read of
//   data_version, without touching the figure tables;
// - a signed-in read (session cookie or API token), a client-side navigation
//   (Next.js's RSC requests), or any read when PUBLIC_READ is false gets
//   `Cache-Control: private, no-cache` and no ETag.
// API routes and exports get strong ETags: their bytes are a function of the data.
// Pages get weak ones (W/"…"): each carries a fresh CSP nonce, and React's
// streaming places its text separators (<!-- -->) by flush timing, so two renders
// of the same data are equivalent but not byte-identical. If-None-Match compares
// weakly either way, so both give 304s.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// max-age=0, not 60: with 60 a browser showed a reader the figure they had just
// seen corrected, for a minute (the snapshot browser test caught it).
/** How long a shared cache (a CDN, or the app's own: sharedCache.ts) may serve a stored copy. */
export const SHARED_MAX_AGE_SECONDS = 60;
export const PUBLIC_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARED_MAX_AGE_SECONDS}, stale-while-revalidate=600`;
export const PRIVATE_CACHE_CONTROL = 'private, no-cache';
/** Shared caches must key on these: a signed-in request is never served the anonymous copy. */
export const CACHE_VARY = 'Cookie, Authorization, Accept-Encoding';

/** Public pages and read routes whose response depends only on the URL and the data. */
const PUBLIC_READS = [
  /^\/$/,
  /^\/figures\/?$/,
  /^\/figures\/\d+\/?$/,
  /^\/sources\/?$/,
  // Live embeds; not snapshots (/s/<id>, /embed/s/<id>): creating one does not bump the data version.
  /^\/embed\/[a-z_]+\/?$/,
  /^\/api\/v1\/(?:series|figures|places|sources)\/?$/,
  /^\/api\/v1\/(?:figures|sources|places|events)\.(?:csv|ndjson)$/,
  /^\/api\/v1\/datapackage\.json$/,
  // The API reference depends on the build only; the data version in its tag just renews it more often.
  /^\/api\/v1\/openapi\.json$/,
  /^\/docs\/api\/?$/,
];

export const isPublicRead = (pathname: string) => PUBLIC_READS.some((p) => p.test(pathname));

/** Pages (HTML with a CSP nonce) as opposed to API routes. */
export const isPage = (pathname: string) => !pathname.startsWith('/api/');

/** No API token and no better-auth session cookie: the response is the same for everyone. */
export function isAnonymous(headers: Headers): boolean {
  if (headers.has('authorization')) return false;
  const cookie = headers.get('cookie');
  return !cookie || !/(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=/.test(cookie);
}

let buildId: string | undefined;
/** The Next.js build (HTML and chunk names change with it), read once. */
function currentBuildId(): string {
  if (buildId === undefined) {
    try {
      buildId = readFileSync(join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'), 'utf8').trim().replace(/[^\w-]/g, '');
    } catch {
      buildId = 'dev';
    }
  }
  return buildId;
}

/** Whether the response will be gzip-compressed (Next.js compresses when the client accepts it). */
export const acceptsGzip = (acceptEncoding: string | null | undefined) => /\bgzip\b/.test(acceptEncoding ?? '');

/** The ETag of a public read at this data version: strong for API routes and exports, weak for pages. */
export function publicEtag(version: string, pathname: string, headers: Headers): string {
  const tag = `"d${version}-${currentBuildId()}"`;
  return gzippedEtag(isPage(pathname) ? `W/${tag}` : tag, acceptsGzip(headers.get('accept-encoding')));
}

/** The tag of the same response gzip-compressed: a different representation, so a different tag. */
export const gzippedEtag = (etag: string, gzip: boolean) => (gzip ? etag.replace(/"$/, '-gz"') : etag);

/** Next.js's client-side navigations and prefetches ask the same URL for a different body (RSC). */
export const isRscRequest = (headers: Headers) => headers.has('rsc') || headers.has('next-router-prefetch') || headers.has('next-router-state-tree');

/** RFC 9110 If-None-Match: `*` or a list of tags, weak comparison (W/ ignored on both sides). */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}
