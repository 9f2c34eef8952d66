// `npm run bench -- cluster`: the local topology of `npm run cluster` under load
// (autocannon, on the same machine). Starts the cluster if it is not running and
// stops it afterwards if it started it. Three measurements (docs/performance.md):
//
// 1. Scaling: /api/v1/series?metric=refugees with 20 connections for 10 s, on one
//    app process directly and on HAProxy in front of two.
// 2. Losing an app process under load: 20 connections through HAProxy for 15 s;
//    after 5 s one app process is killed (SIGKILL, then separately SIGTERM).
//    Every non-2xx answer, error and timeout is counted.
// 3. Losing the replica under load: anonymous reads through HAProxy; after 3 s
//    the replica is stopped. How long until the apps log the warning and read the
//    primary, and how many requests failed meanwhile.
//
// Each run also records how busy the machine's CPU was and how much of it the load
// generator used, so a ratio can be read against the cores the first process left idle.
//
// Options: --duration <s> (scaling runs, default 10), --connections <n> (20),
// --app-cpu <cores>: cap each app process at that many cores (a CPU cgroup quota, as a
// container limit does; needs root and a writable cgroup cpu controller) for the
// scaling runs, so each process gets its own share as it would on a machine with a core
// per process, and the rest of the machine stays free for PostgreSQL, PgBouncer, HAProxy
// and the load generator.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServer, stopServer } from '../../lib/db/localCluster';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DURATION = option('duration', 10);
const APP_CPU = option('app-cpu', 0);
const CONNECTIONS = option('connections', 20);
const HAPROXY = 'http://127.0.0.1:3100';
const APP1 = 'http://127.0.0.1:3101';
const SERIES = '/api/v1/series?metric=refugees';
const ROOT = '.cluster';
const say = (line: string) => console.log(`[bench cluster] ${line}`);

const cluster = (command: string) => spawnSync(join('node_modules', '.bin', 'tsx'), [join('scripts', 'cluster.ts'), command], { stdio: 'inherit' }).status;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pidOf = (name: string) => Number(readFileSync(join(ROOT, 'run', `${name}.pid`), 'utf8').trim());

/** A process and its descendants (tsx starts the app as a child node process). */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]) ?? []));
  return tree;
}

/**
 * Caps a process tree at `cores` of CPU in a cgroup of its own (v1 `cpu` controller, else
 * v2's `cpu.max`); returns a function that moves it back and removes the group.
 */
