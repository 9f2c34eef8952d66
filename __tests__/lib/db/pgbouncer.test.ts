// PgBouncer in transaction mode (Debian's package, as in deploy/ and `npm run
// cluster`) in front of the test server, and the app's own postgres.js pool options
// with DATABASE_PGBOUNCER=true: many more concurrent queries than connections, and
// every one answered. postgres.js pipelines by default, and behind PgBouncer 1.18 a
// pipelined query's answer reached no client, so requests hung (the cluster's reads
// stalled for 30 s under 20 clients). PgBouncer is not an npm package: on a machine
// without it this file is skipped with a note; CI installs it (.ci/run) and fails
// here if it is missing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { databaseUrl } from '@/lib/db/databaseUrl';
import { findFreePort } from '@/lib/db/ports';
import { poolOptions } from '@/lib/db/sql';

const binary = spawnSync('sh', ['-c', 'command -v pgbouncer'], { encoding: 'utf8' }).stdout.trim();
if (!binary && process.env.CI) throw new Error('pgbouncer is not installed; .ci/run installs it with apt (apt-get install -y pgbouncer)');
if (!binary) console.warn('pgbouncer is not installed: the PgBouncer test is skipped (apt-get install -y pgbouncer to run it)');

/** PgBouncer refuses to run as root; as root it runs as the postgres user, like the cluster's. */
function runAs(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

(binary ? describe : describe.skip)('PgBouncer in transaction mode', () => {
  let dir: string;
  let bouncer: ChildProcess;
  let url: string;

  beforeAll(async () => {
    const server = new URL(databaseUrl());
    const port = await findFreePort();
    dir = mkdtempSync(join(tmpdir(), 'corridor-pgbouncer-'));
    const password = server.password ? ` password=${decodeURIComponent(server.password)}` : '';
    const ini = join(dir, 'pgbouncer.ini');
    const user = decodeURIComponent(server.username) || 'postgres';
    // auth_type trust still wants the user listed.
    writeFileSync(join(dir, 'userlist.txt'), `"${user}" ""\n`);
    writeFileSync(ini, [
      '[databases]',
      `app = host=${server.hostname} port=${server.port || 5432} dbname=${server.pathname.slice(1)} user=${user}${password}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'pool_mode = transaction',
      'auth_type = trust',
      `auth_file = ${join(dir, 'userlist.txt')}`,
      // Fewer server connections than the pool's clients, as under load.
      'default_pool_size = 2',
      'max_client_conn = 100',
      'ignore_startup_parameters = extra_float_digits,options',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      '',
    ].join('\n'));
    const ids = runAs();
    if (ids) for (const f of [dir, ini, join(dir, 'userlist.txt')]) chownSync(f, ids.uid, ids.gid);
    bouncer = spawn(binary, [ini], { stdio: ['ignore', 'ignore', 'pipe'], ...(ids ?? {}) });
    let said = '';
    bouncer.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    url = `postgresql://${encodeURIComponent(user)}@127.0.0.1:${port}/app`;
    for (let i = 0; i < 100; i++) {
      const probe = postgres(url, { max: 1, connect_timeout: 1, onnotice: () => {} });
      const up = await probe`SELECT 1`.then(() => true, () => false);
      await probe.end();
      if (up) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`PgBouncer did not start: ${said || readFileSync(join(dir, 'pgbouncer.log'), 'utf8')}`);
  });

  afterAll(() => {
    bouncer?.kill('SIGINT');
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every query when far more run at once than there are connections', async () => {
    const previous = process.env.DATABASE_PGBOUNCER;
    process.env.DATABASE_PGBOUNCER = 'true';
    const sql = postgres(url, { ...poolOptions(), max: 4 });
    if (previous === undefined) delete process.env.DATABASE_PGBOUNCER;
    else process.env.DATABASE_PGBOUNCER = previous;
    try {
      // Queries without parameters (sent in one round trip, so postgres.js would queue
      // more behind them on the same connection) between ones with parameters, as a
      // page's reads are (the data version, then the figure queries).
      const queries = Array.from({ length: 120 }, (_, i) =>
        i % 2 === 0
          ? sql<{ n: number }[]>`SELECT ${i}::int AS n, pg_sleep(0.002)`.then(([row]) => row.n)
          : sql<{ n: number }[]>`SELECT 1 AS n, pg_sleep(0.002)`.then(([row]) => row.n * i));
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('queries through PgBouncer did not all answer within 20 s')), 20_000);
      });
      const answers = await Promise.race([Promise.all(queries), hung]).finally(() => clearTimeout(timer));
      expect(answers).toEqual(Array.from({ length: 120 }, (_, i) => i));
    } finally {
      await sql.end({ timeout: 1 });
    }
  }, 30_000);
});
