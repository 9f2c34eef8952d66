#!/usr/bin/env node
// `npm run db:diff`: prints the SQL migration from the committed schema (or any git
// revision) to the working prisma/schema.prisma, without the native schema engine
// that the Prisma 7 CLI downloads from outside the npm registry.
//
// It runs Prisma 6.19's WebAssembly engine (`engine: "js"`), installed once from the npm
// registry into ~/.cache/corridor-migration-diff. That engine wants a reachable
// PostgreSQL, though it reads nothing from it: DATABASE_URL, default the local server.
//
//   d=prisma/migrations/$(date -u +%Y%m%d%H%M%S)_describe_change; mkdir -p $d
//   npm run --silent db:diff > $d/migration.sql            # from HEAD
//   npm run --silent db:diff -- --from main > $d/...       # from another revision
//
// Read the SQL before committing it; the app's own migrator applies it (lib/db/migrate.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PRISMA_WASM_VERSION = '6.19.3';
const args = process.argv.slice(2);
const fromRev = args.includes('--from') ? args[args.indexOf('--from') + 1] : 'HEAD';
const target = resolve('prisma/schema.prisma');

function fail(message) {
  console.error(`db:diff: ${message}`);
  process.exit(2);
}

const cache = process.env.MIGRATION_DIFF_CACHE ?? join(homedir(), '.cache', 'corridor-migration-diff');
if (!existsSync(join(cache, 'node_modules', '.bin', 'prisma'))) {
  mkdirSync(cache, { recursive: true });
  if (!existsSync(join(cache, 'package.json'))) writeFileSync(join(cache, 'package.json'), '{"name":"corridor-migration-diff","private":true}\n');
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--silent', `prisma@${PRISMA_WASM_VERSION}`, `@prisma/adapter-pg@${PRISMA_WASM_VERSION}`, 'pg@8'], { cwd: cache, stdio: 'inherit' });
  if (install.status !== 0) fail(`could not install prisma@${PRISMA_WASM_VERSION} into ${cache}`);
}

/** The 6.x engine diffs datamodels only: no generator blocks, and a datasource url. */
function forEngine(schema) {
  const models = schema.replace(/^\s*generator\s+\w+\s*\{[\s\S]*?^\s*\}/gm, '');
  return models.replace(/(datasource\s+\w+\s*\{)([\s\S]*?)(\})/, (block, open, body, close) =>
    /\burl\s*=/.test(body) ? block : `${open}${body.trimEnd()}\n  url = env("DATABASE_URL")\n${close}`);
}

let committed;
try {
  committed = execFileSync('git', ['show', `${fromRev}:prisma/schema.prisma`], { encoding: 'utf8' });
} catch {
  fail(`no prisma/schema.prisma at ${fromRev}`);
}

const work = mkdtempSync(join(tmpdir(), 'corridor-diff-'));
try {
  writeFileSync(join(work, 'from.prisma'), forEngine(committed));
  writeFileSync(join(work, 'to.prisma'), forEngine(readFileSync(target, 'utf8')));
  writeFileSync(join(work, 'no-engine'), '');
  writeFileSync(join(work, 'prisma.config.ts'), `import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'to.prisma',
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL! });
  },
});
`);
  symlinkSync(join(cache, 'node_modules'), join(work, 'node_modules'));
  const env = {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    PRISMA_QUERY_ENGINE_LIBRARY: join(work, 'no-engine'),
    PRISMA_SCHEMA_ENGINE_BINARY: join(work, 'no-engine'),
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
  const diff = spawnSync(join(work, 'node_modules', '.bin', 'prisma'), ['migrate', 'diff', '--from-schema-datamodel', 'from.prisma', '--to-schema-datamodel', 'to.prisma', '--script'], { cwd: work, env, encoding: 'utf8' });
  if (diff.status !== 0) fail(`prisma migrate diff failed (is DATABASE_URL reachable?)\n${diff.stdout}${diff.stderr}`);
  process.stdout.write(diff.stdout.split('\n').filter((line) => !/^(Loaded Prisma config|Prisma config detected|npm warn)/.test(line)).join('\n'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
