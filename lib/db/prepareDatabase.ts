// Start-up sequence shared by `npm start`, tests and benchmarks: pick the
// database (external or embedded), check it answers, apply migrations.
import { resolve } from 'node:path';
import { checkConnection, describeDatabaseUrl } from './admin';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded';
import { migrate } from './migrate';

export interface PreparedDatabase {
  url: string;
  embedded: EmbeddedServer | null;
  description: string;
  applied: string[];
}

export async function prepareDatabase(opts: {
  databaseUrl?: string;
  embeddedPort: number;
  dataDir?: string;
  log: (line: string) => void;
}): Promise<PreparedDatabase> {
  let embedded: EmbeddedServer | null = null;
  let url = opts.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: resolve(opts.dataDir ?? '.data/postgres'),
      port: opts.embeddedPort,
      persistent: true,
      log: opts.log,
    });
    url = embedded.url;
  }
  try {
    await checkConnection(url);
    const { applied } = await migrate(url, { log: opts.log });
    const description = embedded
      ? `embedded PostgreSQL at 127.0.0.1:${embedded.port} (data in ${opts.dataDir ?? '.data/postgres'})`
      : `external PostgreSQL at ${describeDatabaseUrl(url)}`;
    return { url, embedded, description, applied };
  } catch (err) {
    await embedded?.stop().catch(() => {});
    throw err;
  }
}
