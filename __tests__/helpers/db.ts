// Real-database helpers for tests. Nothing here mocks PostgreSQL.
import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, withDatabase } from '@/lib/db/admin';
import { db } from '@/lib/db/client';

/** Empties every table (keeping migrations) and restarts id sequences. */
export async function resetDatabase(): Promise<void> {
  const rows = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (rows.length === 0) return;
  const list = rows.map((r) => `"public"."${r.tablename}"`).join(', ');
  await db.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}

export function testServerUrl(): string {
  const url = process.env.CORRIDOR_TEST_SERVER_URL;
  if (!url) throw new Error('CORRIDOR_TEST_SERVER_URL is not set; run tests with `npm test`.');
  return url;
}

/** Creates an empty database for a test and returns its URL and a drop function. */
export async function scratchDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `${process.env.CORRIDOR_TEST_DB_BASE}_s${randomBytes(4).toString('hex')}`;
  const server = testServerUrl();
  await createDatabase(server, name);
  return { url: withDatabase(server, name), name, drop: () => dropDatabase(server, name) };
}

/**
 * Registers a beforeAll that empties the database and loads the demo dataset,
 * for test files (or describe blocks) that only read it. Pools are closed by
 * __tests__/setup/teardown.ts.
 */
export function useDemoDatabase(): void {
  beforeAll(async () => {
    await resetDatabase();
    const { loadDemoData } = await import('@/lib/demo/loadDemoData');
    await loadDemoData(db);
  });
}
