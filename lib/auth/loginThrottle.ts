// Slows password guessing: each sign-in attempt claims a slot for its account and
// its IP address before the password is checked, and once either has used up its
// slots within the window, further attempts are refused until the window ends.
// Claiming is one statement that records and decides (the rows are locked by the
// upsert), so parallel guessers cannot all pass a check before any failure counts.
// Counters live in the rate_limit table so every app process sees the same counts.
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/http/AppError';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export const TOO_MANY_ATTEMPTS = 'Too many failed sign-in attempts. Wait 15 minutes and try again, or ask an admin to reset your password.';

const accountKey = (email: string) => `login-fail:account:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `login-fail:ip:${ip}`;

/**
 * Counts one attempt for the account and the IP and throws TOO_MANY_REQUESTS when
 * either is over its limit. A window starts with its first attempt (`lastRequest`
 * holds the start), so refused attempts do not prolong a lock-out.
 */
export async function claimLoginAttempt(email: string, ip: string | null): Promise<void> {
  const now = BigInt(Date.now());
  const keys = [accountKey(email), ...(ip ? [ipKey(ip)] : [])];
  // Keys in a fixed order (account before IP), so two statements never lock in opposite orders.
  const rows = await db.$queryRaw<{ key: string; count: number }[]>`
    INSERT INTO rate_limit (id, key, count, "lastRequest")
    SELECT gen_random_uuid()::text, k, 1, ${now} FROM unnest(${keys}::text[]) AS k ORDER BY k
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN excluded."lastRequest" - rate_limit."lastRequest" > ${BigInt(LOGIN_WINDOW_MS)} THEN 1 ELSE rate_limit.count + 1 END,
      "lastRequest" = CASE WHEN excluded."lastRequest" - rate_limit."lastRequest" > ${BigInt(LOGIN_WINDOW_MS)} THEN excluded."lastRequest" ELSE rate_limit."lastRequest" END
    RETURNING key, count`;
  const over = rows.some((r) => r.count > (r.key === keys[0] ? MAX_FAILURES_PER_ACCOUNT : MAX_FAILURES_PER_IP));
  if (over) throw new AppError('TOO_MANY_REQUESTS', TOO_MANY_ATTEMPTS);
}

/**
 * A successful sign-in clears the account's counter and gives the IP back its slot
 * (the IP's failures stay: the address may be shared with an attacker).
 */
export async function releaseLoginAttempt(email: string, ip: string | null): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: accountKey(email) } });
  if (ip) await db.$executeRaw`UPDATE rate_limit SET count = greatest(count - 1, 0) WHERE key = ${ipKey(ip)}`;
}
