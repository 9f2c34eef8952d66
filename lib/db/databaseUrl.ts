// Where the app's database is. `npm start` (scripts/start.ts) sets DATABASE_URL,
// to the configured server or the embedded one, before anything connects.

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set; start the app with `npm start`, which provides one.');
  return url;
}

/** Connections per pool (DATABASE_POOL_SIZE, validated at start by lib/config.ts). */
export function poolSize(): number {
  return Number(process.env.DATABASE_POOL_SIZE ?? 10);
}
