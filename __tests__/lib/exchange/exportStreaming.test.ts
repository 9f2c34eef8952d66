import { streamFiguresCsv } from '@/lib/exchange/figureExport';
import { parseFigureFilters } from '@/lib/figures/filters';
import { sql } from '@/lib/db/sql';
import { db } from '@/lib/db/client';
import { parse } from 'csv-parse';
import { resetDatabase } from '../../helpers/db';
import { seedExchangeData } from './fixtures';
import { HEAVY_TEST_TIMEOUT_MS } from '@/__tests__/helpers/timeouts';

const ROWS = 200_000;
const MB = 1024 * 1024;

async function seedMany(sourceId: number, metricId: number) {
  await sql`
    INSERT INTO figure ("metricId", low, high, qualifier, "asOf", "sourceId", status, quote, "updatedAt")
    SELECT ${metricId}, g, g, 'EXACT', DATE '2022-03-01' + (g % 60), ${sourceId}, 'PUBLISHED',
           'Synthetic quote number ' || g || ', long enough to make each exported row a few hundred bytes wide, with "quotes", commas and more words to fill it out.', now()
    FROM generate_series(1, ${ROWS}) g`;
}

/** Counts CSV records as chunks arrive (quoted fields may hold newlines), keeping none. */
function recordCounter() {
  let records = 0;
  const parser = parse({ on_record: () => { records++; return null; } });
  const finished = new Promise<void>((resolve, reject) => parser.on('finish', resolve).on('error', reject));
  parser.resume();
  return {
    write: (chunk: Uint8Array) => parser.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    get records() { return records; },
    end: async () => { parser.end(); await finished; return records; },
  };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The export's COPY as PostgreSQL reports it: rows sent so far, and what its backend waits on. */
async function copyProgress(): Promise<{ rows: number; waitEvent: string | null } | null> {
  const [row] = await sql<{ rows: string; waitEvent: string | null }[]>`
    SELECT p.tuples_processed::text AS rows, a.wait_event AS "waitEvent"
    FROM pg_stat_progress_copy p JOIN pg_stat_activity a ON a.pid = p.pid
    WHERE p.command = 'COPY TO' AND p.datname = current_database()`;
  return row ? { rows: Number(row.rows), waitEvent: row.waitEvent } : null;
}

/**
 * Waits for the COPY to stop making progress, and returns where it stopped.
 * A bound on waiting, not an assertion on time: on a busy machine it just waits longer.
 */
async function whereCopyStops(): Promise<{ rows: number; waitEvent: string | null } | null> {
  let last = await copyProgress();
  for (let i = 0; i < 300; i++) {
    await sleep(100);
    const now = await copyProgress();
    if (!now || !last) return now;
    if (now.waitEvent === 'ClientWrite' && now.rows === last.rows) return now;
    last = now;
  }
  return last;
}

describe('streaming export', () => {
  beforeAll(async () => {
    await resetDatabase();
    const { sources, metrics } = await seedExchangeData();
    await seedMany(sources.wire.id, metrics.refugees.id);
  }, HEAVY_TEST_TIMEOUT_MS);

  // Flat memory, proven by structure rather than by heap size: while the client
  // does not read, PostgreSQL's COPY blocks on writing to the socket, so the rows
  // between it and the reader are only what the kernel's socket buffers hold.
  // Holding the rows in Node would let the COPY run to the end instead.
  // (The heap itself is measured by `npm run bench -- export`.)
  it(`pauses PostgreSQL's COPY while the client stops reading, then delivers all ${ROWS.toLocaleString('en')} rows`, async () => {
    const reader = (await streamFiguresCsv(parseFigureFilters(new URLSearchParams()), { bom: false, hxl: false, raw: false })).getReader();
    try {
      let bytes = 0;
      const csv = recordCounter();
      const first = await reader.read();
      bytes += first.value!.length;
      csv.write(first.value!);

      const paused = await whereCopyStops();
      expect(paused).not.toBeNull();
      expect(paused!.waitEvent).toBe('ClientWrite');
      // What is in flight: rows PostgreSQL has sent minus rows the reader has had.
      const inFlight = paused!.rows - Math.max(0, csv.records - 1);

      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        bytes += value.length;
        csv.write(value);
      }
      const all = await db.figure.count({ where: { status: 'PUBLISHED' } });
      expect(all).toBeGreaterThan(ROWS);
      expect(await csv.end()).toBe(all + 1);
      expect(bytes).toBeGreaterThan(40 * MB);
      // The kernel's loopback buffers hold a few megabytes here; the bound is a
      // quarter of the file, which holding the rows in Node could never meet.
      expect(inFlight).toBeGreaterThan(0);
      expect(inFlight).toBeLessThan(ROWS / 4);
    } finally {
      await reader.cancel().catch(() => {});
    }
  }, HEAVY_TEST_TIMEOUT_MS);

  it('ends the query in PostgreSQL when the client goes away', async () => {
    const abort = new AbortController();
    const stream = await streamFiguresCsv(parseFigureFilters(new URLSearchParams()), { bom: false, hxl: false, raw: false }, abort.signal);
    const reader = stream.getReader();
    // The export's own backend: not the other Jest worker's (its own database on the same server),
    // and not the parallel workers PostgreSQL may start for the COPY's query (they show the same text).
    const running = async () =>
      (await sql`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend'
          AND query LIKE 'COPY (SELECT f.id%' AND state = 'active' AND pid <> pg_backend_pid()`)[0].n;
    try {
      await reader.read();
      expect(await running()).toBe(1);
    } finally {
      // Even when an expectation fails: a COPY left running would hold its locks and block the next file's reset.
      abort.abort();
      await reader.cancel().catch(() => {});
    }
    // Waits for the backend to go, however busy the machine (a bound, not a timing assertion).
    for (let i = 0; i < 300 && (await running()) > 0; i++) await sleep(100);
    expect(await running()).toBe(0);
    // The pool is still usable afterwards.
    expect((await sql`SELECT 1 AS one`)[0].one).toBe(1);
  });
});
