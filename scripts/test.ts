// `npm test`: runs Jest against a real PostgreSQL. Uses TEST_DATABASE_URL's
// server when set, otherwise a throwaway embedded server. Each run migrates a
// fresh database, clones one per Jest worker, and drops them all afterwards.
// `npm run test:e2e` (--e2e) also serves the production build on a free port
// against its own fresh database and runs the browser tests in __tests__/e2e.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { checkConnection, createDatabase, dropDatabase, listDatabases, withDatabase } from '../lib/db/admin';
import { startEmbeddedPostgres, type EmbeddedServer } from '../lib/db/embedded';
import { findFreePort } from '../lib/db/ports';
import { migrate } from '../lib/db/migrate';

const e2e = process.argv.includes('--e2e');
const WORKERS = 2;
const say = (line: string) => console.log(`[test] ${line}`);

async function main(): Promise<number> {
  let embedded: EmbeddedServer | null = null;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    say(`using TEST_DATABASE_URL's server`);
  } else {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'corridor-test-pg-')), 'data');
    embedded = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), persistent: false, log: say });
    serverUrl = embedded.url;
    say(`started an embedded PostgreSQL on port ${embedded.port}`);
  }
  const base = `corridor_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  try {
    await checkConnection(serverUrl);
    await createDatabase(serverUrl, base);
    await migrate(withDatabase(serverUrl, base));
    for (let w = 1; w <= WORKERS; w++) await createDatabase(serverUrl, `${base}_w${w}`, base);
    say(`fresh databases ${base}{,_w1.._w${WORKERS}}`);

    const userArgs = process.argv.slice(2).filter((a) => a !== '--e2e');
    const env: NodeJS.ProcessEnv = { ...process.env, CORRIDOR_TEST_SERVER_URL: serverUrl, CORRIDOR_TEST_DB_BASE: base, NODE_ENV: 'test' };
    if (!e2e) return await runJest(['--maxWorkers', String(WORKERS), ...userArgs], env);

    const app = await startAppForE2e(withDatabase(serverUrl, `${base}_w1`));
    try {
      return await runJest(['--config', '__tests__/e2e/jest.config.cjs', '--runInBand', ...userArgs], { ...env, E2E_BASE_URL: app.url });
    } finally {
      await app.stop();
    }
  } finally {
    for (const name of await listDatabases(serverUrl, base).catch(() => [])) await dropDatabase(serverUrl, name).catch(() => {});
    say('dropped the test databases');
    await embedded?.stop().catch(() => {});
  }
}

function runJest(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise<number>((done) => {
    const child = spawn(join('node_modules', '.bin', 'jest'), args, { stdio: 'inherit', env });
    child.on('exit', (code) => done(code ?? 1));
  });
}

/**
 * Builds if needed, then serves the app on a free port against `databaseUrl` with
 * the server `npm start` runs (scripts/serve.ts). IMPORT_MAX_MB is 12 so the HTTP
 * tests can send a file past the proxy's old 10 MB body limit and one past the
 * import limit without moving 50 MB.
 */
async function startAppForE2e(databaseUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  const env = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' as const, IMPORT_MAX_MB: '12' };
  const nextBin = join('node_modules', '.bin', 'next');
  if (!existsSync(join(distDir, 'BUILD_ID'))) {
    say('no production build: running next build');
    const build = spawnSync(nextBin, ['build'], { stdio: 'inherit', env });
    if (build.status !== 0) throw new Error('next build failed');
  }
  // Browser tests run against the curated dataset, as a first-time user would see it.
  process.env.DATABASE_URL = databaseUrl;
  const { loadDemoData } = await import('../lib/demo/loadDemoData');
  await loadDemoData();
  const { closeSql } = await import('../lib/db/sql');
  await closeSql();
  const port = await findFreePort();
  const server = spawn(join('node_modules', '.bin', 'tsx'), [join('scripts', 'serve.ts')], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...env, PORT: String(port), HOSTNAME: '127.0.0.1' } });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error('the app exited during start-up');
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  say(`app for browser tests at ${url}`);
  return {
    url,
    stop: async () => {
      if (server.exitCode !== null) return;
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    },
  };
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[test] error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
