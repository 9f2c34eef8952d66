// postgres.js, for the queries Prisma cannot express well: SQL aggregation for
// charts and COPY streams for bulk export and import.
//
// With DATABASE_REPLICA_URL there are two pools. `sql` is one name for both: a
// query (sql`…` or sql.unsafe) goes to the replica while the current request may
// read from it (lib/db/readTarget.ts), and everything else (sql.begin and other
// transactions, reserved connections, LISTEN) to the primary. Writes outside a
// transaction do not exist in lib/; keep it so, or use primarySql.
import postgres from 'postgres';
import { behindPgBouncer, databaseUrl, poolSize, replicaUrl } from './databaseUrl';
import { forwardTo } from './lazy';
import { readTarget, type ReadTarget } from './readTarget';
import { isConnectionError, markReplicaDown, stopReplicaHealth } from './replicaHealth';
import { registerPool } from '@/lib/http/metrics';

/** The options of every pool the app opens (a test opens one through PgBouncer with them). */
export function poolOptions() {
  return {
    max: poolSize(),
    connect_timeout: 5,
    onnotice: () => {},
    // Behind PgBouncer in transaction mode, no named prepared statements, and no
    // pipelining: postgres.js otherwise sends a query on a connection whose last one
    // has not finished, and PgBouncer (1.18, Debian's) hands the server to another
    // client at the first ReadyForQuery, so the rest of the pipeline's answers reach
    // nobody ("got packet … when not linked") and those requests hang. Under 20
    // concurrent requests the cluster's reads stalled for 30 s until this was set.
    // (`max_pipeline` is a postgres.js option its type declarations leave out.)
    prepare: !behindPgBouncer(),
    ...({ max_pipeline: behindPgBouncer() ? 0 : 100 } as object),
    // A named statement is planned for its parameters five times, then PostgreSQL may
    // keep a generic plan that knows neither the filters' id lists (place trees,
    // sources) nor the search pattern: 11 ms became 66 ms from the sixth run of one
    // filtered series on the million (docs/performance.md, issue 16). Plan each run.
    // (Unnamed statements, behind PgBouncer, are always planned for their parameters,
    // and PgBouncer refuses startup parameters it does not know.)
    ...(behindPgBouncer() ? {} : { connection: { plan_cache_mode: 'force_custom_plan' } }),
    // BIGINT values come back as JS bigint so millions stay exact.
    types: { bigint: postgres.BigInt },
  };
}

function create(url: string, role: ReadTarget) {
  const pool = postgres(url, poolOptions());
  // postgres.js does not expose its connections' state; the size is what we know.
  registerPool(`sql_${role}`, () => ({ max: poolSize() }));
  return pool;
}

export type Sql = ReturnType<typeof create>;

const globalForSql = globalThis as unknown as { corridorSql?: Sql; corridorSqlReplica?: Sql };

function primaryPool(): Sql {
  return (globalForSql.corridorSql ??= create(databaseUrl(), 'primary'));
}

function replicaPool(): Sql {
  return (globalForSql.corridorSqlReplica ??= create(replicaUrl()!, 'replica'));
}

/** The pool for `target` (an export's own connection pins its server this way). */
export function sqlFor(target: ReadTarget): Sql {
  return target === 'replica' && replicaUrl() ? replicaPool() : primaryPool();
}

/** Properties of a pool that run a query which may go to the replica. */
const READS = new Set<PropertyKey>(['unsafe']);

type Thenable = { then: (onFulfilled?: unknown, onRejected?: unknown) => Promise<unknown> };

/**
 * A replica query that fails for want of a connection (the replica just stopped)
 * is sent again to the primary, and the replica leaves the rotation at once, so
 * a reader sees no error. postgres.js queries are lazy promises: wrapping `then`
 * (which `await`, `catch` and `finally` go through) covers every way of running one.
 */
function withPrimaryFallback<Q>(query: Q, rerun: () => Thenable): Q {
  const q = query as unknown as Thenable;
  const run = q.then.bind(q);
  q.then = (onFulfilled, onRejected) =>
    run(undefined, (err: unknown) => {
      if (!isConnectionError(err)) throw err;
      markReplicaDown(err);
      return rerun();
    }).then(onFulfilled as never, onRejected as never);
  return query;
}

const isTemplate = (args: unknown[]) => Array.isArray(args[0]) && 'raw' in (args[0] as object);

/** The shared postgres.js pool, routed per request. Only modules under lib/ import it. */
export const sql: Sql = new Proxy(function () {} as unknown as Sql, {
  get(_t, prop) {
    const real = READS.has(prop) ? sqlFor(readTarget()) : primaryPool();
    const value = Reflect.get(real, prop, real);
    return typeof value === 'function' ? value.bind(real) : value;
  },
  apply(_t, _this, args) {
    const target = readTarget();
    const query = Reflect.apply(sqlFor(target) as unknown as (...a: unknown[]) => unknown, undefined, args);
    if (target !== 'replica' || !isTemplate(args)) return query;
    return withPrimaryFallback(query, () => Reflect.apply(primaryPool() as unknown as (...a: unknown[]) => Thenable, undefined, args));
  },
});

/** The primary pool, whatever the request. */
export const primarySql: Sql = forwardTo(primaryPool, true);

/** Closes the shared pools if this process opened them (tests, scripts). */
export async function closeSql(): Promise<void> {
  const { corridorSql, corridorSqlReplica } = globalForSql;
  globalForSql.corridorSql = undefined;
  globalForSql.corridorSqlReplica = undefined;
  await Promise.all([corridorSql?.end({ timeout: 5 }), corridorSqlReplica?.end({ timeout: 5 }), stopReplicaHealth()]);
}

/** `text` for a LIKE/ILIKE pattern with its wildcards (`%`, `_`) and the escape character taken literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
