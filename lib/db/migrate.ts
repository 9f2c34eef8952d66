// Applies prisma/migrations/* in order, recording them in _prisma_migrations
// exactly as `prisma migrate deploy` does, so the Prisma CLI (on a machine that
// can fetch its engine) agrees with us about what is applied.
//
// Safety: one advisory lock serialises concurrent migrators, and each
// migration runs in its own transaction together with its bookkeeping row, so
// a start that is killed half-way leaves either nothing or a whole migration.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';

// Same DDL as Prisma's migration engine creates.
const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Arbitrary but fixed: every Corridor migrator contends for the same lock.
const ADVISORY_LOCK_KEY = 72_617_001;

export const DEFAULT_MIGRATIONS_DIR = join(process.cwd(), 'prisma', 'migrations');

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  constructor(
    message: string,
    public readonly migration?: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Lowercase hex SHA-256 of the file with CRLF normalised to LF, as Prisma computes it. */
export function migrationChecksum(sqlText: string): string {
  return createHash('sha256').update(sqlText.replace(/\r\n/g, '\n')).digest('hex');
}

/** Reads migration folders, sorted by name (their timestamp prefix). */
export async function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    let sqlText: string;
    try {
      sqlText = await readFile(join(dir, name, 'migration.sql'), 'utf8');
    } catch {
      throw new MigrationError(`Migration folder ${name} has no migration.sql; add it or remove the folder.`, name);
    }
    files.push({ name, sql: sqlText, checksum: migrationChecksum(sqlText) });
  }
  return files;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies every pending migration to the database at `connectionString`.
 * Refuses to continue when an applied migration's file has changed, or when a
 * previous migration failed half-way outside this migrator.
 */
export async function migrate(
  connectionString: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.dir);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    try {
      await client.query(MIGRATIONS_TABLE_DDL);
      const { rows } = await client.query<AppliedRow>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
      );
      const applied = new Map<string, AppliedRow>();
      for (const row of rows) {
        if (row.rolled_back_at) continue;
        if (!row.finished_at) {
          throw new MigrationError(
            `Migration ${row.migration_name} failed earlier and was never finished. Fix the database by hand, then mark it rolled back (prisma migrate resolve --rolled-back ${row.migration_name}).`,
            row.migration_name,
          );
        }
        applied.set(row.migration_name, row);
      }

      const result: MigrateResult = { applied: [], alreadyApplied: [] };
      for (const m of migrations) {
        const done = applied.get(m.name);
        if (done) {
          if (done.checksum !== m.checksum) {
            throw new MigrationError(
              `Migration ${m.name} was already applied but its migration.sql has changed since. Restore the original file and put the change in a new migration.`,
              m.name,
            );
          }
          result.alreadyApplied.push(m.name);
          continue;
        }
        await applyOne(client, m);
        log(`applied migration ${m.name}`);
        result.applied.push(m.name);
      }
      return result;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

async function applyOne(client: pg.Client, m: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(m.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), m.checksum, m.name],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    const reason = err instanceof Error ? err.message : String(err);
    throw new MigrationError(`Migration ${m.name} failed and was rolled back: ${reason}`, m.name);
  }
}
