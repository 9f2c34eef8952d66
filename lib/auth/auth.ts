// The better-auth instance: email and password accounts, sessions in PostgreSQL,
// httpOnly SameSite=Lax cookies (Secure in production). Built on first use because
// the signing secret may have to be read from the database.
import { PrismaPg } from '@prisma/adapter-pg';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { databaseUrl } from '@/lib/db/databaseUrl';
import { PrismaClient } from '@/lib/db/generated/client';
import { resolveAuthSecret } from './secret';
import { allowedOrigins } from './origin';

// better-auth reads and writes password hashes, so it gets its own client without
// the `omit` the app's client uses. Nothing outside lib/auth may import it.
function createAuthClient() {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl(), max: 3, connectionTimeoutMillis: 5_000 }) });
}

export const SESSION_DAYS = 7;

function secureCookies(): boolean {
  const flag = process.env.AUTH_COOKIE_SECURE?.trim().toLowerCase();
  if (flag === 'false' || flag === '0') return false;
  if (flag === 'true' || flag === '1') return true;
  return process.env.NODE_ENV === 'production';
}

async function createAuth() {
  const prisma = createAuthClient();
  globalForAuth.corridorAuthDb = prisma;
  const secret = await resolveAuthSecret(prisma);
  return betterAuth({
    secret,
    baseURL: process.env.BETTER_AUTH_URL || undefined,
    // Same rule as our own Origin check: this app's host as the request names it, plus configured origins.
    trustedOrigins: (request) => (request ? [...allowedOrigins(request.headers, request.url)] : []),
    database: prismaAdapter(prisma, { provider: 'postgresql' }),
    emailAndPassword: {
      enabled: true,
      // Accounts are created by admins (users page, `npm run user:create`), never by sign-up.
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 200,
    },
    user: {
      additionalFields: {
        role: { type: 'string', input: false, defaultValue: 'ANALYST' },
        deactivatedAt: { type: 'date', input: false, required: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * SESSION_DAYS,
      updateAge: 60 * 60 * 24,
      // No cookie cache: a deactivated user or changed role takes effect on the next request.
      cookieCache: { enabled: false },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const user = await prisma.user.findUnique({ where: { id: session.userId }, select: { deactivatedAt: true } });
            if (!user || user.deactivatedAt) return false;
            return { data: session };
          },
        },
      },
    },
    // Applies to requests through /api/auth/*; sign-ins (form and API) are throttled
    // per account and per IP in loginThrottle.ts instead.
    rateLimit: { enabled: true, storage: 'database', window: 60, max: 100 },
    advanced: {
      // The server (scripts/serve.ts, lib/http/forwarded.ts) leaves exactly one address in
      // X-Forwarded-For: the peer, or the client behind a proxy in TRUSTED_PROXIES. A single
      // address is all better-auth believes, so a client's own list is never its key.
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
      useSecureCookies: secureCookies(),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    telemetry: { enabled: false },
    // Failed sign-ins are expected traffic; tests would drown in their log lines.
    logger: { disabled: process.env.NODE_ENV === 'test' },
  });
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

const globalForAuth = globalThis as unknown as { corridorAuth?: Promise<Auth>; corridorAuthDb?: { $disconnect(): Promise<void> } };

/** The shared better-auth instance. */
export function getAuth(): Promise<Auth> {
  globalForAuth.corridorAuth ??= createAuth().catch((err) => {
    globalForAuth.corridorAuth = undefined;
    throw err;
  });
  return globalForAuth.corridorAuth;
}

/** Closes better-auth's database pool (scripts and tests, so the process can exit). */
export async function closeAuth(): Promise<void> {
  const client = globalForAuth.corridorAuthDb;
  globalForAuth.corridorAuth = undefined;
  globalForAuth.corridorAuthDb = undefined;
  await client?.$disconnect();
}
