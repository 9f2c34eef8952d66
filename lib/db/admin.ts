// Server-level helpers: create and drop databases, wait for a server, and
// describe a URL without its password. Used by start-up, tests and benchmarks.
import pg from 'pg';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** host:port/database, without credentials, for log lines. */
export function describeDatabaseUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Unsafe database name "${name}"`);
  return `"${name}"`;
}

async function onServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function createDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  return onServer(serverUrl, async (c) => {
    await c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ''}`);
  });
}

export function dropDatabase(serverUrl: string, name: string): Promise<void> {
  return onServer(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
  });
}

/** Lists databases whose names start with `prefix`. */
export function listDatabases(serverUrl: string, prefix: string): Promise<string[]> {
  return onServer(serverUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    return rows.map((r) => r.datname);
  });
}

/** Connects once; turns driver errors into a sentence a user can act on. */
export async function checkConnection(url: string): Promise<void> {
  try {
    await onServer(url, (c) => c.query('SELECT 1'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { code?: string };
    const where = describeDatabaseUrl(url);
    if (e.code === 'ECONNREFUSED') throw new Error(`Cannot reach PostgreSQL at ${where}: connection refused. Start the server or fix DATABASE_URL.`);
    if (e.code === 'ENOTFOUND') throw new Error(`Cannot reach PostgreSQL at ${where}: unknown host. Fix the host in DATABASE_URL.`);
    if (e.code === '28P01' || e.code === '28000') throw new Error(`PostgreSQL at ${where} refused the login. Fix the user or password in DATABASE_URL.`);
    if (e.code === '3D000') throw new Error(`Database ${where} does not exist. Create it (createdb) or fix the name in DATABASE_URL.`);
    if (/timeout/i.test(e.message)) throw new Error(`Timed out connecting to PostgreSQL at ${where}. Check the host, port and firewall in DATABASE_URL.`);
    throw new Error(`Cannot use PostgreSQL at ${where}: ${e.message}`);
  }
}
