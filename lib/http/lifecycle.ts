// Whether this process is shutting down. scripts/serve.ts sets it on SIGTERM;
// /api/health/ready then answers 503 so a load balancer stops sending new
// requests while the ones in flight finish. On globalThis: serve.ts and the
// Next.js bundle load their own copies of this module in one process.
const KEY = Symbol.for('corridor.draining');
const flags = globalThis as Record<symbol, boolean | undefined>;

export function beginDraining(): void {
  flags[KEY] = true;
}

export function isDraining(): boolean {
  return flags[KEY] === true;
}
