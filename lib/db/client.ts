// The Prisma client for the app, one per process. Next.js dev reloads modules,
// so the instance lives on globalThis to avoid opening a new pool per reload.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { databaseUrl, poolSize } from './databaseUrl';
import { lazy } from './lazy';

function createClient() {
  const adapter = new PrismaPg({
    connectionString: databaseUrl(),
    // Two cores serve the app; a small pool avoids queueing inside Postgres.
    max: poolSize(),
    connectionTimeoutMillis: 5_000,
  });
  // Password hashes are omitted from every read so they never reach a response.
  return new PrismaClient({ adapter, omit: { account: { password: true } } });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { corridorDb?: Db };

/** The shared Prisma client. Only modules under lib/ import it. */
export const db: Db = lazy(() => {
  const client = globalForDb.corridorDb ?? createClient();
  if (process.env.NODE_ENV !== 'production') globalForDb.corridorDb = client;
  return client;
});

/** Closes the shared client if this process opened it (tests, scripts). */
export async function disconnectDb(): Promise<void> {
  await globalForDb.corridorDb?.$disconnect();
}

export { Prisma } from './generated/client';
export type * from './generated/client';
