// `npm test`: runs Jest against a real PostgreSQL. Uses TEST_DATABASE_URL's
// server when set, otherwise a throwaway embedded server. Each run migrates a
// fresh database, clones one per Jest worker, and drops them all afterwards.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { checkConnection, createDatabase, dropDatabase, listDatabases, withDatabase } from '../lib/db/admin';
import { findFreePort, startEmbeddedPostgres, type EmbeddedServer } from '../lib/db/embedded';
import { migrate } from '../lib/db/migrate';

const WORKERS = 2;
const say = (line: string) => console.log(`[test] ${line}`);

async function main(): Promise<number> {
  let embedded: EmbeddedServer | null = null;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    say(`using TEST_DATABASE_URL's server`);
  } else {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'corridor-test-pg-')), 'data');
    embedded = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), persistent: false, log: say });
    serverUrl = embedded.url;
    say(`started an embedded PostgreSQL on port ${embedded.port}`);
  }
  const base = `corridor_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  try {
    await checkConnection(serverUrl);
    await createDatabase(serverUrl, base);
    await migrate(withDatabase(serverUrl, base));
    for (let w = 1; w <= WORKERS; w++) await createDatabase(serverUrl, `${base}_w${w}`, base);
    say(`fresh databases ${base}{,_w1.._w${WORKERS}}`);

    const jestArgs = ['--maxWorkers', String(WORKERS), ...process.argv.slice(2)];
    return await new Promise<number>((done) => {
      const child = spawn(join('node_modules', '.bin', 'jest'), jestArgs, {
        stdio: 'inherit',
        env: { ...process.env, CORRIDOR_TEST_SERVER_URL: serverUrl, CORRIDOR_TEST_DB_BASE: base, NODE_ENV: 'test' },
      });
      child.on('exit', (code) => done(code ?? 1));
    });
  } finally {
    for (const name of await listDatabases(serverUrl, base).catch(() => [])) await dropDatabase(serverUrl, name).catch(() => {});
    say('dropped the test databases');
    await embedded?.stop().catch(() => {});
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[test] error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
