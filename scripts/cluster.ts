// `npm run cluster -- start|stop|status`: the local multi-process topology of
// docs/deploy.md, all on loopback, from Debian packages (haproxy, pgbouncer,
// postgresql):
//
//   client → HAProxy :3100 → app :3101, app :3102 (scripts/serve.ts)
//                              → PgBouncer :6543 (transaction mode)
//                                  → primary :55441 ─WAL→ replica :55442 (pg_basebackup)
//
// State (data folders, rendered configs, logs, pids) lives in .cluster/. `start`
// is idempotent (it starts what is not running); `stop` stops everything and
// keeps the data; `stop --clean` also deletes .cluster/.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { createDatabase, listDatabases, withDatabase } from '../lib/db/admin';
import { createLocalCluster, startServer, stopServer, systemBinDir } from '../lib/db/localCluster';
import { isPortFree, pidAlive } from '../lib/db/ports';
import { migrate } from '../lib/db/migrate';

const ROOT = resolve('.cluster');
const PORTS = { haproxy: 3100, stats: 3109, apps: [3101, 3102], pgbouncer: 6543, primary: 55441, replica: 55442 };
const say = (line: string) => console.log(`[cluster] ${line}`);

const paths = {
  pg: join(ROOT, 'pg'),
  primary: join(ROOT, 'pg', 'primary'),
  replica: join(ROOT, 'pg', 'replica'),
  logs: join(ROOT, 'logs'),
  run: join(ROOT, 'run'),
  state: join(ROOT, 'state.json'),
};

interface State {
  metricsToken: string;
  binDir: string;
}

const primaryUrl = `postgresql://postgres@127.0.0.1:${PORTS.primary}/corridor`;
const bouncerUrl = (db: string) => `postgresql://postgres@127.0.0.1:${PORTS.pgbouncer}/${db}`;

class ClusterError extends Error {}

function which(cmd: string): string | undefined {
  for (const dir of ['/usr/sbin', '/usr/bin', '/sbin', '/bin', '/usr/local/sbin', '/usr/local/bin']) {
    if (existsSync(join(dir, cmd))) return join(dir, cmd);
  }
  return undefined;
}

function pidOf(name: string): number | undefined {
  const file = join(paths.run, `${name}.pid`);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return pid && pidAlive(pid) ? pid : undefined;
}

function pgPid(dataDir: string): number | undefined {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return pid && pidAlive(pid) ? pid : undefined;
}

function render(template: string, values: Record<string, string | number>): string {
  return readFileSync(join('deploy', template), 'utf8').replace(/\$\{(\w+)\}/g, (_, key: string) => {
    if (!(key in values)) throw new Error(`deploy/${template} uses \${${key}}, which the cluster script does not set`);
    return String(values[key]);
  });
}

/** Starts a long-running process detached from this script, logging to .cluster/logs/<name>.log. */
function launch(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, ids?: { uid: number; gid: number }): number {
  const out = openSync(join(paths.logs, `${name}.log`), 'a');
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', out, out], env, ...(ids ?? {}) });
  child.unref();
  writeFileSync(join(paths.run, `${name}.pid`), String(child.pid));
  return child.pid!;
}

