// `npm start`: database up (embedded unless DATABASE_URL is set), migrations,
// the curated dataset into an empty database, a production build if none exists,
// then the production server (scripts/serve.ts: Next.js behind a server that decides
// which X-Forwarded-* headers to believe). Ctrl-C or SIGTERM stops the app and the
// embedded database.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, parseConfig } from '../lib/config';
import { prepareDatabase, type PreparedDatabase } from '../lib/db/prepareDatabase';
import { isPortFree } from '../lib/db/ports';

const dev = process.argv.includes('--dev');
const say = (line: string) => console.log(`[corridor] ${line}`);
/** A start-up problem the user can fix; main() prints it and cleans up. */
class StartError extends Error {}
const fail = (line: string): never => {
  throw new StartError(line);
};

let db: PreparedDatabase | null = null;
let child: ChildProcess | null = null;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
  }
  if (db?.embedded) {
    say('stopping the embedded database');
    await db.embedded.stop().catch(() => {});
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done) => {
    child = spawn(cmd, args, { stdio: 'inherit', env });
    child.on('exit', (code) => done(code ?? 1));
  });
}

async function main() {
  let config;
  try {
    config = parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(`bad configuration: ${err.message}. Fix the variable and start again.`);
    throw err;
  }
  if (!(await isPortFree(config.PORT, config.HOSTNAME === '0.0.0.0' ? '0.0.0.0' : config.HOSTNAME))) {
    fail(`port ${config.PORT} is already in use. Stop the other program or choose another port, e.g. PORT=${config.PORT + 1} npm start`);
  }

  try {
    db = await prepareDatabase({ databaseUrl: config.DATABASE_URL, embeddedPort: config.EMBEDDED_PG_PORT, dataDir: config.EMBEDDED_PG_DATA_DIR, log: say });
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  say(`database: ${db!.description}`);
  say(db!.applied.length ? `applied ${db!.applied.length} migration(s)` : 'migrations: up to date');

  process.env.DATABASE_URL = db!.url;
  process.env.CORRIDOR_EMBEDDED = db!.embedded ? '1' : '';
  if (config.DEMO_DATA) {
    const { db: client } = await import('../lib/db/client');
    const { loadDemoData } = await import('../lib/demo/loadDemoData');
    const result = await loadDemoData();
    say(
      result.loaded
        ? `dataset: loaded "${result.title}" through the importer: ${result.figures} figures, ${result.places} places, ${result.events} events`
        : 'dataset: not loaded, the database already holds data',
    );
    // Demo accounts only on the embedded database with demo data; never on a real DATABASE_URL.
    const { ensureDemoAccounts } = await import('../lib/demo/demoAccounts');
    const accounts = await ensureDemoAccounts();
    if (accounts) say(`demo accounts: created ${accounts} (admin@, editor@, analyst@corridor.demo; password corridor-demo)`);
    await client.$disconnect();
    const { closeSql } = await import('../lib/db/sql');
    await closeSql();
  } else {
    say('dataset: off (DEMO_DATA=false), starting with an empty database');
  }

  const env = { ...process.env, DATABASE_URL: db!.url, PORT: String(config.PORT), NEXT_TELEMETRY_DISABLED: '1' };
  const nextBin = join('node_modules', '.bin', 'next');
  if (!dev && !existsSync(join(process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID'))) {
    say('no production build yet: running `next build` (takes about two minutes on first start)');
    const code = await run(nextBin, ['build'], env);
    if (code !== 0) fail('next build failed; see the output above.');
  }
  say(`app: http://localhost:${config.PORT}`);
  const code = dev
    ? await run(nextBin, ['dev', '-p', String(config.PORT)], env)
    : await run(join('node_modules', '.bin', 'tsx'), [join('scripts', 'serve.ts')], { ...env, NODE_ENV: 'production' });
  if (!stopping) await shutdown(code);
}

main().catch((err) => {
  console.error(`[corridor] error: ${err instanceof Error ? err.message : String(err)}`);
  if (!(err instanceof StartError) && process.env.DEBUG) console.error(err);
  void shutdown(1);
});
