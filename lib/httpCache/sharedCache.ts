// A shared cache for anonymous public reads, inside the app server (scripts/serve.ts),
// in front of Next.js. It does what a CDN honouring the app's `Cache-Control` would
// do (docs/api.md, "Caching"), so a burst of readers does not cost one render each:
//
// - It stores the response Next.js gave to an anonymous GET of a public read
//   (policy.ts: `Cache-Control: public, …` with an ETag on the data version), if it
//   was a complete 200 without Set-Cookie and at most `maxObjectBytes` long.
// - It serves a stored response again only while the data version read for the new
//   request equals the one read before the stored response was rendered, so a
//   reader never gets data older than the current version; and for at most
//   `maxAgeSeconds` (the `s-maxage` a CDN gets), after which one request renders
//   it again while the others are served the stored copy.
// - Requests that miss at the same time wait for the one render already under way
//   (one render per URL, not one per reader).
// - A matching If-None-Match on a stored response gets 304, like proxy.ts's.
// - Every response still carries its own CSP nonce: the stored body is kept cut at
//   its nonce, and each hit is joined with a fresh one (and the CSP header with it).
//   So the render is asked for identity encoding, and the cache gzips hits itself
//   when the client accepts it: each piece is compressed once, and a hit costs only
//   the nonce's few compressed bytes and a CRC-32 (gzipJoined below).
//
// Keys: the URL, Host, X-Forwarded-Host and X-Forwarded-Proto (after serve.ts applied
// the forwarding rules; pages write absolute links from them: lib/http/publicOrigin.ts).
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw as deflateRawCallback, deflateRawSync } from 'node:zlib';
import { createNonce } from '@/lib/http/securityHeaders';
import { getDataVersion } from './dataVersion';
import { acceptsGzip, gzippedEtag, ifNoneMatchHits, isAnonymous, isPublicRead, isRscRequest, SHARED_MAX_AGE_SECONDS } from './policy';

const deflateRaw = promisify(deflateRawCallback);

export interface SharedCacheOptions {
  /** Total size of the stored bodies; the least recently used go first. */
  maxBytes: number;
  /** Larger responses (exports, mostly) are passed through and never stored. */
  maxObjectBytes?: number;
  maxAgeSeconds?: number;
  /** Longest wait for another request's render of the same URL before rendering again. */
  waitMs?: number;
}

interface Stored {
  version: string;
  storedAt: number;
  headers: OutgoingHttpHeaders;
  /** The body cut at each occurrence of its nonce (one piece when it has none). */
  pieces: Buffer[];
  bytes: number;
  /** Set while one request renders a fresh copy of an expired entry. */
  refreshing?: boolean;
  /** The pieces compressed, made at the first hit that asks for gzip. */
  deflated?: Promise<Buffer[]>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Headers that belong to one exchange, not to the stored response. */
const PER_RESPONSE = new Set(['x-request-id', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'x-cache', 'age']);
const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;
/** Worth compressing: text of some size (what Next.js's compression would take). */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|xml|[\w.+-]*\+json|x-ndjson))/;

/** Node's request headers as the Fetch API's, for the policy's checks. */
function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** `body` cut at every occurrence of `nonce`. */
function cutAt(body: Buffer, nonce: string | undefined): Buffer[] {
  if (!nonce) return [body];
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(nonce, 0, 'latin1'); at !== -1; at = body.indexOf(nonce, from, 'latin1')) {
    pieces.push(body.subarray(from, at));
    from = at + nonce.length;
  }
  pieces.push(body.subarray(from));
  return pieces;
}

/** The gzip header: deflate, no name, no time, unknown OS (RFC 1952). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** A final, empty deflate block: ends the stream. */
const DEFLATE_END = deflateRawSync(Buffer.alloc(0));

/**
 * Each piece as raw deflate ending on a byte boundary (a sync flush, not final), so
 * compressed pieces and glue can be laid end to end as one deflate stream.
 */
const deflatePieces = (pieces: Buffer[]) => Promise.all(pieces.map((p) => deflateRaw(p, { finishFlush: constants.Z_SYNC_FLUSH })));

