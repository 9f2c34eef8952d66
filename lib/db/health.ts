// Database health for /api/health: one cheap query with a short timeout.
import { sql as defaultSql, type Sql } from './sql';

export interface Health {
  status: 'ok' | 'degraded';
  db: 'ok' | 'unreachable';
}

export async function getHealth(sql: Sql = defaultSql, timeoutMs = 2_000): Promise<Health> {
  try {
    await Promise.race([
      sql`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('health check timed out')), timeoutMs).unref()),
    ]);
    return { status: 'ok', db: 'ok' };
  } catch {
    return { status: 'degraded', db: 'unreachable' };
  }
}
