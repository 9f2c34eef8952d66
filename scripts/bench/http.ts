// Public reads over HTTP on the synthetic million (`npm run bench:data` first), the
// table of issue 16: for each route, autocannon with 20 clients for 10 s against one
// app process, and the same request sent alone (median of 10 after 2 warm-ups).
// `/api/health` is measured first and last on the same process: it is the floor,
// and each route's throughput is reported as a ratio to it (the machine is shared,
// so ratios travel better than absolute numbers).
//
// Usage:
//   NEXT_DIST_DIR=.next-perf npx next build        # the bench serves an existing build
//   NEXT_DIST_DIR=.next-perf npm run bench -- http --database-url postgresql://…/corridor_bench
// Options: --connections 20 --duration 10 --server serve|next (default serve: scripts/serve.ts,
//   what `npm start` runs, with its shared cache; next: a bare `next start`, as in the
//   issue's first table) --only <substring of a route label>
//   --no-cache (the load runs with RESPONSE_CACHE_MB=0 too: every request rendered)
//   --gzip (the load runs send Accept-Encoding: gzip, as browsers do; default: none, like autocannon)
//   --alone-only (skip the load runs: the per-filter latencies only)
//   --table-only (only the issue's table: no per-filter latencies)
//   --conditional (also load each route with the If-None-Match of its last response)
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { findFreePort } from '../../lib/db/ports';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    connections: { type: 'string', default: '20' },
    duration: { type: 'string', default: '10' },
    server: { type: 'string', default: 'serve' },
    'no-cache': { type: 'boolean', default: false },
    gzip: { type: 'boolean', default: false },
    only: { type: 'string' },
    'alone-only': { type: 'boolean', default: false },
    'table-only': { type: 'boolean', default: false },
    conditional: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const url = values['database-url'] ?? process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error('[bench:http] name the database: --database-url postgresql://postgres@127.0.0.1:5432/corridor_bench');
  process.exit(2);
}
const say = (l: string) => console.log(`[bench:http] ${l}`);
const load = () => loadavg().map((n) => n.toFixed(1)).join(' ');

/** The issue's table: route label, path; `loaded` routes also get the 20-client run. */
const YEAR = 'from=2023-01-01&to=2023-12-31';
const LOADED: Array<[string, string]> = [
  ['series, a year of daily refugees', `/api/v1/series?metric=refugees&${YEAR}&interval=day`],
  ['figures, limit 100', '/api/v1/figures?metric=refugees&limit=100'],
  ['home page /', '/'],
  ['figures page /figures', '/figures'],
  ['series, place=UKR', '/api/v1/series?metric=refugees&place=UKR'],
];
/** Every filter, alone, on the series, the figure list and the figures page. */
const FILTERS: Array<[string, string]> = [
  ['place=UKR (country)', 'place=UKR'],
  ['place=UA05 (oblast)', 'place=UA05'],
  ['origin=UA05', 'origin=UA05'],
  ['destination=UA12', 'destination=UA12'],
  // bench:data gives each publisher one metric: 4 publishes evacuees, which the series
  // rows ask for (3, used here and in the combined row until 26 Nov 2026, publishes
  // buses: its evacuee series were empty).
  ['publisher=Synthetic publisher 4', 'publisher=Synthetic+publisher+4'],
  ['qualifier=RANGE', 'qualifier=RANGE'],
  ['q=quote 12345', 'q=quote+12345'],
  ['q=Synthetic source 42', 'q=Synthetic+source+42'],
  ['place+publisher+qualifier+q', 'place=UA05&publisher=Synthetic+publisher+4&qualifier=EXACT,RANGE&q=generated'],
];
const ALONE: Array<[string, string]> = [
  ...LOADED,
  ...FILTERS.flatMap(([label, query]): Array<[string, string]> => [
    [`series ${label}`, `/api/v1/series?metric=evacuees&${query}`],
    [`figures ${label}`, `/api/v1/figures?limit=100&${query}`],
    [`figures, sort=value ${label}`, `/api/v1/figures?limit=100&sort=-value&${query}`],
    [`/figures ${label}`, `/figures?${query}`],
  ]),
  ['figures, sort=-updated', '/api/v1/figures?limit=100&sort=-updated'],
  ['figures, sort=value', '/api/v1/figures?limit=100&sort=value'],
  ['figures, sort=id', '/api/v1/figures?limit=100&sort=id'],
];

/**
 * One app process. `cached` turns on serve.ts's shared cache (RESPONSE_CACHE_MB at its
 * default); the alone timings always run without it, so they time renders, not hits.
 */
