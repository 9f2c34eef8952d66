// postgres.js, for the queries Prisma cannot express well: SQL aggregation for
// charts and COPY streams for bulk export and import.
import postgres from 'postgres';
import { lazy } from './lazy';

function create() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set; start the app with `npm start`, which provides one.');
  return postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connect_timeout: 5,
    onnotice: () => {},
    // BIGINT values come back as JS bigint so millions stay exact.
    types: { bigint: postgres.BigInt },
  });
}

export type Sql = ReturnType<typeof create>;

const globalForSql = globalThis as unknown as { corridorSql?: Sql };

/** The shared postgres.js pool. Only modules under lib/ import it. */
export const sql: Sql = lazy(() => {
  const pool = globalForSql.corridorSql ?? create();
  if (process.env.NODE_ENV !== 'production') globalForSql.corridorSql = pool;
  return pool;
}, true);

/** Closes the shared pool if this process opened it (tests, scripts). */
export async function closeSql(): Promise<void> {
  await globalForSql.corridorSql?.end({ timeout: 5 });
  globalForSql.corridorSql = undefined;
}
