// Slows password guessing: after too many failed sign-ins for one account or from
// one IP address within the window, further attempts are refused until it passes.
// Counters live in the rate_limit table so every app process sees the same counts.
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/http/AppError';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

const keys = (email: string, ip: string | null) => ({
  account: `login-fail:account:${email.trim().toLowerCase()}`,
  ip: ip ? `login-fail:ip:${ip}` : null,
});

async function failures(key: string, now: number): Promise<number> {
  const row = await db.rateLimit.findUnique({ where: { key }, select: { count: true, lastRequest: true } });
  if (!row || now - Number(row.lastRequest) > LOGIN_WINDOW_MS) return 0;
  return row.count;
}

/** Throws TOO_MANY_REQUESTS when the account or the IP has failed too often lately. */
export async function assertLoginAllowed(email: string, ip: string | null): Promise<void> {
  const now = Date.now();
  const k = keys(email, ip);
  const [account, byIp] = await Promise.all([failures(k.account, now), k.ip ? failures(k.ip, now) : 0]);
  if (account >= MAX_FAILURES_PER_ACCOUNT || byIp >= MAX_FAILURES_PER_IP) {
    throw new AppError('TOO_MANY_REQUESTS', 'Too many failed sign-in attempts. Wait 15 minutes and try again, or ask an admin to reset your password.');
  }
}

async function bump(key: string, now: number): Promise<void> {
  // One statement, so parallel failures cannot both read the old count.
  await db.$executeRaw`
    INSERT INTO rate_limit (id, key, count, "lastRequest") VALUES (${randomUUID()}, ${key}, 1, ${BigInt(now)})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN ${BigInt(now)} - rate_limit."lastRequest" > ${BigInt(LOGIN_WINDOW_MS)} THEN 1 ELSE rate_limit.count + 1 END,
      "lastRequest" = ${BigInt(now)}`;
}

export async function recordLoginFailure(email: string, ip: string | null): Promise<void> {
  const now = Date.now();
  const k = keys(email, ip);
  await bump(k.account, now);
  if (k.ip) await bump(k.ip, now);
}

/** A successful sign-in clears the account's counter (not the IP's, which may be shared by an attacker). */
export async function clearLoginFailures(email: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: keys(email, null).account } });
}
