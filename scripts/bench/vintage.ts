// Vintage benchmark (issue 15): a year of daily refugees from GET /api/v1/series's
// query function, at the current data and at a vintage, in this process against the
// database you name (`npm run bench:data` first). Reports the median of 7 runs after
// a warm-up: current (figure_headline), current ranked live (what place, publisher,
// qualifier and search filters use), at a vintage (figure_headline_history, the API
// path), and at the vintage ranked live over figure_version (what filtered vintages use).
// Usage: npm run bench -- vintage --database-url postgresql://…/corridor_bench_vintage
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    from: { type: 'string', default: '2023-01-01' },
    to: { type: 'string', default: '2023-12-31' },
    runs: { type: 'string', default: '7' },
  },
  allowPositionals: true,
});
const url = values['database-url'] ?? process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error('[bench] name the database: --database-url postgresql://postgres@127.0.0.1:5432/corridor_bench');
  process.exit(2);
}
process.env.DATABASE_URL = url;
const say = (l: string) => console.log(`[bench:vintage] ${l}`);

async function main() {
  const { getSeriesJson } = await import('../../lib/figures/getSeriesJson');
  const { getMetricByKey } = await import('../../lib/figures/getSeries');
  const { listLivePoints } = await import('../../lib/figures/listSeriesPoints');
  const { parseFigureFilters } = await import('../../lib/figures/filters');
  const { sql, closeSql } = await import('../../lib/db/sql');
  const range = `metric=refugees&from=${values.from}&to=${values.to}`;
  // The vintage: just after the last revision, so the history is all written and every
  // figure's state at it comes from figure_version (superseded states are scanned and skipped).
  const [{ at, first, last }] = await sql<{ at: string; first: string; last: string }[]>`
    SELECT to_char(max("createdAt") + interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at,
           to_char(min("createdAt"), 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS first, to_char(max("createdAt"), 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last
    FROM figure_revision`;
  if (!at) throw new Error('the database has no revision history; run `npm run bench:data` (it writes one) first');
  const [{ versions, superseded }] = await sql<{ versions: number; superseded: number }[]>`
    SELECT count(*)::int AS versions, count(*) FILTER (WHERE "validTo" IS NOT NULL)::int AS superseded FROM figure_version`;
  const [{ figures }] = await sql<{ figures: number }[]>`SELECT count(*)::int AS figures FROM figure`;
  say(`${figures.toLocaleString('en')} figures, ${versions.toLocaleString('en')} figure versions (${superseded.toLocaleString('en')} superseded); revisions ${first} to ${last}; vintage ${at}; ${values.from} to ${values.to}, daily`);
  const current = parseFigureFilters(new URLSearchParams(range));
  const vintage = parseFigureFilters(new URLSearchParams(`${range}&vintage=${at}`));
  const metric = await getMetricByKey('refugees');
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['current, from figure_headline (the API path)', () => getSeriesJson({ metric: 'refugees', filters: current, interval: 'day' })],
    ['current, ranked live', () => listLivePoints(sql, metric, current, 'day')],
    ['at the vintage, from figure_headline_history (the API path)', () => getSeriesJson({ metric: 'refugees', filters: vintage, interval: 'day' })],
    ['at the vintage, ranked live over figure_version', () => listLivePoints(sql, metric, vintage, 'day')],
  ];
  const medians: number[] = [];
  for (const [name, run] of cases) {
    await run();
    const times: number[] = [];
    for (let i = 0; i < Number(values.runs); i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    medians.push(median);
    say(`${name}: median ${median.toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times.at(-1)!.toFixed(1)})`);
  }
  say(`vintage / current (both from the headline tables, the API paths): ${(medians[2] / medians[0]).toFixed(1)}×; vintage ranked live / current: ${(medians[3] / medians[0]).toFixed(0)}×`);
  // Not a timing: the two vintage paths must agree here too, at the bench's vintage and
  // halfway through the history (when only the older states existed).
  const { listHeadlinePoints } = await import('../../lib/figures/listSeriesPoints');
  const [{ mid }] = await sql<{ mid: string }[]>`
    SELECT to_char(min("createdAt") + (max("createdAt") - min("createdAt")) / 2, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS mid FROM figure_revision`;
  for (const instant of [at, mid]) {
    const filters = parseFigureFilters(new URLSearchParams(`${range}&vintage=${instant}`));
    const text = (rows: unknown) => JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
    const [history, live] = [await listHeadlinePoints(sql, metric, filters, 'day'), await listLivePoints(sql, metric, filters, 'day')];
    say(`at ${instant}: ${history.length} points; history and live ranking ${text(history) === text(live) ? 'agree' : 'DIFFER'}`);
  }
  await closeSql();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
