// Dashboard benchmarks on the synthetic million (`npm run bench:data` first):
//   1. the series query alone in PostgreSQL (EXPLAIN ANALYZE execution time), from the
//      headline table and ranked live;
//   2. GET /api/v1/series, a year of daily refugees, 20 concurrent clients;
//   3. the home page server render (time to the full HTML);
//   4. the home page's client JavaScript, gzipped: every <script src> (first load), and
//      the chunks loaded later through next/dynamic, reported separately.
// Usage: npm run bench -- dashboard --database-url postgresql://…/corridor_bench
// It serves the existing production build (NEXT_DIST_DIR, default .next) on a free port.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { findFreePort } from '../../lib/db/ports';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '20' },
    from: { type: 'string', default: '2023-01-01' },
    to: { type: 'string', default: '2023-12-31' },
  },
  allowPositionals: true,
});
const url = values['database-url'] ?? process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error('[bench] name the database: --database-url postgresql://postgres@127.0.0.1:5432/corridor_bench');
  process.exit(2);
}
const say = (l: string) => console.log(`[bench:dashboard] ${l}`);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (n: number) => `${n.toFixed(1)} ms`;

// The series query for a year of daily refugees, as the API runs it: from the
// trigger-maintained headline table (lib/figures/listSeriesPoints.ts), with PostgreSQL
// writing the whole response body (lib/figures/getSeriesJson.ts) …
const num = (col: string) => `CASE WHEN p.${col} BETWEEN -9007199254740991 AND 9007199254740991 THEN p.${col}::text ELSE to_json(p.${col}::text)::text END`;
const headlineQuery = () => `
  SELECT '{"metric":"refugees","unit":"people","kind":"STOCK","interval":"day","points":[' || coalesce(string_agg(
           '{"date":"' || p.date || '","value":' || ${num('value')} || ',"low":' || ${num('low')} || ',"high":' || ${num('high')}
           || ',"qualifier":' || to_json(p.qualifiers[1])::text || ',"claims":' || p.claims || ',"figureIds":' || p.figure_ids::text || '}',
           ',' ORDER BY p.date), '') || ']}' AS body
  FROM (
    SELECT DISTINCT ON (bucket) to_char(bucket, 'YYYY-MM-DD') AS date, value, low, high, ARRAY[qualifier::text] AS qualifiers, claims,
           array_to_json("figureIds"[1:10]) AS figure_ids
    FROM (SELECT date_trunc('day', h.day::timestamp)::date AS bucket, h.* FROM figure_headline h
          WHERE h."metricId" = (SELECT id FROM metric WHERE key = 'refugees') AND h."placeKey" = -1
            AND h.day >= '${values.from}'::date AND h.day <= '${values.to}'::date) d
    ORDER BY bucket, day DESC) p`;
// … and live, ranking every claim (the fallback for place, publisher, qualifier and search filters).
const liveQuery = () => `
  WITH c AS (
    SELECT f.id, f."asOf" AS day, date_trunc('day', f."asOf"::timestamp)::date AS bucket, f.low, f.high, f.qualifier,
           CASE f.qualifier WHEN 'RANGE' THEN (f.low + f.high + 1) / 2 WHEN 'AT_MOST' THEN f.high ELSE f.low END AS value,
           row_number() OVER (PARTITION BY f."asOf" ORDER BY s.preferred DESC, s."publishedAt" DESC NULLS LAST, f."updatedAt" DESC, f.id DESC) AS rank
    FROM figure f JOIN source s ON s.id = f."sourceId"
    WHERE f."metricId" = (SELECT id FROM metric WHERE key = 'refugees') AND f.status = 'PUBLISHED'
      AND f."asOf" >= '${values.from}'::date AND f."asOf" <= '${values.to}'::date),
  days AS (SELECT c.day, c.bucket, max(c.value) FILTER (WHERE c.rank = 1) AS value, count(*)::int AS claims,
                  (array_agg(c.id ORDER BY c.rank))[1:10] AS figure_ids FROM c GROUP BY c.day, c.bucket)
  SELECT DISTINCT ON (bucket) bucket, value, claims, figure_ids FROM days ORDER BY bucket, day DESC`;

/** Median EXPLAIN ANALYZE execution time of 5 runs. */
async function rawSql(query: string): Promise<number> {
  const sql = postgres(url!, { max: 1, onnotice: () => {} });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [row] = await sql.unsafe(`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`);
    times.push((row['QUERY PLAN'] as Array<{ 'Execution Time': number }>)[0]['Execution Time']);
  }
  await sql.end();
  return pct(times, 50);
}

