// Page weight and Lighthouse (issue 14): for `/`, `/figures`, one `/figures/<id>` and
// `/sources`, the HTML's size (raw, and gzipped as the server sends it) and Lighthouse's
// four category scores with its mobile and desktop presets.
// Usage: npm run bench -- lighthouse [--database-url postgresql://…/corridor_bench] [--runs 3]
// Without --database-url it creates a fresh database on BENCH_SERVER_URL's server
// (default the local one), loads the curated dataset as `npm start` does, and drops it after.
// It serves the existing production build (NEXT_DIST_DIR, default .next) with
// scripts/serve.ts, the server `npm start` runs. Lighthouse is not a dependency (it is
// heavy and would slow CI's npm ci): it runs through `npx --yes lighthouse@LIGHTHOUSE`
// with Chromium at CHROME_PATH (default /usr/bin/chromium), headless; nothing but the
// app on loopback is fetched. Full reports go to bench-results/lighthouse/.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { checkConnection, createDatabase, dropDatabase, withDatabase } from '../../lib/db/admin';
import { migrate } from '../../lib/db/migrate';
import { findFreePort } from '../../lib/db/ports';

/** Pinned: 12.x is the last line that runs on Node 20 (13 needs Node 22.19). */
const LIGHTHOUSE = '12.8.2';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
/** Issue 14's targets: performance ≥ 90 on mobile, every other category 100; HTML of `/` < 150 kB. */
const TARGET: Record<Category, number> = { performance: 90, accessibility: 100, 'best-practices': 100, seo: 100 };
const HTML_BUDGET = 150 * 1024;

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    runs: { type: 'string', default: '1' },
    label: { type: 'string' },
    'skip-lighthouse': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const say = (l: string) => console.log(`[bench:lighthouse] ${l}`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 9) {
  console.error('[bench:lighthouse] --runs must be a whole number from 1 to 9');
  process.exit(2);
}
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
if (!existsSync(join(distDir, 'BUILD_ID'))) {
  console.error(`[bench:lighthouse] no production build in ${distDir}; run \`NEXT_DIST_DIR=${distDir} npx next build\` first`);
  process.exit(2);
}
const label = values.label ?? (values['database-url'] ? new URL(values['database-url']).pathname.slice(1) : 'demo');
const reportDir = join('bench-results', 'lighthouse');

/** A fresh database with the curated dataset, loaded the way `npm start` and the e2e harness load it. */
async function demoDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.BENCH_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  await checkConnection(server);
  const name = `corridor_lighthouse_${Date.now().toString(36)}`;
  await createDatabase(server, name);
  const url = withDatabase(server, name);
  await migrate(url);
  process.env.DATABASE_URL = url;
  const { loadDemoData } = await import('../../lib/demo/loadDemoData');
  const loaded = await loadDemoData();
  const { closeSql } = await import('../../lib/db/sql');
  await closeSql();
  say(`fresh database ${name}: ${loaded.loaded ? `${loaded.figures} figures of "${loaded.title}"` : 'not loaded'}`);
  return { url, drop: () => dropDatabase(server, name) };
}

async function startApp(databaseUrl: string): Promise<{ base: string; stop: () => Promise<void> }> {
  const port = await findFreePort();
  const child = spawn(join('node_modules', '.bin', 'tsx'), [join('scripts', 'serve.ts')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), HOSTNAME: '127.0.0.1', SHUTDOWN_GRACE_SECONDS: '0' },
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) break;
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return { base, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error('the app did not start');
}

