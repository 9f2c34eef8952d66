// `npm run user:create -- --email a@b.org --role admin [--name "A. Person"]`
// Creates an account; the password comes from a hidden prompt, or from stdin when
// piped (`printf '%s' "$PW" | npm run user:create -- …`). Never from arguments.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { prepareDatabase } from '../lib/db/prepareDatabase';
import { parseConfig } from '../lib/config';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide typed characters: readline echoes through _writeToOutput.
  const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
  let prompting = true;
  output._writeToOutput = (s: string) => {
    if (!prompting || s.startsWith('Password')) output.output.write(s);
  };
  const password = await new Promise<string>((resolve) => rl.question('Password (at least 10 characters): ', resolve));
  prompting = false;
  rl.close();
  process.stdout.write('\n');
  return password;
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, role: { type: 'string', default: 'editor' }, name: { type: 'string' } } });
  if (!values.email) throw new Error('Give an email: npm run user:create -- --email a@b.org --role admin');
  const config = parseConfig();
  const prepared = await prepareDatabase({ databaseUrl: config.DATABASE_URL, embeddedPort: config.EMBEDDED_PG_PORT, dataDir: config.EMBEDDED_PG_DATA_DIR, log: () => {} });
  process.env.DATABASE_URL = prepared.url;
  try {
    const password = await readPassword();
    const { insertUser } = await import('../lib/users/mutations');
    const user = await insertUser(null, { email: values.email, name: values.name ?? '', role: values.role!, password });
    console.log(`[corridor] created ${user.role.toLowerCase()} ${user.email}`);
  } finally {
    const { db } = await import('../lib/db/client');
    await db.$disconnect();
    await prepared.embedded?.stop().catch(() => {});
  }
}

main().catch((err) => {
  console.error(`[corridor] error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
