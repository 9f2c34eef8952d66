import { cp, mkdtemp, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { DEFAULT_MIGRATIONS_DIR, migrate, migrationChecksum, readMigrations } from '@/lib/db/migrate';
import { scratchDatabase } from '../../helpers/db';

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'corridor-migrations-'));
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe('migrator', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  beforeEach(async () => {
    scratch = await scratchDatabase();
  });
  afterEach(async () => {
    await scratch.drop();
  });

  it('applies every migration and records it the way Prisma does', async () => {
    const files = await readMigrations();
    const result = await migrate(scratch.url);
    expect(result.applied).toEqual(files.map((f) => f.name));

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; id: string }>(
      scratch.url,
      'SELECT id, migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const row of rows) {
      const sqlText = readFileSync(join(DEFAULT_MIGRATIONS_DIR, row.migration_name, 'migration.sql'), 'utf8');
      expect(row.checksum).toBe(createHash('sha256').update(sqlText.replace(/\r\n/g, '\n')).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const tables = await query<{ tablename: string }>(scratch.url, "SELECT tablename FROM pg_tables WHERE schemaname='public'");
    expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining(['figure', 'source', 'metric', 'place', 'figure_revision', 'audit_log']));
  });

  it('creates _prisma_migrations with the same columns as Prisma', async () => {
    await migrate(scratch.url);
    const cols = await query<{ column_name: string; data_type: string; is_nullable: string }>(
      scratch.url,
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(cols).toEqual([
      { column_name: 'id', data_type: 'character varying', is_nullable: 'NO' },
      { column_name: 'checksum', data_type: 'character varying', is_nullable: 'NO' },
      { column_name: 'finished_at', data_type: 'timestamp with time zone', is_nullable: 'YES' },
      { column_name: 'migration_name', data_type: 'character varying', is_nullable: 'NO' },
      { column_name: 'logs', data_type: 'text', is_nullable: 'YES' },
      { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', is_nullable: 'YES' },
      { column_name: 'started_at', data_type: 'timestamp with time zone', is_nullable: 'NO' },
      { column_name: 'applied_steps_count', data_type: 'integer', is_nullable: 'NO' },
    ]);
  });

  it('is idempotent: a second run applies nothing', async () => {
    await migrate(scratch.url);
    const second = await migrate(scratch.url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied.length).toBeGreaterThan(0);
    const [{ n }] = await query<{ n: string }>(scratch.url, 'SELECT count(*) AS n FROM _prisma_migrations');
    expect(Number(n)).toBe(second.alreadyApplied.length);
  });

  it('refuses to start when an applied migration file was edited, naming it', async () => {
    const dir = await copyOfMigrations();
    await migrate(scratch.url, { dir });
    const [first] = await readMigrations(dir);
    await appendFile(join(dir, first.name, 'migration.sql'), '\n-- edited after apply\n');
    await expect(migrate(scratch.url, { dir })).rejects.toThrow(new RegExp(`Migration ${first.name} was already applied but its migration.sql has changed`));
  });

  it('treats CRLF and LF line endings as the same file', () => {
    expect(migrationChecksum('SELECT 1;\r\nSELECT 2;\r\n')).toBe(migrationChecksum('SELECT 1;\nSELECT 2;\n'));
  });

  it('rolls back a failing migration completely and records nothing for it', async () => {
    const dir = await copyOfMigrations();
    await migrate(scratch.url, { dir });
    const bad = join(dir, '29990101000000_broken');
    await (await import('node:fs/promises')).mkdir(bad);
    await writeFile(join(bad, 'migration.sql'), 'CREATE TABLE half_done (id int);\nSELECT no_such_function();\n');
    await expect(migrate(scratch.url, { dir })).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const tables = await query(scratch.url, "SELECT 1 FROM pg_tables WHERE tablename = 'half_done'");
    expect(tables).toHaveLength(0);
    const recorded = await query(scratch.url, "SELECT 1 FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'");
    expect(recorded).toHaveLength(0);
  });

  it('applies each migration once when two migrators run at the same time', async () => {
    const results = await Promise.all([migrate(scratch.url), migrate(scratch.url)]);
    const files = await readMigrations();
    const appliedTotal = results.flatMap((r) => r.applied);
    expect(appliedTotal.sort()).toEqual(files.map((f) => f.name).sort());
    const rows = await query<{ migration_name: string; n: string }>(
      scratch.url,
      'SELECT migration_name, count(*) AS n FROM _prisma_migrations GROUP BY migration_name',
    );
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    expect(rows).toHaveLength(files.length);
  });
});
