// The Prisma client for the app, one per process. Next.js dev reloads modules,
// so the instances live on globalThis to avoid opening new pools per reload.
//
// With DATABASE_REPLICA_URL, `db` is two clients behind one name: the primary,
// and the primary extended with @prisma/extension-read-replicas, which sends
// reads outside transactions (findMany, count, …) to the replica and everything
// else (writes, $transaction, raw queries) to the primary. Each use of `db`
// picks the extended client only while the current request may read from the
// replica (lib/db/readTarget.ts). A replica read that fails for want of a
// connection is retried on the primary and takes the replica out of rotation.
import { readReplicas } from '@prisma/extension-read-replicas';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client';
import { databaseUrl, poolSize, replicaUrl } from './databaseUrl';
import { lazy } from './lazy';
import { readTarget } from './readTarget';
import { isConnectionError, markReplicaDown } from './replicaHealth';
import { registerPool } from '@/lib/http/metrics';

function createBase(url: string, role: 'primary' | 'replica') {
  // Two cores serve the app; a small pool avoids queueing inside Postgres.
  // Prisma's pg adapter sends unnamed statements, so it works through PgBouncer
  // in transaction mode as it is.
  const pool = new pg.Pool({ connectionString: url, max: poolSize(), connectionTimeoutMillis: 5_000 });
  pool.on('error', () => {});
  registerPool(`prisma_${role}`, () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: poolSize() }));
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // Password hashes are omitted from every read so they never reach a response.
  return new PrismaClient({ adapter, omit: { account: { password: true } } });
}

export type Db = ReturnType<typeof createBase>;

interface Clients {
  primary: Db;
  /** The primary with the read-replicas extension; undefined without a replica. */
  routed?: Db;
  replica?: Db;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function createClients(): Clients {
  const primary = createBase(databaseUrl(), 'primary');
  const url = replicaUrl();
  if (!url) return { primary };
  const replicaBase = createBase(url, 'replica');
  // A replica read that cannot reach the replica is answered by the primary.
  const replica = replicaBase.$extends({
    query: {
      async $allOperations({ args, model, operation, query }) {
        try {
          return await query(args);
        } catch (err) {
          if (!isConnectionError(err)) throw err;
          markReplicaDown(err);
          const target = (model ? (primary as unknown as Record<string, Record<string, (a: unknown) => unknown>>)[lowerFirst(model)] : primary) as Record<string, (a: unknown) => unknown>;
          return target[operation](args);
        }
      },
    },
  });
  const routed = primary.$extends(readReplicas({ replicas: [replica as unknown as PrismaClient] }));
  return { primary, routed: routed as unknown as Db, replica: replicaBase };
}

const globalForDb = globalThis as unknown as { corridorDb?: Clients };

function clients(): Clients {
  const c = globalForDb.corridorDb ?? createClients();
  globalForDb.corridorDb = c;
  return c;
}

/** The primary, whatever the request: for reads that must see the latest write. */
export const primaryDb: Db = lazy(() => clients().primary);

/** The shared Prisma client. Only modules under lib/ import it. */
export const db: Db = new Proxy({} as Db, {
  get(_t, prop) {
    const c = clients();
    const real = c.routed && readTarget() === 'replica' ? c.routed : c.primary;
    const value = Reflect.get(real, prop, real);
    return typeof value === 'function' ? value.bind(real) : value;
  },
});

/** Closes the shared clients if this process opened them (tests, scripts). */
export async function disconnectDb(): Promise<void> {
  const c = globalForDb.corridorDb;
  globalForDb.corridorDb = undefined;
  if (!c) return;
  await Promise.all([c.primary.$disconnect(), c.replica?.$disconnect()]);
}

export { Prisma } from './generated/client';
export type * from './generated/client';
