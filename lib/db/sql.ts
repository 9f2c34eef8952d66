// postgres.js, for the queries Prisma cannot express well: SQL aggregation for
// charts and COPY streams for bulk export and import.
import postgres from 'postgres';
import { databaseUrl, poolSize } from './databaseUrl';
import { lazy } from './lazy';

function create() {
  return postgres(databaseUrl(), {
    max: poolSize(),
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
