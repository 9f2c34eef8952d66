// Where the app's databases are. `npm start` (scripts/start.ts) sets DATABASE_URL,
// to the configured server or the embedded one, before anything connects.
// lib/config.ts validates every variable read here at start.

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set; start the app with `npm start`, which provides one.');
  return url;
}

/** A streaming replica for reads that may lag (DATABASE_REPLICA_URL), or undefined. */
export function replicaUrl(): string | undefined {
  return process.env.DATABASE_REPLICA_URL?.trim() || undefined;
}

/** Connections per pool (DATABASE_POOL_SIZE, validated at start by lib/config.ts). */
export function poolSize(): number {
  return Number(process.env.DATABASE_POOL_SIZE ?? 10);
}

/**
 * DATABASE_PGBOUNCER=true: the URLs point at PgBouncer in transaction mode, so
 * postgres.js must not use named prepared statements (a statement prepared on
 * one server connection is unknown on the next).
 */
export function behindPgBouncer(): boolean {
  return ['1', 'true', 'yes', 'on'].includes((process.env.DATABASE_PGBOUNCER ?? '').trim().toLowerCase());
}
