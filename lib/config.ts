// Runtime configuration, read from the environment once and validated at start,
// so a bad value stops the app with a message that names the variable.
import { z } from 'zod';
import { isProxyEntry } from './http/forwarded';

const bool = (name: string, fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const s = v.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(s)) return true;
      if (['0', 'false', 'no', 'off'].includes(s)) return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be true or false, got "${v}"` });
      return z.NEVER;
    });

const postgresUrl = (name: string) => z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === '') return undefined;
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: `${name} is not a valid URL; use postgresql://user:password@host:5432/database`,
      });
      return z.NEVER;
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      ctx.addIssue({
        code: 'custom',
        message: `${name} must start with postgresql://, got "${url.protocol}//"`,
      });
      return z.NEVER;
    }
    if (!url.hostname && !url.searchParams.get('host')) {
      ctx.addIssue({ code: 'custom', message: `${name} has no host; use postgresql://user@host:5432/database` });
      return z.NEVER;
    }
    return v;
  });

/** Comma-separated IP addresses or CIDR ranges; empty means no proxy is trusted. */
const proxyList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const entries = (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const bad = entries.find((e) => !isProxyEntry(e));
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `TRUSTED_PROXIES must list IP addresses or CIDR ranges separated by commas, such as 10.0.0.5,10.1.0.0/16; "${bad}" is neither`,
      });
      return z.NEVER;
    }
    return entries;
  });

export const configSchema = z.object({
  DATABASE_URL: postgresUrl('DATABASE_URL'),
  // A streaming replica for anonymous and analyst reads (lib/db/readTarget.ts).
  DATABASE_REPLICA_URL: postgresUrl('DATABASE_REPLICA_URL'),
  // The database URLs point at PgBouncer in transaction mode: no named prepared statements.
  DATABASE_PGBOUNCER: bool('DATABASE_PGBOUNCER', false),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent' })
    .default('info'),
  // Bearer token for GET /api/metrics; unset turns the endpoint off (404).
  METRICS_TOKEN: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || v.length >= 16, 'METRICS_TOKEN must be at least 16 characters'),
  // On SIGTERM: keep serving this long while readiness says 503, then stop taking connections.
  SHUTDOWN_GRACE_SECONDS: z.coerce
    .number({ message: 'SHUTDOWN_GRACE_SECONDS must be a number of seconds' })
    .min(0, 'SHUTDOWN_GRACE_SECONDS must be 0 or more')
    .max(300, 'SHUTDOWN_GRACE_SECONDS must be at most 300')
    .default(0),
  // On SIGTERM: the longest wait for requests in flight before they are cut.
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce
    .number({ message: 'SHUTDOWN_TIMEOUT_SECONDS must be a number of seconds' })
    .min(0, 'SHUTDOWN_TIMEOUT_SECONDS must be 0 or more')
    .max(600, 'SHUTDOWN_TIMEOUT_SECONDS must be at most 600')
    .default(15),
  PORT: z.coerce
    .number({ message: 'PORT must be a number between 1 and 65535' })
    .int('PORT must be a whole number')
    .min(1, 'PORT must be between 1 and 65535')
    .max(65535, 'PORT must be between 1 and 65535')
    .default(3000),
  HOSTNAME: z.string().default('0.0.0.0'),
  // Port for the embedded PostgreSQL; deliberately far from the system's 5432.
  EMBEDDED_PG_PORT: z.coerce
    .number({ message: 'EMBEDDED_PG_PORT must be a number between 1024 and 65535' })
    .int()
    .min(1024, 'EMBEDDED_PG_PORT must be between 1024 and 65535')
    .max(65535, 'EMBEDDED_PG_PORT must be between 1024 and 65535')
    .default(54329),
  // Where the embedded PostgreSQL keeps its files.
  EMBEDDED_PG_DATA_DIR: z.string().default('.data/postgres'),
  DEMO_DATA: bool('DEMO_DATA', true),
  PUBLIC_READ: bool('PUBLIC_READ', true),
  REQUIRE_REVIEW: bool('REQUIRE_REVIEW', false),
  DATABASE_POOL_SIZE: z.coerce
    .number({ message: 'DATABASE_POOL_SIZE must be a number' })
    .int()
    .min(1, 'DATABASE_POOL_SIZE must be at least 1')
    .max(100, 'DATABASE_POOL_SIZE must be at most 100')
    .default(10),
  IMPORT_MAX_MB: z.coerce
    .number({ message: 'IMPORT_MAX_MB must be a number of megabytes' })
    .positive('IMPORT_MAX_MB must be greater than 0')
    .default(50),
  // The app's own shared cache of anonymous public reads (lib/httpCache/sharedCache.ts); 0 turns it off.
  RESPONSE_CACHE_MB: z.coerce
    .number({ message: 'RESPONSE_CACHE_MB must be a number of megabytes (0 turns the cache off)' })
    .min(0, 'RESPONSE_CACHE_MB must be 0 or more')
    .max(4096, 'RESPONSE_CACHE_MB must be at most 4096')
    .default(64),
  // Reverse proxies whose X-Forwarded-For/-Host/-Proto headers are believed (lib/http/forwarded.ts).
  TRUSTED_PROXIES: proxyList,
  DATA_LICENSE: z.string().default('CC-BY-4.0'),
  CITATION: z.string().default('Corridor: cited refugee and evacuation figures'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((i) => (i.message.includes(String(i.path[0])) ? i.message : `${String(i.path[0])}: ${i.message}`)),
  );
}

let cached: Config | undefined;
/** The validated configuration for this process. */
export function getConfig(): Config {
  cached ??= parseConfig();
  return cached;
}