/** Bytes of the body as sent for `accept-encoding` (no decoding), and its content-encoding. */
function wireBytes(url: string, encoding: string): Promise<{ status: number; bytes: Buffer; encoding: string }> {
  return new Promise((done, fail) => {
    const req = request(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks), encoding: String(res.headers['content-encoding'] ?? 'identity') }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

interface HtmlSize { raw: number; sent: number; sentEncoding: string; gzip9: number; flight: number }

async function htmlSize(url: string): Promise<HtmlSize> {
  const raw = await wireBytes(url, 'identity');
  if (raw.status !== 200) throw new Error(`${url} answered ${raw.status}`);
  const sent = await wireBytes(url, 'gzip, deflate, br');
  // The inline React Server Components payload (self.__next_f.push scripts): the page's
  // data for hydration, which repeats what the markup shows plus the client components' props.
  const flight = [...raw.bytes.toString('utf8').matchAll(/<script[^>]*>(self\.__next_f\.push[\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]), 0);
  return { raw: raw.bytes.length, sent: sent.bytes.length, sentEncoding: sent.encoding, gzip9: gzipSync(raw.bytes, { level: 9 }).length, flight };
}

interface LighthouseAudit {
  id: string;
  title: string;
  score: number | null;
  displayValue?: string;
  scoreDisplayMode: string;
  details?: { items?: Array<Record<string, unknown>> };
}
interface LighthouseReport {
  lighthouseVersion: string;
  environment: { benchmarkIndex: number };
  categories: Record<Category, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, LighthouseAudit>;
  runtimeError?: { code: string; message: string };
}

function runLighthouse(url: string, preset: 'mobile' | 'desktop', out: string): Promise<LighthouseReport> {
  const args = [
    '--yes', `lighthouse@${LIGHTHOUSE}`, url,
    '--output=json', `--output-path=${out}`, '--quiet',
    `--only-categories=${CATEGORIES.join(',')}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  return new Promise((done, fail) => {
    const child = spawn('npx', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' } });
    child.on('error', fail);
    child.on('exit', (code) => {
      if (code !== 0) return fail(new Error(`lighthouse exited with ${code} for ${url} (${preset})`));
      const report = JSON.parse(readFileSync(out, 'utf8')) as LighthouseReport;
      if (report.runtimeError) return fail(new Error(`lighthouse: ${report.runtimeError.code} ${report.runtimeError.message}`));
      done(report);
    });
  });
}

const score = (r: LighthouseReport, c: Category) => Math.round((r.categories[c].score ?? 0) * 100);

/** The weighted audits that cost points in the categories below target, heaviest first. */
function failingAudits(r: LighthouseReport): string[] {
  const lines: string[] = [];
  for (const c of CATEGORIES) {
    if (score(r, c) >= TARGET[c]) continue;
    const refs = r.categories[c].auditRefs
      .map((ref) => ({ ref, audit: r.audits[ref.id] }))
      .filter(({ ref, audit }) => audit && audit.score !== null && audit.score < 1 && (ref.weight > 0 || audit.scoreDisplayMode === 'metricSavings'))
      .sort((a, b) => b.ref.weight * (1 - (b.audit.score ?? 0)) - a.ref.weight * (1 - (a.audit.score ?? 0)));
    for (const { ref, audit } of refs.slice(0, 6)) {
      lines.push(`${c}: ${audit.id} (${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ''}; score ${Math.round((audit.score ?? 0) * 100)}, weight ${ref.weight})${detail(audit)}`);
    }
    if (c === 'performance') {
      // Where the main thread went: the blocking time is mostly script evaluation.
      const top = r.audits['bootup-time']?.details?.items?.[0] as { url?: string; scripting?: number } | undefined;
      lines.push(`${c}: main-thread work ${r.audits['mainthread-work-breakdown']?.displayValue ?? '?'}, JavaScript execution ${r.audits['bootup-time']?.displayValue ?? '?'}${top?.url ? ` (most: ${URL.canParse(top.url) ? new URL(top.url).pathname : top.url}, ${Math.round(top.scripting ?? 0)} ms scripting)` : ''}`);
    }
  }
  return lines;
}

/** The first item of an audit that names a culprit (a console error, a shifting element). */
function detail(audit: LighthouseAudit): string {
  const item = audit.details?.items?.[0];
  if (!item) return '';
  if (typeof item.description === 'string') return ` — ${item.description.split('\n')[0].slice(0, 160)}`;
  const node = item.node as { selector?: string } | undefined;
  return node?.selector ? ` — ${node.selector}` : '';
}

const PERF_METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

async function main() {
  const demo = values['database-url'] ? null : await demoDatabase();
  const databaseUrl = values['database-url'] ?? demo!.url;
  const app = await startApp(databaseUrl);
  try {
    // One figure a reader reaches from the list: the first link on /figures.
    const list = await (await fetch(`${app.base}/figures`)).text();
    const figureId = list.match(/href="\/figures\/(\d+)/)?.[1];
    if (!figureId) throw new Error('no figure link on /figures');
    const pages = ['/', '/figures', `/figures/${figureId}`, '/sources'];
    for (const page of pages) await fetch(`${app.base}${page}`).then((r) => r.arrayBuffer()); // warm each route once
    mkdirSync(reportDir, { recursive: true });
    const rows: string[] = [];
    for (const page of pages) {
      const size = await htmlSize(`${app.base}${page}`);
      const kb = (n: number) => (n / 1024).toFixed(1);
      say(`${label} ${page}: HTML ${kb(size.raw)} kB raw (${kb(size.flight)} kB of it the inline RSC payload), ${kb(size.sent)} kB sent (${size.sentEncoding}), ${kb(size.gzip9)} kB gzip -9${page === '/' && size.raw >= HTML_BUDGET ? ' — over the 150 kB budget' : ''}`);
      const cells = [`${kb(size.raw)} / ${kb(size.sent)}`];
      for (const preset of values['skip-lighthouse'] ? [] : (['mobile', 'desktop'] as const)) {
        const reports: LighthouseReport[] = [];
        for (let i = 0; i < runs; i++) {
          const slug = `${label}-${page === '/' ? 'home' : page.slice(1).replace(/\//g, '-')}-${preset}${runs > 1 ? `-${i + 1}` : ''}`;
          reports.push(await runLighthouse(`${app.base}${page}`, preset, join(reportDir, `${slug}.json`)));
        }
        // The run with the median performance score stands for the page.
        reports.sort((a, b) => score(a, 'performance') - score(b, 'performance'));
        const r = reports[Math.floor(reports.length / 2)];
        const scores = CATEGORIES.map((c) => score(r, c));
        const metrics = PERF_METRICS.map((id) => `${id.split('-').map((w) => w[0]).join('').toUpperCase()} ${r.audits[id]?.displayValue ?? '?'}`).join(', ');
        say(`${label} ${page} ${preset}: ${scores.join(' / ')} (perf / a11y / best practices / SEO; lighthouse ${r.lighthouseVersion}, benchmarkIndex ${Math.round(r.environment.benchmarkIndex)}${runs > 1 ? `, median of ${runs}: perf ${reports.map((x) => score(x, 'performance')).join(', ')}` : ''}); ${metrics}`);
        for (const line of failingAudits(r)) say(`  ${preset} ${page} below target — ${line}`);
        cells.push(scores.join(' / '));
      }
      rows.push(`| \`${page}\` | ${label} | ${cells.join(' | ')} |`);
    }
    say('markdown rows: page | dataset | HTML kB raw / sent | mobile perf/a11y/bp/seo | desktop perf/a11y/bp/seo');
    for (const row of rows) console.log(row);
  } finally {
    await app.stop();
    await demo?.drop();
  }
}

main().catch((err) => {
  console.error(`[bench:lighthouse] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
