// Streams `COPY (…) TO STDOUT` from PostgreSQL into a web ReadableStream for a
// Response. Pull-based: PostgreSQL is read only as fast as the client takes the
// bytes (postgres.js pauses the socket while its stream is full), so memory
// stays flat whatever the row count. Cancelling the response, or the request's
// AbortSignal firing, ends the query's backend on the server.
//
// Each export gets its own connection: postgres.js pipelines queries onto busy
// pooled connections, so a long COPY on the shared pool could hold up unrelated
// queries queued behind it, and a cancelled COPY leaves its connection unusable.
import { createConnection, type Socket } from 'node:net';
import type { Readable } from 'node:stream';
import postgres from 'postgres';
import { behindPgBouncer, databaseUrl, replicaUrl } from '@/lib/db/databaseUrl';
import { readTarget, type ReadTarget } from '@/lib/db/readTarget';
import { sqlFor } from '@/lib/db/sql';

// PostgreSQL sends one message per row; batching them keeps the per-chunk cost
// of the web stream off the hot path.
const BATCH_BYTES = 64 * 1024;

export interface CopyStreamOptions {
  /** Bytes sent before the COPY output: a BOM, the header and the HXL row. */
  prefix?: Uint8Array;
  signal?: AbortSignal;
}

/**
 * A one-connection client, on the server the request's reads go to
 * (lib/db/readTarget.ts: the replica for anonymous readers), whose socket we
 * hold: postgres.js ends a connection by half-closing its socket, and a socket
 * paused for backpressure then never reads the server's close, so it would stay
 * open. `destroy` closes it outright.
 */
function openConnection(target: ReadTarget) {
  const url = target === 'replica' ? (replicaUrl() ?? databaseUrl()) : databaseUrl();
  let socket: Socket | null = null;
  const connect = ({ path, host, port }: { path?: string; host: string[]; port: number[] }) =>
    new Promise<Socket>((resolve, reject) => {
      const s = path ? createConnection(path) : createConnection(port[0], host[0]);
      s.once('error', reject).once('connect', () => {
        s.off('error', reject);
        resolve((socket = s));
      });
    });
  // `socket` (a connected-socket factory) is a postgres.js option its types leave out.
  const options = { max: 1, connect_timeout: 5, onnotice: () => {}, prepare: !behindPgBouncer(), socket: connect };
  const connection = postgres(url, options);
  return { connection, destroy: () => socket?.destroy() };
}

/**
 * Starts the COPY and resolves once PostgreSQL has accepted it, so a bad query
 * still fails as a normal error response. `copySql` must be a complete
 * COPY … TO STDOUT statement with no parameters.
 */
export async function streamCopy(copySql: string, { prefix, signal }: CopyStreamOptions = {}): Promise<ReadableStream<Uint8Array>> {
  // The termination below must reach the same server as the COPY, whatever context it runs in.
  const target = readTarget();
  const { connection, destroy } = openConnection(target);
  const query = connection.unsafe(copySql);
  let source: Readable;
  try {
    source = (await query.readable()) as unknown as Readable;
  } catch (err) {
    await connection.end({ timeout: 0 });
    destroy();
    throw err;
  }
  const iterator: AsyncIterator<Buffer> = source[Symbol.asyncIterator]();
  let finished = false;

  const release = () => {
    signal?.removeEventListener('abort', stop);
    void connection.end({ timeout: 1 });
  };

  function stop() {
    if (finished) return;
    finished = true;
    // End the backend (postgres.js's own query.cancel() does nothing once a COPY
    // streams, and a cancel request waits while the backend is blocked writing to
    // a client that stopped reading; termination does not), then close the connection.
    const backend = (query as unknown as { state?: { pid?: number } }).state?.pid;
    const ended = backend ? sqlFor(target)`SELECT pg_terminate_backend(${backend})`.catch(() => {}) : Promise.resolve();
    source.on('error', () => {});
    query.catch(() => {});
    void ended.finally(() => {
      signal?.removeEventListener('abort', stop);
      void connection.end({ timeout: 0 });
      destroy();
    });
  }

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (prefix?.length) controller.enqueue(prefix);
        if (signal?.aborted) return stop();
        signal?.addEventListener('abort', stop, { once: true });
      },
      async pull(controller) {
        if (finished) return controller.close();
        const parts: Buffer[] = [];
        let size = 0;
        let done = false;
        try {
          while (size < BATCH_BYTES) {
            const next = await iterator.next();
            if (next.done) {
              done = true;
              break;
            }
            parts.push(next.value);
            size += next.value.length;
          }
        } catch (err) {
          if (finished) return;
          finished = true;
          release();
          controller.error(err);
          return;
        }
        if (finished) return;
        if (size > 0) controller.enqueue(parts.length === 1 ? parts[0] : Buffer.concat(parts, size));
        if (done) {
          finished = true;
          release();
          controller.close();
        }
      },
      cancel() {
        stop();
      },
    },
    { highWaterMark: 1 },
  );
}
