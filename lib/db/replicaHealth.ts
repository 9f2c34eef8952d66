// Is the read replica answering? A probe asks it every second; a failed probe,
// or a replica read that failed for want of a connection, sends reads to the
// primary at once with a warning in the log, and two good probes in a row send
// them back. The state lives on globalThis: one per process, whatever reloads.
import postgres from 'postgres';
import { describeDatabaseUrl } from './admin';
import { behindPgBouncer, replicaUrl } from './databaseUrl';
import { log } from '@/lib/http/log';

const PROBE_EVERY_MS = 1_000;
const PROBE_TIMEOUT_MS = 1_000;
const GOOD_PROBES_TO_RETURN = 2;

interface ReplicaState {
  url: string;
  healthy: boolean;
  goodProbes: number;
  probing: boolean;
  timer?: NodeJS.Timeout;
  probe?: postgres.Sql;
}

const KEY = Symbol.for('corridor.replicaHealth');
const globalState = globalThis as Record<symbol, ReplicaState | undefined>;

function state(): ReplicaState | undefined {
  const url = replicaUrl();
  if (!url) return undefined;
  let s = globalState[KEY];
  if (!s || s.url !== url) {
    s = { url, healthy: true, goodProbes: 0, probing: false };
    globalState[KEY] = s;
    s.timer = setInterval(() => void probe(s!), PROBE_EVERY_MS);
    s.timer.unref();
  }
  return s;
}

async function probe(s: ReplicaState): Promise<void> {
  if (s.probing) return;
  s.probing = true;
  s.probe ??= postgres(s.url, { max: 1, connect_timeout: 2, idle_timeout: 0, onnotice: () => {}, prepare: !behindPgBouncer() });
  try {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      s.probe`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    if (!s.healthy && ++s.goodProbes >= GOOD_PROBES_TO_RETURN) {
      s.healthy = true;
      log.info({ replica: describeDatabaseUrl(s.url) }, 'read replica answers again; replica reads resume');
    }
  } catch (err) {
    markReplicaDown(err, s);
    // A dead connection is dropped so the next probe dials afresh.
    const old = s.probe;
    s.probe = undefined;
    void old?.end({ timeout: 0 }).catch(() => {});
  } finally {
    s.probing = false;
  }
}

/** True when there is a replica and it answered its last probe. */
export function replicaUsable(): boolean {
  return state()?.healthy ?? false;
}

/** Sends reads to the primary until the replica answers probes again. */
export function markReplicaDown(err: unknown, s: ReplicaState | undefined = state()): void {
  if (!s) return;
  s.goodProbes = 0;
  if (!s.healthy) return;
  s.healthy = false;
  log.warn(
    { replica: describeDatabaseUrl(s.url), err: err instanceof Error ? err.message : String(err) },
    'read replica unreachable; reads go to the primary',
  );
}

/** Errors that mean "this server is gone", not "this query is wrong". */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; cause?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT'].includes(code)) return true;
  // admin_shutdown, crash_shutdown, cannot_connect_now; class 08: connection exceptions.
  if (['57P01', '57P02', '57P03'].includes(code) || code.startsWith('08')) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  if (/ECONNREFUSED|ECONNRESET|Connection terminated|terminating connection|the database system is (shutting down|starting up)/i.test(message)) return true;
  return e.cause ? isConnectionError(e.cause) : false;
}

/** Stops the probe (tests, shutdown). */
export async function stopReplicaProbe(): Promise<void> {
  const s = globalState[KEY];
  if (!s) return;
  clearInterval(s.timer);
  globalState[KEY] = undefined;
  await s.probe?.end({ timeout: 1 }).catch(() => {});
}

/** Stops probing and closes the probe's connection (shutdown, and tests closing their pools). */
export async function stopReplicaHealth(): Promise<void> {
  const s = globalState[KEY];
  if (!s) return;
  globalState[KEY] = undefined;
  if (s.timer) clearInterval(s.timer);
  await s.probe?.end({ timeout: 1 }).catch(() => {});
}
