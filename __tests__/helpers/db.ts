// Real-database helpers for tests. Nothing here mocks PostgreSQL.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createDatabase, dropDatabase, withDatabase } from '@/lib/db/admin';
import { db } from '@/lib/db/client';
import { DATASET, type Dataset } from '@/lib/demo/dataset';
import { loadDemoData } from '@/lib/demo/loadDemoData';

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
 * The first demo dataset (10 figures from March 2022 reporting, sources without
 * URLs among them), kept as a small deterministic fixture in the export format
 * (__tests__/fixtures/demo/) for tests that assert on exact content. It loads
 * through the same importers as the curated dataset.
 */
export const FIXTURE_DATASET: Dataset = {
  ...DATASET,
  name: 'test-fixture',
  title: 'Test fixture: the first demo dataset',
  dir: join(__dirname, '..', 'fixtures', 'demo'),
};

/** Empties the database and loads the fixture dataset (or the curated one) through the importers. */
export async function loadFixtureDatabase(dataset: Dataset = FIXTURE_DATASET): Promise<void> {
  await resetDatabase();
  const result = await loadDemoData(dataset);
  if (!result.loaded) throw new Error('the test database was not empty');
}

/**
 * Registers a beforeAll that loads the fixture dataset, for test files (or
 * describe blocks) that only read it. Pools are closed by __tests__/setup/teardown.ts.
 */
export function useFixtureDatabase(): void {
  beforeAll(() => loadFixtureDatabase());
}

/** Registers a beforeAll that loads the curated Ukraine 2022 dataset from data/. */
export function useCuratedDataset(): void {
  beforeAll(() => loadFixtureDatabase(DATASET));
}