/**
 * The gzip of `pieces` joined by `glue`, from the pieces compressed once: a deflate
 * stream may be any run of blocks, each piece's segment holds its own back-references
 * only, and the trailer's CRC-32 and length are those of the joined bytes.
 */
function gzipJoined(pieces: Buffer[], deflated: Buffer[], glue: Buffer): Buffer {
  const glueDeflated = deflateRawSync(glue, { finishFlush: constants.Z_SYNC_FLUSH });
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  pieces.forEach((piece, i) => {
    if (i > 0) {
      parts.push(glueDeflated);
      crc = crc32(glue, crc);
      length += glue.length;
    }
    parts.push(deflated[i]);
    crc = crc32(piece, crc);
    length += piece.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  parts.push(DEFLATE_END, trailer);
  return Buffer.concat(parts);
}

export class SharedCache {
  private readonly entries = new Map<string, Stored>();
  /** Renders under way, by key; each settles to whether its response was stored. */
  private readonly filling = new Map<string, Promise<boolean>>();
  private bytes = 0;
  private readonly maxObjectBytes: number;
  private readonly maxAgeMs: number;
  private readonly waitMs: number;

  constructor(private readonly options: SharedCacheOptions) {
    this.maxObjectBytes = options.maxObjectBytes ?? Math.min(2 * 1024 * 1024, Math.floor(options.maxBytes / 8));
    this.maxAgeMs = (options.maxAgeSeconds ?? SHARED_MAX_AGE_SECONDS) * 1000;
    this.waitMs = options.waitMs ?? 10_000;
  }

  /** How much is stored, for tests. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /**
   * Wraps Next.js's request handler. `publicRead` is the PUBLIC_READ setting: with
   * it off nothing is public, so nothing is stored.
   */
  wrap(next: Handler, publicRead: boolean): Handler {
    return (req, res) => {
      const key = publicRead ? this.keyOf(req) : undefined;
      if (!key) return next(req, res);
      this.serve(key, req, res, next).catch(() => {
        // The data version could not be read: let Next.js answer (its error page says why).
        if (!res.headersSent) next(req, res);
      });
    };
  }

  /** The cache key, or undefined when this request's response is not for everyone. */
  private keyOf(req: IncomingMessage): string | undefined {
    if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
    const url = req.url ?? '/';
    if (!isPublicRead(url.split('?')[0])) return undefined;
    const headers = headersOf(req);
    if (!isAnonymous(headers) || isRscRequest(headers)) return undefined;
    return [headers.get('x-forwarded-proto') ?? '', headers.get('x-forwarded-host') ?? '', headers.get('host') ?? '', url].join('\n');
  }

  private async serve(key: string, req: IncomingMessage, res: ServerResponse, next: Handler): Promise<void> {
    const version = await getDataVersion();
    for (;;) {
      const entry = this.entries.get(key);
      const current = entry && entry.version === version ? entry : undefined;
      if (current && (Date.now() - current.storedAt < this.maxAgeMs || current.refreshing)) {
        return this.send(key, current, req, res);
      }
      const pending = this.filling.get(key);
      if (pending) {
        // Another request is rendering this URL: wait for it, then look again. If it
        // was not stored (an error, a private answer), render without waiting in line.
        const stored = await Promise.race([pending, new Promise<false>((r) => setTimeout(() => r(false), this.waitMs).unref())]);
        if (stored) continue;
        return next(req, res);
      }
      if (current) current.refreshing = true;
      return this.fill(key, version, req, res, next);
    }
  }

  private async send(key: string, entry: Stored, req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Least recently used goes first: a hit moves the entry to the end.
    this.entries.delete(key);
    this.entries.set(key, entry);
    const gzipped = acceptsGzip(req.headers['accept-encoding']) && COMPRESSIBLE.test(String(entry.headers['content-type'] ?? '')) && entry.bytes >= 1024;
    const headers: OutgoingHttpHeaders = { ...entry.headers, 'x-cache': 'HIT', age: String(Math.floor((Date.now() - entry.storedAt) / 1000)) };
    const etag = typeof entry.headers.etag === 'string' ? gzippedEtag(entry.headers.etag, gzipped) : undefined;
    if (etag) headers.etag = etag;
    if (etag && ifNoneMatchHits(typeof req.headers['if-none-match'] === 'string' ? req.headers['if-none-match'] : null, etag)) {
      // Like proxy.ts's 304: no CSP, so a cache keeps the stored page's header with its nonce.
      res.writeHead(304, { etag, 'cache-control': entry.headers['cache-control'] ?? '', vary: entry.headers.vary ?? '', 'x-cache': 'HIT' });
      res.end();
      return;
    }
    let glue = Buffer.alloc(0);
    const csp = entry.headers['content-security-policy'];
    if (typeof csp === 'string' && NONCE.test(csp)) {
      const nonce = createNonce();
      headers['content-security-policy'] = csp.replace(NONCE, `'nonce-${nonce}'`);
      glue = Buffer.from(nonce, 'latin1');
    }
    let body: Buffer;
    if (gzipped) {
      body = gzipJoined(entry.pieces, await (entry.deflated ??= this.deflate(key, entry)), glue);
      headers['content-encoding'] = 'gzip';
    } else {
      body = entry.pieces.length === 1 ? entry.pieces[0] : Buffer.concat(entry.pieces.flatMap((piece, i) => (i === 0 ? [piece] : [glue, piece])));
    }
    if (COMPRESSIBLE.test(String(entry.headers['content-type'] ?? '')) && !/\baccept-encoding\b/i.test(String(headers.vary ?? ''))) {
      headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** Compresses a stored body's pieces once, counting them in the cache's size. */
  private async deflate(key: string, entry: Stored): Promise<Buffer[]> {
    const deflated = await deflatePieces(entry.pieces);
    const extra = deflated.reduce((n, b) => n + b.length, 0);
    if (this.entries.get(key) === entry) {
      entry.bytes += extra;
      this.bytes += extra;
    }
    return deflated;
  }

  /** Lets Next.js answer, keeping a copy of what it writes. */
  private fill(key: string, version: string, req: IncomingMessage, res: ServerResponse, next: Handler): void {
    if (req.method !== 'GET') return next(req, res);
    let release!: (stored: boolean) => void;
    this.filling.set(key, new Promise<boolean>((r) => (release = r)));
    // The stored copy must be plain bytes, to take a fresh nonce on each hit.
    delete req.headers['accept-encoding'];
    const chunks: Buffer[] = [];
    let length = 0;
    let tooLarge = false;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (tooLarge || chunk == null || typeof chunk === 'function') return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array);
      length += buffer.length;
      if (length > this.maxObjectBytes) {
        tooLarge = true;
        chunks.length = 0;
      } else {
        chunks.push(buffer);
      }
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as ServerResponse['write'];
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as ServerResponse['end'];
    res.setHeader('X-Cache', 'MISS');
    res.once('close', () => {
      const entry = this.entries.get(key);
      if (entry) entry.refreshing = false;
      const stored = res.writableFinished && !tooLarge && this.store(key, version, res, Buffer.concat(chunks));
      this.filling.delete(key);
      release(stored);
    });
    next(req, res);
  }

  /** Keeps a finished response if it is for everyone; says whether it did. */
  private store(key: string, version: string, res: ServerResponse, body: Buffer): boolean {
    const sent = res.getHeaders();
    const control = String(sent['cache-control'] ?? '');
    if (res.statusCode !== 200 || !/^public\b/.test(control) || !sent.etag || sent['set-cookie'] !== undefined) return false;
    // Whatever the client asked, the render was asked for identity; anything else is not ours to cut.
    if (sent['content-encoding'] !== undefined && sent['content-encoding'] !== 'identity') return false;
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(sent)) if (!PER_RESPONSE.has(name) && value !== undefined) headers[name] = value;
    const nonce = NONCE.exec(String(sent['content-security-policy'] ?? ''))?.[1];
    this.remove(key);
    this.entries.set(key, { version, storedAt: Date.now(), headers, pieces: cutAt(body, nonce), bytes: body.length });
    this.bytes += body.length;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(oldest);
    }
    return true;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }
}