async function startApp(): Promise<{ base: string; stop: () => void }> {
  const port = await findFreePort();
  const child = spawn(join('node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return { base, stop: () => child.kill('SIGTERM') };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error('the app did not start; run `next build` (with NEXT_DIST_DIR if you use one) first');
}

async function timed(target: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(target);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${target} answered ${res.status}`);
  return performance.now() - start;
}

async function load(target: string, total: number, concurrency: number): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) {
      next++;
      times.push(await timed(target));
    }
  }));
  return times;
}

interface JsSize { files: number; raw: number; gzip: number }

/**
 * The home page's client JavaScript: every <script src> in the served HTML (the
 * first load), and separately the chunks those scripts or the page reference
 * but load later (next/dynamic, e.g. the Recharts chart after hydration).
 */
async function clientJs(base: string): Promise<{ initial: JsSize; lazy: JsSize }> {
  const html = await (await fetch(`${base}/`)).text();
  const initial = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
  const fetchJs = async (src: string) => Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
  const measure = async (srcs: string[], texts: string[] = []): Promise<JsSize> => {
    const size: JsSize = { files: srcs.length, raw: 0, gzip: 0 };
    for (const src of srcs) {
      const body = await fetchJs(src);
      texts.push(body.toString('utf8'));
      size.raw += body.length;
      size.gzip += gzipSync(body, { level: 9 }).length;
    }
    return size;
  };
  const texts: string[] = [html];
  const first = await measure(initial, texts);
  const referenced = new Set(texts.flatMap((t) => [...t.matchAll(/static\/chunks\/[\w.~-]+\.js/g)].map((m) => `/_next/${m[0]}`)));
  const later = await measure([...referenced].filter((src) => !initial.includes(src)));
  return { initial: first, lazy: later };
}

async function main() {
  const range = `series of daily refugees ${values.from}..${values.to}`;
  say(`raw SQL, ${range} from figure_headline, JSON body written in SQL: median execution ${ms(await rawSql(headlineQuery()))} (EXPLAIN ANALYZE, 5 runs)`);
  say(`raw SQL, ${range} ranked live (fallback path): median execution ${ms(await rawSql(liveQuery()))}`);
  const app = await startApp();
  try {
    const series = `${app.base}/api/v1/series?metric=refugees&from=${values.from}&to=${values.to}&interval=day`;
    await load(series, 5, 1);
    const body = Buffer.from(await (await fetch(series, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
    say(`GET /api/v1/series body: ${(body.length / 1024).toFixed(1)} kB (${(gzipSync(body).length / 1024).toFixed(1)} kB gzipped)`);
    const times = await load(series, Number(values.requests), Number(values.concurrency));
    say(`GET /api/v1/series (year of daily refugees), ${values.requests} requests at ${values.concurrency} concurrent: p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}, max ${ms(Math.max(...times))}`);
    // The floor on this machine: the cheapest route (one SELECT 1) under the same load.
    const health = await load(`${app.base}/api/health`, Number(values.requests), Number(values.concurrency));
    say(`GET /api/health (floor), ${values.requests} requests at ${values.concurrency} concurrent: p50 ${ms(pct(health, 50))}, p95 ${ms(pct(health, 95))}`);
    const single = await load(series, 20, 1);
    say(`GET /api/v1/series, one at a time: p50 ${ms(pct(single, 50))}`);
    await load(`${app.base}/`, 2, 1); // warm-up, as for the series
    const home = await load(`${app.base}/`, 10, 1);
    say(`GET / (server render, default view), 10 sequential: p50 ${ms(pct(home, 50))}, p95 ${ms(pct(home, 95))}`);
    const js = await clientJs(app.base);
    const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
    say(`home page client JS, first load (<script src>): ${js.initial.files} files, ${kb(js.initial.raw)} raw, ${kb(js.initial.gzip)} gzipped (level 9)`);
    say(`home page client JS, loaded later (next/dynamic chunks): ${js.lazy.files} files, ${kb(js.lazy.raw)} raw, ${kb(js.lazy.gzip)} gzipped; both: ${kb(js.initial.gzip + js.lazy.gzip)} gzipped`);
  } finally {
    app.stop();
  }
}

main().catch((err) => {
  console.error(`[bench:dashboard] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
