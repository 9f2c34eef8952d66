// The key better-auth signs session cookies with. BETTER_AUTH_SECRET wins; without
// it a random secret is generated once and kept in app_setting, so sessions survive
// restarts and no install ever runs on a well-known default.
import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db/client';

export const AUTH_SECRET_SETTING_KEY = 'auth_secret';

export async function resolveAuthSecret(db: Pick<Db, 'appSetting'>, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = (env.BETTER_AUTH_SECRET ?? env.AUTH_SECRET)?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('BETTER_AUTH_SECRET must be at least 32 characters; generate one with `openssl rand -base64 32`.');
    return fromEnv;
  }
  const existing = await db.appSetting.findUnique({ where: { key: AUTH_SECRET_SETTING_KEY }, select: { value: true } });
  if (typeof existing?.value === 'string') return existing.value;
  // Two processes starting at once: the second insert is skipped and both read the winner.
  await db.appSetting.upsert({
    where: { key: AUTH_SECRET_SETTING_KEY },
    create: { key: AUTH_SECRET_SETTING_KEY, value: randomBytes(32).toString('base64url') },
    update: {},
  });
  const stored = await db.appSetting.findUniqueOrThrow({ where: { key: AUTH_SECRET_SETTING_KEY }, select: { value: true } });
  return stored.value as string;
}