async function startApp(cached: boolean): Promise<{ base: string; stop: () => Promise<void> }> {
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), HOSTNAME: '127.0.0.1' };
  if (cached) delete env.RESPONSE_CACHE_MB;
  else env.RESPONSE_CACHE_MB = '0';
  const [cmd, args]: [string, string[]] = values.server === 'serve'
    ? [join('node_modules', '.bin', 'tsx'), [join('scripts', 'serve.ts')]]
    : [join('node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1']];
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) {
      const exited = new Promise((r) => child.once('exit', r));
      return { base, stop: async () => void (child.kill('SIGTERM'), await exited) };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error('the app did not start; run `next build` (with NEXT_DIST_DIR if you use one) first');
}

interface Alone { ms: number; status: number; bytes: number; etag: string | null }

/** One request, uncompressed like autocannon's: time to the last byte. */
async function once(target: string, headers: Record<string, string> = {}): Promise<Alone> {
  const start = performance.now();
  const res = await fetch(target, { headers: { 'accept-encoding': 'identity', ...headers } });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - start, status: res.status, bytes: body.byteLength, etag: res.headers.get('etag') };
}

async function alone(target: string): Promise<Alone> {
  await once(target);
  await once(target);
  const runs: Alone[] = [];
  for (let i = 0; i < 10; i++) runs.push(await once(target));
  runs.sort((a, b) => a.ms - b.ms);
  return runs[5];
}

interface Loaded { rps: number; p50: number; p99: number; errors: number; non2xx: number }

async function loaded(target: string, headers: Record<string, string> = {}): Promise<Loaded> {
  const r = await autocannon({
    url: target,
    connections: Number(values.connections),
    duration: Number(values.duration),
    headers: values.gzip ? { 'accept-encoding': 'gzip', ...headers } : headers,
    timeout: 10,
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

const fmt = (l: Loaded) =>
  `${l.rps.toFixed(0)} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms${l.errors ? `, ${l.errors} errors/timeouts` : ''}${l.non2xx ? `, ${l.non2xx} non-2xx` : ''}`;

async function main() {
  say(`load average before start: ${load()}`);
  const only = (label: string) => !values.only || label.includes(values.only);
  const renderer = await startApp(false);
  try {
    say(`alone (median of 10 after 2 warm-ups, identity encoding, every request rendered: no shared cache):`);
    for (const [label, path] of (values['table-only'] ? LOADED : ALONE).filter(([l]) => only(l))) {
      const a = await alone(renderer.base + path);
      say(`  ${label}: ${a.ms.toFixed(1)} ms, HTTP ${a.status}, ${(a.bytes / 1024).toFixed(1)} kB  [${path}]`);
    }
  } finally {
    await renderer.stop();
  }
  if (values['alone-only']) return;
  const cached = values.server === 'serve' && !values['no-cache'];
  const app = await startApp(cached);
  try {
    const c = values.connections;
    say(`under load (${c} clients, ${values.duration} s, autocannon${values.gzip ? ', gzip' : ''}, ${values.server === 'serve' ? `scripts/serve.ts, shared cache ${cached ? 'on' : 'off'}` : 'next start'}), load average ${load()}:`);
    const floor1 = await loaded(`${app.base}/api/health`);
    say(`  /api/health (floor, first): ${fmt(floor1)}`);
    const results: Array<[string, Loaded]> = [];
    for (const [label, path] of LOADED.filter(([l]) => only(l))) {
      const r = await loaded(app.base + path);
      results.push([label, r]);
      say(`  ${label}: ${fmt(r)}  (load ${load()})`);
      if (values.conditional) {
        const { etag } = await once(app.base + path);
        if (etag) say(`  ${label}, If-None-Match: ${fmt(await loaded(app.base + path, { 'if-none-match': etag }))}`);
      }
    }
    const floor2 = await loaded(`${app.base}/api/health`);
    say(`  /api/health (floor, last): ${fmt(floor2)}`);
    const floor = (floor1.rps + floor2.rps) / 2;
    say(`ratio to /api/health (mean of first and last, ${floor.toFixed(0)} req/s); the goal is at least 0.5:`);
    for (const [label, r] of results) say(`  ${label}: ${(r.rps / floor).toFixed(2)}${r.rps / floor >= 0.5 ? '' : '  (below half)'}`);
    say(`load average at the end: ${load()}`);
  } finally {
    await app.stop();
  }
}

main().catch((err) => {
  console.error(`[bench:http] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
