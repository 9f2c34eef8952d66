// `npm run bench -- export [--database-url URL]`: exports every published figure
// through the figures.csv route handler and compares with `psql \copy` of the
// same SELECT. Reports first byte, total time, bytes, peak RSS, and how much the
// retained heap grew while streaming (measured after a full collection every
// 4 MB: garbage is not growth). Holding the rows would grow it by the file size.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const retained = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const MB = 1024 * 1024;

const urlArg = process.argv.indexOf('--database-url');
process.env.DATABASE_URL = urlArg > 0 ? process.argv[urlArg + 1] : process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/corridor_bench';

async function main() {
  const { GET } = await import('../../app/api/v1/figures.csv/route');
  const { figureSelectSql } = await import('../../lib/exchange/figureExport');
  const { closeSql } = await import('../../lib/db/sql');
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

  const heapBefore = retained();
  let heapPeak = heapBefore;
  let heapSampledAt = 0;
  let gcMs = 0;
  const start = performance.now();
  const response = await GET(new Request('http://localhost/api/v1/figures.csv'));
  const reader = response.body!.getReader();
  let firstByte = 0;
  let bytes = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!firstByte) firstByte = performance.now() - start;
    bytes += value.length;
    if (bytes - heapSampledAt > 4 * MB) {
      heapSampledAt = bytes;
      const t = performance.now();
      heapPeak = Math.max(heapPeak, retained());
      gcMs += performance.now() - t;
    }
  }
  // The forced collections are not the export's time.
  const appMs = performance.now() - start - gcMs;
  clearInterval(sampler);

  const select = figureSelectSql(`f.status = 'PUBLISHED'`, { raw: false });
  const psqlStart = performance.now();
  const psql = spawnSync('/usr/bin/psql', [process.env.DATABASE_URL!, '-Atc', `\\copy (${select}) to '/dev/null' csv`], { stdio: 'inherit' });
  const psqlMs = performance.now() - psqlStart;
  if (psql.status !== 0) throw new Error('psql failed');

  console.log(JSON.stringify({ bytes, firstByteMs: Math.round(firstByte), appMs: Math.round(appMs), psqlCopyMs: Math.round(psqlMs), ratio: +(appMs / psqlMs).toFixed(2), peakRssMb: Math.round(peakRss / MB), retainedHeapGrowthMb: +((heapPeak - heapBefore) / MB).toFixed(1) }));
  await closeSql();
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
