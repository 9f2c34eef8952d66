// `npm run bench -- [name] [options]`: runs scripts/bench/<name>.ts, or every
// benchmark in scripts/bench/ when no name is given. Options pass through.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const name = args[0] && !args[0].startsWith('-') ? args.shift()! : null;
const dir = join('scripts', 'bench');
const all = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
const chosen = name ? [name] : all;
if (name && !all.includes(name)) {
  console.error(`[bench] no benchmark "${name}"; choose one of: ${all.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const bench of chosen) {
  console.log(`[bench] ${bench}`);
  const run = spawnSync(join('node_modules', '.bin', 'tsx'), [join(dir, `${bench}.ts`), ...args], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
