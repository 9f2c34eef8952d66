import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { streamFiguresCsv } from '@/lib/exchange/figureExport';
import { parseFigureFilters } from '@/lib/figures/filters';
import { sql } from '@/lib/db/sql';
import { db } from '@/lib/db/client';
import { resetDatabase } from '../../helpers/db';
import { seedExchangeData } from './fixtures';

const ROWS = 200_000;
const MB = 1024 * 1024;

async function seedMany(sourceId: number, metricId: number) {
  await sql`
    INSERT INTO figure ("metricId", low, high, qualifier, "asOf", "sourceId", status, quote, "updatedAt")
    SELECT ${metricId}, g, g, 'EXACT', DATE '2022-03-01' + (g % 60), ${sourceId}, 'PUBLISHED',
           'Synthetic quote number ' || g || ', long enough to make each exported row a few hundred bytes wide, with "quotes", commas and more words to fill it out.', now()
    FROM generate_series(1, ${ROWS}) g`;
}

// Garbage is not growth: measure what survives a full collection.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const retained = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

describe('streaming export', () => {
  beforeAll(async () => {
    await resetDatabase();
    const { sources, metrics } = await seedExchangeData();
    await seedMany(sources.wire.id, metrics.refugees.id);
  }, 60_000);

  it(`keeps memory flat while exporting ${ROWS.toLocaleString('en')} rows`, async () => {
    const baseline = retained();
    let peak = baseline;
    let bytes = 0;
    let newlines = 0;
    let sampledAt = 0;
    let settled: number | null = null;
    const reader = (await streamFiguresCsv(parseFigureFilters(new URLSearchParams()), { bom: false, hxl: false, raw: false })).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) newlines++;
      if (bytes - sampledAt > 4 * MB) {
        sampledAt = bytes;
        const now = retained();
        settled ??= now;
        peak = Math.max(peak, now);
      }
    }
    expect(newlines).toBeGreaterThan(ROWS);
    expect(bytes).toBeGreaterThan(40 * MB);
    // Holding the file would grow memory by its size (> 40 MB). Streaming pays a
    // one-off cost (a connection, compiled code) and then stays flat.
    // Socket and stream buffers vary with machine load (measured: 1 MB of growth
    // for 100k rows alone, up to 17 MB for 200k beside a 100k-row import), so the
    // bound is relative: after the first few megabytes retained memory grows by
    // less than half of what was streamed; holding the rows would grow it by all.
    expect((peak - baseline) / MB).toBeLessThan(32);
    expect(peak - settled!).toBeLessThan(bytes / 2);
  }, 60_000);

  it('cancels the query in PostgreSQL when the client goes away', async () => {
    const abort = new AbortController();
    const stream = await streamFiguresCsv(parseFigureFilters(new URLSearchParams()), { bom: false, hxl: false, raw: false }, abort.signal);
    const reader = stream.getReader();
    await reader.read();
    const running = async () =>
      (await sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'COPY (SELECT f.id%' AND state = 'active' AND pid <> pg_backend_pid()`)[0].n;
    expect(await running()).toBe(1);
    abort.abort();
    await reader.cancel();
    for (let i = 0; i < 50 && (await running()) > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await running()).toBe(0);
    // The pool is still usable afterwards.
    expect((await sql`SELECT 1 AS one`)[0].one).toBe(1);
  });
});
