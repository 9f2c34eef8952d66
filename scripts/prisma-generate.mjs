// Generates the Prisma client without reaching Prisma's download host.
// The Prisma 7 CLI fetches a native schema engine before every command, even
// `generate`, which never uses it. When no engine is configured we point
// PRISMA_SCHEMA_ENGINE_BINARY at an empty stub so the CLI skips the download.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const dir = join(process.cwd(), 'node_modules', '.cache', 'corridor');
  const stub = join(dir, 'schema-engine-stub');
  if (!existsSync(stub)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(stub, '#!/bin/sh\necho "schema engine stub: use npm run db:migrate" >&2\nexit 1\n');
    chmodSync(stub, 0o755);
  }
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
env.CHECKPOINT_DISABLE = '1';

const bin = join(process.cwd(), 'node_modules', '.bin', 'prisma');
const result = spawnSync(bin, ['generate'], { stdio: 'inherit', env });
if (result.status !== 0) {
  console.error('prisma generate failed; see the message above.');
  process.exit(result.status ?? 1);
}