async function waitFor(what: string, check: () => Promise<boolean>, seconds: number, pid?: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    if (pid !== undefined && !pidAlive(pid)) throw new ClusterError(`${what} exited during start-up; see .cluster/logs/`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new ClusterError(`${what} did not come up within ${seconds} s; see .cluster/logs/`);
}

const httpOk = (url: string) => fetch(url, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok);

function postgresIds(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres']).stdout.toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

function readState(): State | undefined {
  return existsSync(paths.state) ? (JSON.parse(readFileSync(paths.state, 'utf8')) as State) : undefined;
}

async function start() {
  const missing = ['haproxy', 'pgbouncer'].filter((c) => !which(c));
  const binDir = systemBinDir();
  if (!binDir) missing.push('postgresql');
  if (missing.length) throw new ClusterError(`missing Debian packages: ${missing.join(', ')}. Install them: apt-get install -y ${missing.join(' ')}`);
  for (const dir of [ROOT, paths.logs, paths.run]) mkdirSync(dir, { recursive: true });
  const state: State = readState() ?? { metricsToken: randomBytes(24).toString('base64url'), binDir: binDir! };
  writeFileSync(paths.state, JSON.stringify(state, null, 2));

  // 1. PostgreSQL: a primary and a streaming replica made with pg_basebackup.
  if (!existsSync(join(paths.primary, 'PG_VERSION'))) {
    for (const port of [PORTS.primary, PORTS.replica]) if (!(await isPortFree(port))) throw new ClusterError(`port ${port} is taken; stop what uses it`);
    say(`initialising a primary (:${PORTS.primary}) and a replica (:${PORTS.replica}) with ${binDir}`);
    rmSync(paths.pg, { recursive: true, force: true });
    const made = await createLocalCluster({ dir: paths.pg, primaryPort: PORTS.primary, replicaPort: PORTS.replica, binDir, primarySettings: { fsync: 'on' } });
    say(`replica made by ${made.method}`);
  } else {
    for (const [name, dataDir, port] of [['primary', paths.primary, PORTS.primary], ['replica', paths.replica, PORTS.replica]] as const) {
      if (pgPid(dataDir)) continue;
      say(`starting the ${name} (:${port})`);
      await startServer(binDir!, { dataDir, port, logFile: join(paths.pg, `${name}.log`) });
    }
  }
  const server = `postgresql://postgres@127.0.0.1:${PORTS.primary}/postgres`;
  if (!(await listDatabases(server, 'corridor')).includes('corridor')) await createDatabase(server, 'corridor');
  // Migrations and the curated dataset go straight to the primary: the migrator's
  // session-level advisory lock needs one server connection, which PgBouncer in
  // transaction mode does not promise.
  const { applied } = await migrate(primaryUrl);
  say(applied.length ? `applied ${applied.length} migration(s)` : 'migrations: up to date');
  if (process.env.DEMO_DATA !== 'false') {
    process.env.DATABASE_URL = primaryUrl;
    const { loadDemoData } = await import('../lib/demo/loadDemoData');
    const result = await loadDemoData();
    if (result.loaded) say(`dataset: loaded "${result.title}"`);
    const { closeSql } = await import('../lib/db/sql');
    const { disconnectDb } = await import('../lib/db/client');
    await Promise.all([closeSql(), disconnectDb()]);
  }

  // 2. PgBouncer in transaction mode.
  if (!pidOf('pgbouncer')) {
    const dir = join(ROOT, 'pgbouncer');
    mkdirSync(dir, { recursive: true });
    const userlist = join(dir, 'userlist.txt');
    writeFileSync(userlist, '"postgres" ""\n');
    const ini = join(dir, 'pgbouncer.ini');
    const pidFile = join(dir, 'pgbouncer.pid');
    writeFileSync(
      ini,
      render('pgbouncer.ini', {
        PRIMARY_PORT: PORTS.primary,
        REPLICA_PORT: PORTS.replica,
        PGBOUNCER_PORT: PORTS.pgbouncer,
        PGBOUNCER_USERLIST: userlist,
        PGBOUNCER_LOG: join(paths.logs, 'pgbouncer-server.log'),
        PGBOUNCER_PID: pidFile,
      }),
    );
    // PgBouncer refuses to run as root: as root it runs as the postgres user.
    const ids = postgresIds();
    if (ids) {
      for (const f of [dir, ini, userlist]) chownSync(f, ids.uid, ids.gid);
      chmodSync(paths.logs, 0o777);
      rmSync(pidFile, { force: true });
    }
    if (!(await isPortFree(PORTS.pgbouncer))) throw new ClusterError(`port ${PORTS.pgbouncer} is taken; stop what uses it`);
    const pid = launch('pgbouncer', which('pgbouncer')!, [ini], process.env, ids);
    await waitFor('PgBouncer', () => isPortFree(PORTS.pgbouncer).then((free) => !free), 15, pid);
    say(`PgBouncer (transaction mode) on :${PORTS.pgbouncer}`);
  }

  // 3. Two app processes.
  if (!existsSync(join(process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID'))) {
    say('no production build yet: running `next build` (a few minutes)');
    const build = spawnSync(join('node_modules', '.bin', 'next'), ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) throw new ClusterError('next build failed; see above');
  }
  for (const [i, port] of PORTS.apps.entries()) {
    const name = `app${i + 1}`;
    if (pidOf(name)) continue;
    if (!(await isPortFree(port))) throw new ClusterError(`port ${port} is taken; stop what uses it`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATABASE_URL: bouncerUrl('corridor'),
      DATABASE_REPLICA_URL: bouncerUrl('corridor_replica'),
      DATABASE_PGBOUNCER: 'true',
      DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '10',
      TRUSTED_PROXIES: '127.0.0.1',
      METRICS_TOKEN: state.metricsToken,
      SHUTDOWN_GRACE_SECONDS: '2',
      AUTH_COOKIE_SECURE: 'false',
    };
    // One process per app (node with tsx's loader, not the tsx wrapper), so its pid is the server's.
    const pid = launch(name, process.execPath, ['--import', 'tsx', join('scripts', 'serve.ts')], env);
    await waitFor(`app ${name}`, () => httpOk(`http://127.0.0.1:${port}/api/health/ready`), 120, pid);
    say(`${name} on :${port} (pid ${pid})`);
  }

  // 4. HAProxy in front.
  if (!pidOf('haproxy')) {
    const cfg = join(ROOT, 'haproxy.cfg');
    writeFileSync(
      cfg,
      render('haproxy.cfg', {
        HAPROXY_BIND: `127.0.0.1:${PORTS.haproxy}`,
        HAPROXY_STATS_BIND: `127.0.0.1:${PORTS.stats}`,
        HAPROXY_SERVERS: PORTS.apps.map((port, i) => `    server app${i + 1} 127.0.0.1:${port}`).join('\n'),
      }),
    );
    const check = spawnSync(which('haproxy')!, ['-c', '-q', '-f', cfg]);
    if (check.status !== 0) throw new ClusterError(`haproxy.cfg is invalid: ${check.stderr.toString()}`);
    const pid = launch('haproxy', which('haproxy')!, ['-db', '-f', cfg]);
    await waitFor('HAProxy', () => httpOk(`http://127.0.0.1:${PORTS.haproxy}/api/health/ready`), 20, pid);
  }
  say(`up: http://127.0.0.1:${PORTS.haproxy} (HAProxy stats: http://127.0.0.1:${PORTS.stats}/)`);
  say(`metrics: curl -H "Authorization: Bearer ${state.metricsToken}" http://127.0.0.1:${PORTS.haproxy}/api/metrics`);
}

async function stopPid(name: string, signal: NodeJS.Signals, seconds: number): Promise<void> {
  const pid = pidOf(name);
  if (!pid) return;
  say(`stopping ${name} (pid ${pid})`);
  process.kill(pid, signal);
  const deadline = Date.now() + seconds * 1000;
  while (pidAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (pidAlive(pid)) {
    say(`${name} did not stop within ${seconds} s; killing it`);
    process.kill(pid, 'SIGKILL');
  }
  rmSync(join(paths.run, `${name}.pid`), { force: true });
}

async function stop(clean: boolean) {
  await stopPid('haproxy', 'SIGTERM', 10);
  await Promise.all(PORTS.apps.map((_, i) => stopPid(`app${i + 1}`, 'SIGTERM', 30)));
  await stopPid('pgbouncer', 'SIGINT', 10);
  const binDir = readState()?.binDir ?? systemBinDir();
  for (const [name, dataDir] of [['replica', paths.replica], ['primary', paths.primary]] as const) {
    if (binDir && pgPid(dataDir)) {
      say(`stopping the ${name}`);
      await stopServer(binDir, dataDir, 'fast');
    }
  }
  if (clean) {
    rmSync(ROOT, { recursive: true, force: true });
    say('deleted .cluster/');
  }
  say('stopped');
}

async function status(): Promise<boolean> {
  const rows: [string, string][] = [];
  for (const name of ['haproxy', 'app1', 'app2', 'pgbouncer']) rows.push([name, pidOf(name) ? `running (pid ${pidOf(name)})` : 'stopped']);
  for (const [name, dataDir] of [['primary', paths.primary], ['replica', paths.replica]] as const) rows.push([name, pgPid(dataDir) ? `running (pid ${pgPid(dataDir)})` : 'stopped']);
  for (const [name, state] of rows) console.log(`${name.padEnd(10)} ${state}`);
  const ready = await fetch(`http://127.0.0.1:${PORTS.haproxy}/api/health/ready`, { signal: AbortSignal.timeout(2000) })
    .then(async (r) => `${r.status} ${await r.text()}`)
    .catch(() => 'no answer');
  console.log(`${'ready'.padEnd(10)} ${ready}`);
  return rows.every(([, s]) => s.startsWith('running'));
}

async function main(): Promise<number> {
  const [command, flag] = process.argv.slice(2);
  if (command === 'start') {
    try {
      await start();
    } catch (err) {
      say(`error: ${err instanceof Error ? err.message : String(err)}`);
      say('stopping what was started');
      await stop(false);
      return 1;
    }
    return 0;
  }
  if (command === 'stop') {
    await stop(flag === '--clean');
    return 0;
  }
  if (command === 'status') return (await status()) ? 0 : 3;
  console.error('usage: npm run cluster -- start | stop [--clean] | status');
  return 2;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[cluster] error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
