// What the server knows about the request being served, carried through every
// await by AsyncLocalStorage: its id (for log lines and error messages) and
// where its reads may go (lib/db/readTarget.ts). scripts/serve.ts opens one per
// request. The storage lives on globalThis because serve.ts and the Next.js
// server bundle load their own copies of this module in the same process.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  /** X-Request-Id: on every log line of the request and on its error messages. */
  id: string;
  /**
   * 'replica' when this request's reads may be served by the read replica:
   * anonymous GETs from the start, an analyst's once the session is resolved.
   * Writes and transactions go to the primary whatever this says.
   */
  reads: 'primary' | 'replica';
}

const KEY = Symbol.for('corridor.requestContext');
const store = ((globalThis as Record<symbol, unknown>)[KEY] ??= new AsyncLocalStorage<RequestContext>()) as AsyncLocalStorage<RequestContext>;

export function runInRequest<T>(context: RequestContext, fn: () => T): T {
  return store.run(context, fn);
}

/** The current request, or undefined outside one (scripts, tests, start-up). */
export function currentRequest(): RequestContext | undefined {
  return store.getStore();
}

/** Lets the rest of the current request read from the replica (an analyst, once known). */
export function allowReplicaReads(): void {
  const context = store.getStore();
  if (context) context.reads = 'replica';
}

/** Keeps the rest of the current request's reads on the primary. */
export function keepReadsOnPrimary(): void {
  const context = store.getStore();
  if (context) context.reads = 'primary';
}
