// Database health for /api/health and readiness: one cheap query with a short timeout.
import { isDraining } from '@/lib/http/lifecycle';
import { replicaUrl } from './databaseUrl';
import { replicaUsable } from './replicaHealth';
import { primarySql, type Sql } from './sql';

export interface Health {
  status: 'ok' | 'degraded';
  db: 'ok' | 'unreachable';
}

export async function getHealth(sql: Sql = primarySql, timeoutMs = 2_000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      sql`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('health check timed out')), timeoutMs);
      }),
    ]);
    return { status: 'ok', db: 'ok' };
  } catch {
    return { status: 'degraded', db: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

export interface Readiness {
  status: 'ready' | 'not ready';
  /** Why not: shutting down, or the primary does not answer. */
  reason?: 'draining' | 'database unreachable';
  db: Health['db'];
  /** 'none' without DATABASE_REPLICA_URL; 'unreachable' means reads are on the primary. */
  replica: 'ok' | 'unreachable' | 'none';
}

/**
 * May a load balancer send this process requests? Not while it drains, and not
 * while the primary is unreachable. A lost replica does not make it unready:
 * reads fall back to the primary.
 */
export async function getReadiness(): Promise<Readiness> {
  const replica = replicaUrl() ? (replicaUsable() ? 'ok' : 'unreachable') : 'none';
  if (isDraining()) return { status: 'not ready', reason: 'draining', db: 'ok', replica };
  const { db } = await getHealth();
  return db === 'ok' ? { status: 'ready', db, replica } : { status: 'not ready', reason: 'database unreachable', db, replica };
}
