// Turns a request path into the route pattern it matched ("/figures/[id]"), so
// metrics are labelled by route without one series per figure id. Patterns come
// from the build's routes-manifest.json; anything else is "other".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ManifestRoute {
  page: string;
  regex: string;
}

export type RouteLabeler = (path: string) => string;

export function routeLabeler(distDir: string): RouteLabeler {
  const file = join(distDir, 'routes-manifest.json');
  const manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { staticRoutes?: ManifestRoute[]; dynamicRoutes?: ManifestRoute[] }) : {};
  const exact = new Set((manifest.staticRoutes ?? []).map((r) => r.page));
  const dynamic = (manifest.dynamicRoutes ?? []).map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  return (path) => {
    if (path.startsWith('/_next/')) return '/_next/*';
    const clean = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    if (exact.has(clean)) return clean;
    return dynamic.find((r) => r.regex.test(clean))?.page ?? 'other';
  };
}
