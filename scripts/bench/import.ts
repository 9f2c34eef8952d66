// `npm run bench -- import [--source-url URL] [--rows N]`: exports N published
// figures (default 100,000) from the synthetic database in the export's own CSV
// format, then imports that file into an empty migrated database on the same
// server: a dry run, then a commit. Reports the time of each pass, its phases
// and the peak RSS. The scratch database is dropped afterwards.
import { createWriteStream, mkdtempSync, rmSync, statSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const sourceUrl = arg('--source-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/corridor_bench';
const rows = Number(arg('--rows') ?? 100_000);

async function writeExport(file: string) {
  const { figureSelectSql } = await import('../../lib/exchange/figureExport');
  const { FIGURE_COLUMNS } = await import('../../lib/exchange/columns');
  const { csvPrefix } = await import('../../lib/exchange/csvPrefix');
  const source = postgres(sourceUrl, { max: 1, onnotice: () => {} });
  try {
    // bench:data writes some RANGE figures whose bounds round to the same number,
    // which the import rightly rejects; leave them out so every row is valid.
    const condition = `f.status = 'PUBLISHED' AND NOT (f.qualifier = 'RANGE' AND f.low = f.high)`;
    const select = `${figureSelectSql(condition, { raw: false })} LIMIT ${rows}`;
    const out = createWriteStream(file);
    out.write(csvPrefix(FIGURE_COLUMNS.map((c) => c.name), null, false));
    const copy = (await source.unsafe(`COPY (${select}) TO STDOUT (FORMAT csv)`).readable()) as unknown as Readable;
    await pipeline(copy, out);
    return await source`SELECT key, label, unit, kind::text, "hxlTag" FROM metric`;
  } finally {
    await source.end({ timeout: 1 });
  }
}

async function main() {
  const { createDatabase, dropDatabase, withDatabase } = await import('../../lib/db/admin');
  const { migrate } = await import('../../lib/db/migrate');
  const dir = mkdtempSync(join(tmpdir(), 'corridor-bench-import-'));
  const file = join(dir, 'figures.csv');
  const target = `corridor_bench_import_${Date.now().toString(36)}`;
  const targetUrl = withDatabase(sourceUrl, target);

  const metrics = await writeExport(file);
  const size = statSync(file).size;
  await createDatabase(sourceUrl, target);
  try {
    await migrate(targetUrl);
    process.env.DATABASE_URL = targetUrl;
    const { sql, closeSql } = await import('../../lib/db/sql');
    const { disconnectDb } = await import('../../lib/db/client');
    const { runImport } = await import('../../lib/exchange/import/runImport');
    for (const m of metrics) {
      await sql`INSERT INTO metric (key, label, unit, kind, "hxlTag", "updatedAt") VALUES (${m.key}, ${m.label}, ${m.unit}, ${m.kind}::"MetricKind", ${m.hxlTag}, now())`;
    }
    await sql`INSERT INTO "user" (id, name, email, role, "updatedAt") VALUES ('bench-editor', 'Bench editor', 'bench@corridor.test', 'EDITOR', now())`;

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const pass = async (dryRun: boolean) => {
      const phases: Record<string, number> = {};
      const start = performance.now();
      const report = await runImport(createReadStream(file, { highWaterMark: 256 * 1024 }), {
        fileName: 'bench.csv', userId: 'bench-editor', dryRun, status: 'DRAFT', maxBytes: 200 * 1024 * 1024,
        onPhase: (name, ms) => (phases[name] = Math.round(ms)),
      });
      const ms = Math.round(performance.now() - start);
      if (report.errors.length) console.error('[bench] first errors:', JSON.stringify(report.errors.slice(0, 3)));
      return { ms, rows: report.rows, newRows: report.newRows, duplicate: report.duplicate, invalid: report.invalid, committed: report.committed, phases };
    };
    const dryRun = await pass(true);
    const commit = await pass(false);
    clearInterval(sampler);
    const [{ figures }] = await sql<{ figures: number }[]>`SELECT count(*)::int AS figures FROM figure`;
    console.log(JSON.stringify({
      rows, fileMb: +(size / 1024 / 1024).toFixed(1), dryRun, commit, totalMs: dryRun.ms + commit.ms, figures,
      peakRssMb: Math.round(peakRss / 1024 / 1024),
    }, null, 1));
    await closeSql();
    await disconnectDb();
  } finally {
    await dropDatabase(sourceUrl, target);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