function capCpu(name: string, pid: number, cores: number): () => void {
  const v1 = '/sys/fs/cgroup/cpu';
  const v2 = '/sys/fs/cgroup';
  const period = 100_000;
  const quota = Math.round(cores * period);
  const [root, group] = existsSync(join(v1, 'cpu.cfs_quota_us'))
    ? [v1, join(v1, `corridor-bench-${name}`)]
    : existsSync(join(v2, 'cgroup.subtree_control')) && readFileSync(join(v2, 'cgroup.subtree_control'), 'utf8').includes('cpu')
      ? [v2, join(v2, `corridor-bench-${name}`)]
      : ['', ''];
  if (!group) throw new Error('--app-cpu needs a writable cgroup cpu controller (run as root on Linux)');
  if (!existsSync(group)) mkdirSync(group);
  if (root === v1) {
    writeFileSync(join(group, 'cpu.cfs_period_us'), String(period));
    writeFileSync(join(group, 'cpu.cfs_quota_us'), String(quota));
  } else {
    writeFileSync(join(group, 'cpu.max'), `${quota} ${period}`);
  }
  for (const member of processTree(pid)) writeFileSync(join(group, 'cgroup.procs'), String(member));
  return () => {
    for (const member of readFileSync(join(group, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean)) {
      try {
        writeFileSync(join(root, 'cgroup.procs'), member);
      } catch {
        // Already gone.
      }
    }
    rmdirSync(group);
  };
}

interface Run {
  /** Share of the machine's CPU time busy during the run (all cores; /proc/stat). */
  machineBusy: number;
  /** Cores' worth of CPU the load generator (autocannon, in this process) used. */
  loaderCores: number;
  rps: number;
  p50: number;
  p99: number;
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** The machine's CPU time so far, busy and in all (jiffies, every core; Linux's /proc/stat). */
function machineCpu(): { busy: number; total: number } {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

async function load(url: string, seconds: number, connections = CONNECTIONS, during?: (elapsedMs: () => number) => Promise<void>): Promise<Run> {
  const started = Date.now();
  const [cpuBefore, ownBefore] = [machineCpu(), process.cpuUsage()];
  const instance = autocannon({ url, connections, duration: seconds, timeout: 10 });
  const side = during?.(() => Date.now() - started);
  const result = await instance;
  await side;
  const [cpuAfter, own] = [machineCpu(), process.cpuUsage(ownBefore)];
  return {
    machineBusy: (cpuAfter.busy - cpuBefore.busy) / (cpuAfter.total - cpuBefore.total),
    loaderCores: (own.user + own.system) / 1000 / (Date.now() - started),
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

const row = (name: string, r: Run) =>
  `| ${name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.total} | ${r.non2xx} | ${r.errors} | ${r.timeouts} | ${Math.round(r.machineBusy * 100)}% | ${r.loaderCores.toFixed(2)} |`;

async function waitReady(url: string, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await fetch(`${url}/api/health/ready`).then((r) => r.ok, () => false)) return;
    await sleep(250);
  }
  throw new Error(`${url} not ready after ${seconds} s`);
}

/** Waits until process `pid` has exited. */
async function waitExit(pid: number, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  while (alive()) {
    if (Date.now() > deadline) throw new Error(`process ${pid} still running after ${seconds} s`);
    await sleep(250);
  }
}

/** Log lines (JSON) an app wrote since `offset`, with the message matching `pattern`. */
function logLines(name: string, offset: number, pattern: RegExp): { time: number; msg: string }[] {
  const text = readFileSync(join(ROOT, 'logs', `${name}.log`), 'utf8').slice(offset);
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { time: string; msg: string })
    .filter((l) => pattern.test(l.msg))
    .map((l) => ({ time: Date.parse(l.time), msg: l.msg }));
}
const logSize = (name: string) => readFileSync(join(ROOT, 'logs', `${name}.log`), 'utf8').length;

async function main() {
  const wasRunning = cluster('status') === 0;
  if (!wasRunning && cluster('start') !== 0) throw new Error('the cluster did not start');
  const state = JSON.parse(readFileSync(join(ROOT, 'state.json'), 'utf8')) as { binDir: string };
  const lines: string[] = [];
  const header = [
    `| run | requests/s | p50 ms | p99 ms | requests | non-2xx | errors | timeouts | machine CPU busy (${cpus().length} cores) | load generator, cores |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  try {
    await waitReady(HAPROXY, 30);
    // Warm both processes (first requests compile and fill pools).
    await load(`${HAPROXY}${SERIES}`, 3, 4);
    await load(`${APP1}${SERIES}`, 2, 4);

    say(`scaling: ${SERIES}, ${CONNECTIONS} connections, ${DURATION} s each${APP_CPU ? `, each app process capped at ${APP_CPU} cores` : ''}`);
    const uncap = APP_CPU ? (['app1', 'app2'] as const).map((name) => capCpu(name, pidOf(name), APP_CPU)) : [];
    const healthOne = await load(`${APP1}/api/health`, DURATION);
    const one = await load(`${APP1}${SERIES}`, DURATION);
    const healthTwo = await load(`${HAPROXY}/api/health`, DURATION);
    const two = await load(`${HAPROXY}${SERIES}`, DURATION);
    for (const release of uncap) release();
    lines.push(`### Scaling${APP_CPU ? ` (each app process capped at ${APP_CPU} cores)` : ''}`, '', ...header, row('/api/health, one app process (direct)', healthOne), row('series, one app process (direct)', one), row('/api/health, HAProxy → two app processes', healthTwo), row('series, HAProxy → two app processes', two), '', `Two processes / one on the series route: **${(two.rps / one.rps).toFixed(2)}×**`, '',
      // A second process can only add what the first leaves idle: on a machine whose cores the
      // first run already keeps busy, the ratio measures the shared cores, not the app.
      `Idle CPU during the one-process series run: ${Math.round((1 - one.machineBusy) * 100)}% of ${cpus().length} cores.`, '');

    say('killing one app process under load (SIGKILL after 5 s, 15 s run)');
    const killed = await load(`${HAPROXY}${SERIES}`, 15, CONNECTIONS, async (elapsed) => {
      while (elapsed() < 5000) await sleep(50);
      process.kill(pidOf('app2'), 'SIGKILL');
    });
    cluster('start'); // brings app2 back
    await waitReady('http://127.0.0.1:3102', 120);
    await sleep(3000); // HAProxy's checks see it again
    say('stopping one app process under load (SIGTERM after 5 s, 15 s run)');
    let draining = 0;
    const drained = await load(`${HAPROXY}${SERIES}`, 15, CONNECTIONS, async (elapsed) => {
      while (elapsed() < 5000) await sleep(50);
      draining = pidOf('app2');
      process.kill(draining, 'SIGTERM');
    });
    // A draining app2 may still be finishing slow requests: `cluster start` would take it for running.
    await waitExit(draining, 60);
    cluster('start');
    await waitReady('http://127.0.0.1:3102', 120);
    await sleep(3000);
    lines.push('### Losing an app process under load', '', ...header, row('app2 killed (SIGKILL) at 5 s', killed), row('app2 stopped (SIGTERM, drains) at 5 s', drained), '');

    say('stopping the replica under load (after 3 s, 12 s run)');
    const offsets = { app1: logSize('app1'), app2: logSize('app2') };
    let stoppedAt = 0;
    const replica = join(ROOT, 'pg', 'replica');
    const replicaRun = await load(`${HAPROXY}${SERIES}`, 12, 10, async (elapsed) => {
      while (elapsed() < 3000) await sleep(50);
      stoppedAt = Date.now();
      await stopServer(state.binDir, replica, 'fast');
    });
    const ready = await fetch(`${APP1}/api/health/ready`).then((r) => r.json());
    const warnings = (['app1', 'app2'] as const).flatMap((name) => logLines(name, offsets[name], /replica unreachable/).map((l) => ({ name, after: l.time - stoppedAt })));
    await startServer(state.binDir, { dataDir: replica, port: 55442, logFile: join(ROOT, 'pg', 'replica.log') });
    await sleep(3000);
    const back = (['app1', 'app2'] as const).flatMap((name) => logLines(name, offsets[name], /replica answers again/).map((l) => ({ name, after: l.time - stoppedAt })));
    lines.push(
      '### Losing the replica under load',
      '',
      ...header,
      row('replica stopped (pg_ctl stop -m fast) at 3 s', replicaRun),
      '',
      `Warnings: ${warnings.map((w) => `${w.name} ${(w.after / 1000).toFixed(1)} s after the stop`).join(', ') || 'none'}; readiness after: \`${JSON.stringify(ready)}\`; replica back: ${back.map((w) => `${w.name} at ${(w.after / 1000).toFixed(1)} s`).join(', ') || 'not seen'}.`,
      '',
    );
  } finally {
    if (!wasRunning) cluster('stop');
  }
  const report = [`cluster benchmark, ${new Date().toISOString()}, ${CONNECTIONS} connections`, '', ...lines].join('\n');
  console.log(`\n${report}`);
  if (!existsSync('bench-results')) mkdirSync('bench-results');
  writeFileSync(join('bench-results', 'cluster.md'), report);
}

main().catch((err) => {
  console.error(`[bench cluster] error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
