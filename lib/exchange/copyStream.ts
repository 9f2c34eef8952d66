// Streams `COPY (…) TO STDOUT` from PostgreSQL into a web ReadableStream for a
// Response. Pull-based: PostgreSQL is read only as fast as the client takes the
// bytes (postgres.js pauses the socket while its stream is full), so memory
// stays flat whatever the row count. Cancelling the response, or the request's
// AbortSignal firing, cancels the query on the server.
import type { Readable } from 'node:stream';
import { sql } from '@/lib/db/sql';

// PostgreSQL sends one message per row; batching them keeps the per-chunk cost
// of the web stream off the hot path.
const BATCH_BYTES = 64 * 1024;

export interface CopyStreamOptions {
  /** Bytes sent before the COPY output: a BOM, the header and the HXL row. */
  prefix?: Uint8Array;
  signal?: AbortSignal;
}

/**
 * Starts the COPY and resolves once PostgreSQL has accepted it, so a bad query
 * still fails as a normal error response. `copySql` must be a complete
 * COPY … TO STDOUT statement with no parameters.
 */
export async function streamCopy(copySql: string, { prefix, signal }: CopyStreamOptions = {}): Promise<ReadableStream<Uint8Array>> {
  const query = sql.unsafe(copySql);
  const source = (await query.readable()) as unknown as Readable;
  const iterator: AsyncIterator<Buffer> = source[Symbol.asyncIterator]();
  let finished = false;

  const stop = () => {
    if (finished) return;
    finished = true;
    query.cancel();
    // Drain whatever is in flight so the connection goes back to the pool.
    source.on('error', () => {});
    source.resume();
  };

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
        try {
          while (size < BATCH_BYTES) {
            const next = await iterator.next();
            if (next.done) {
              finished = true;
              break;
            }
            parts.push(next.value);
            size += next.value.length;
          }
        } catch (err) {
          finished = true;
          signal?.removeEventListener('abort', stop);
          controller.error(err);
          return;
        }
        if (size > 0) controller.enqueue(parts.length === 1 ? parts[0] : Buffer.concat(parts, size));
        if (finished) {
          signal?.removeEventListener('abort', stop);
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
