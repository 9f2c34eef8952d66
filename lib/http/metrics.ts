// Prometheus metrics (prom-client), served at /api/metrics behind METRICS_TOKEN:
// request duration by route and status (observed by scripts/serve.ts), database
// pool use (each pool registers a reader here) and the process defaults. The
// registry lives on globalThis: serve.ts and the Next.js bundle load their own
// copies of this module in the same process and must share it.
import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { AppError } from './AppError';

export interface PoolStats {
  max: number;
  total?: number;
  idle?: number;
  waiting?: number;
}

interface Metrics {
  registry: Registry;
  requestDuration: Histogram<'method' | 'route' | 'status'>;
  pools: Map<string, () => PoolStats>;
}

const KEY = Symbol.for('corridor.metrics');

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'corridor_' });
  const pools = new Map<string, () => PoolStats>();
  const requestDuration = new Histogram({
    name: 'corridor_http_request_duration_seconds',
    help: 'Time from request to the end of the response, by route pattern, method and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const gauge = (name: string, help: string, pick: (s: PoolStats) => number | undefined) =>
    new Gauge({
      name,
      help,
      labelNames: ['pool'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [pool, read] of pools) {
          const value = pick(read());
          if (value !== undefined) this.set({ pool }, value);
        }
      },
    });
  gauge('corridor_db_pool_max_connections', 'Largest number of connections the pool may open.', (s) => s.max);
  gauge('corridor_db_pool_connections', 'Connections the pool holds open (Prisma pools).', (s) => s.total);
  gauge('corridor_db_pool_idle_connections', 'Open connections not running a query (Prisma pools).', (s) => s.idle);
  gauge('corridor_db_pool_waiting_requests', 'Queries waiting for a free connection (Prisma pools).', (s) => s.waiting);
  return { registry, requestDuration, pools };
}

function metrics(): Metrics {
  return ((globalThis as Record<symbol, unknown>)[KEY] ??= create()) as Metrics;
}

/** A database pool reports its state to /api/metrics through `read`. */
export function registerPool(name: string, read: () => PoolStats): void {
  metrics().pools.set(name, read);
}

export function observeRequest(labels: { method: string; route: string; status: number }, seconds: number): void {
  metrics().requestDuration.observe({ method: labels.method, route: labels.route, status: String(labels.status) }, seconds);
}

/** The exposition text and its content type. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Metrics are for the operator's scraper only: 404 without METRICS_TOKEN (the
 * endpoint is off), 401 unless the request carries `Bearer <METRICS_TOKEN>`.
 */
export function assertMetricsToken(authorization: string | null, expected = process.env.METRICS_TOKEN): void {
  if (!expected) throw new AppError('NOT_FOUND', 'Metrics are off; set METRICS_TOKEN to turn them on.');
  const given = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1] ?? '';
  if (!timingSafeEqual(digest(given), digest(expected))) {
    throw new AppError('UNAUTHORIZED', 'Send the metrics token as `Authorization: Bearer <METRICS_TOKEN>`.');
  }
}
