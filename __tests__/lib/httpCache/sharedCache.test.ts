// The app's shared cache of anonymous public reads (lib/httpCache/sharedCache.ts),
// in front of a handler that answers like Next.js does for public reads, on a real
// HTTP server and the real data version in PostgreSQL.
import http, { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { resetDatabase } from '@/__tests__/helpers/db';
import { createTestUser, type TestUser } from '@/__tests__/helpers/auth';
import { figureData, seedReferenceData, type Seed } from '@/__tests__/helpers/fixtures';
import { closeAuth } from '@/lib/auth/auth';
import { db } from '@/lib/db/client';
import { createFigure } from '@/lib/figures/mutations';
import { getDataVersion } from '@/lib/httpCache/dataVersion';
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '@/lib/httpCache/policy';
import { SharedCache, type SharedCacheOptions } from '@/lib/httpCache/sharedCache';
import { createNonce } from '@/lib/http/securityHeaders';

let seed: Seed;
let editor: TestUser;
let server: Server | undefined;
let base = '';
/** How many requests reached the handler (rendered), by path and query. */
let renders: Map<string, number>;
let cache: SharedCache;

/** Answers like a public page: public caching, an ETag on the data version, the body in pieces. */
type Answer = (req: IncomingMessage, res: ServerResponse, version: string) => void | Promise<void>;
const publicAnswer: Answer = async (req, res, version) => {
  const nonce = createNonce();
  res.statusCode = 200;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', PUBLIC_CACHE_CONTROL);
  res.setHeader('etag', `W/"d${version}-test"`);
  res.setHeader('content-security-policy', `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  res.write(`<script nonce="${nonce}">1</script><p>version ${version}</p>`);
  await new Promise((r) => setTimeout(r, 20));
  res.write(Buffer.from(`<p>${req.url}</p>${'<p>a longer page</p>'.repeat(100)}`));
  res.end(`<script nonce="${nonce}">2</script><p>end</p>`);
};

/** The page's text with its nonce taken out, and that nonce (from the body and the header, which must agree). */
function nonceOf(page: { body: string; headers: Headers }): { text: string; nonce: string } {
  const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')![1];
  const inBody = [...page.body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
  expect(inBody).toEqual([nonce, nonce]);
  return { text: page.body.split(nonce).join('NONCE'), nonce };
}

async function start(answer: Answer = publicAnswer, options: Partial<SharedCacheOptions> = {}, publicRead = true) {
  renders = new Map();
  cache = new SharedCache({ maxBytes: 1024 * 1024, ...options });
  const handler = cache.wrap((req, res) => {
    renders.set(req.url!, (renders.get(req.url!) ?? 0) + 1);
    void getDataVersion().then((v) => answer(req, res, v));
  }, publicRead);
  server = createServer((req, res) => {
    res.setHeader('X-Request-Id', 'req-' + Math.random().toString(36).slice(2));
    handler(req, res);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(base + path, { method, headers: { 'accept-encoding': 'identity', ...headers } }).then(async (r) => ({
    status: r.status,
    body: await r.text(),
    headers: r.headers,
  }));

/** A GET through node:http, which sends the headers as given (Host included) and leaves the body encoded. */
const rawGet = (path: string, headers: Record<string, string>) =>
  new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    http.get(base + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });

beforeEach(async () => {
  await resetDatabase();
  seed = await seedReferenceData();
  editor = await createTestUser('EDITOR');
});
afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});
afterAll(async () => {
  await closeAuth();
  await db.$disconnect();
});

describe('SharedCache', () => {
  it('serves an anonymous public read again, with the same bytes and headers, until the data changes', async () => {
    await start();
    const first = await get('/figures?metric=refugees');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    const second = await get('/figures?metric=refugees');
    expect(second.headers.get('x-cache')).toBe('HIT');
    // The same page, with a fresh nonce in its CSP header and on each of its scripts.
    expect(nonceOf(second).text).toBe(nonceOf(first).text);
    expect(nonceOf(second).nonce).not.toBe(nonceOf(first).nonce);
    expect(nonceOf((await get('/figures?metric=refugees'))).nonce).not.toBe(nonceOf(second).nonce);
    expect(second.headers.get('content-security-policy')!.replace(nonceOf(second).nonce, '')).toBe(first.headers.get('content-security-policy')!.replace(nonceOf(first).nonce, ''));
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('content-length')).toBe(String(Buffer.byteLength(first.body)));
    expect(second.headers.get('age')).toMatch(/^\d+$/);
    // Each exchange keeps its own request id.
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(renders.get('/figures?metric=refugees')).toBe(1);

    // A write bumps the data version: the next reader gets a fresh render.
    const before = await getDataVersion();
    await createFigure(editor.actor, figureData(seed));
    const third = await get('/figures?metric=refugees');
    expect(third.headers.get('x-cache')).toBe('MISS');
    expect(third.body).not.toBe(first.body);
    expect(third.body).toContain(`version ${await getDataVersion()}`);
    expect(third.body).not.toContain(`version ${before}`);
    expect(renders.get('/figures?metric=refugees')).toBe(2);
  });

  it('keys on the URL, the host and the forwarded scheme and host', async () => {
    await start();
    await get('/figures?metric=refugees');
    await get('/figures?metric=buses');
    await get('/figures?metric=refugees', { 'x-forwarded-proto': 'https' });
    await rawGet('/figures?metric=refugees', { host: 'corridor.example.org' });
    await get('/figures?metric=refugees', { 'x-forwarded-host': 'mirror.example.org' });
    expect(renders.get('/figures?metric=refugees')).toBe(4);
    expect(renders.get('/figures?metric=buses')).toBe(1);
    expect((await get('/figures?metric=refugees', { 'x-forwarded-proto': 'https' })).headers.get('x-cache')).toBe('HIT');
  });

  it('gzips a hit for a client that accepts it, under its own ETag, and asks the render for plain bytes', async () => {
    const asked: Array<string | undefined> = [];
    await start((req, res, v) => {
      asked.push(req.headers['accept-encoding']);
      return publicAnswer(req, res, v);
    });
    const plain = await get('/sources', { 'accept-encoding': 'gzip, br' });
    expect(asked).toEqual([undefined]);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const raw = await rawGet('/sources', { 'accept-encoding': 'gzip, deflate' });
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(raw.headers['x-cache']).toBe('HIT');
    expect(raw.headers.etag).toBe(plain.headers.get('etag')!.replace(/"$/, '-gz"'));
    expect(String(raw.headers.vary)).toMatch(/Accept-Encoding/);
    expect(Number(raw.headers['content-length'])).toBe(raw.body.length);
    const unzipped = gunzipSync(raw.body).toString();
    const nonce = /'nonce-([^']+)'/.exec(String(raw.headers['content-security-policy']))![1];
    expect(unzipped.split(nonce).join('NONCE')).toBe(nonceOf(plain).text);
    expect((await get('/sources', { 'accept-encoding': 'gzip', 'if-none-match': String(raw.headers.etag) })).status).toBe(304);
    expect(renders.get('/sources')).toBe(1);
  });

  it('never serves or stores a signed-in read, a client navigation, a private answer or a non-public path', async () => {
    await start();
    await get('/figures');
    const signedInOrNavigating: Array<Record<string, string>> = [{ cookie: 'better-auth.session_token=abc' }, { authorization: 'Bearer x' }, { rsc: '1' }];
    for (const headers of signedInOrNavigating) {
      expect((await get('/figures', headers)).headers.get('x-cache')).toBeNull();
    }
    expect(renders.get('/figures')).toBe(4);
    await get('/admin/figures');
    await get('/admin/figures');
    expect(renders.get('/admin/figures')).toBe(2);
    const res = await fetch(base + '/figures', { method: 'POST' });
    await res.text();
    expect(res.headers.get('x-cache')).toBeNull();
  });

  it('stores nothing with PUBLIC_READ off', async () => {
    await start(publicAnswer, {}, false);
    await get('/figures');
    await get('/figures');
    expect(renders.get('/figures')).toBe(2);
    expect(cache.size.entries).toBe(0);
  });

  it('does not store errors, private answers, answers that set cookies or have no ETag', async () => {
    const answers: Record<string, Answer> = {
      '/figures?bad=1': (_req, res) => { res.writeHead(400, { 'cache-control': PRIVATE_CACHE_CONTROL }); res.end('bad'); },
      '/figures?private=1': (_req, res) => { res.writeHead(200, { 'cache-control': PRIVATE_CACHE_CONTROL, etag: '"x"' }); res.end('mine'); },
      '/figures?cookie=1': (_req, res) => { res.writeHead(200, { 'cache-control': PUBLIC_CACHE_CONTROL, etag: '"x"', 'set-cookie': 'a=b' }); res.end('c'); },
      '/figures?noetag=1': (_req, res) => { res.writeHead(200, { 'cache-control': PUBLIC_CACHE_CONTROL }); res.end('n'); },
    };
    await start((req, res, v) => (answers[req.url!] ?? publicAnswer)(req, res, v));
    for (const path of Object.keys(answers)) {
      await get(path);
      expect((await get(path)).headers.get('x-cache')).toBe('MISS');
      expect(renders.get(path)).toBe(2);
    }
    expect(cache.size.entries).toBe(0);
  });

  it('answers a matching If-None-Match from the stored copy with 304, and HEAD without a body', async () => {
    await start();
    const first = await get('/sources');
    const etag = first.headers.get('etag')!;
    const revalidated = await get('/sources', { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBe('');
    expect(revalidated.headers.get('etag')).toBe(etag);
    expect(revalidated.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    expect((await get('/sources', { 'if-none-match': 'W/"d0-old"' })).status).toBe(200);
    const head = await get('/sources', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.get('x-cache')).toBe('HIT');
    expect(renders.get('/sources')).toBe(1);
  });

  it('renders once for readers who miss at the same time', async () => {
    await start();
    const bodies = await Promise.all(Array.from({ length: 8 }, () => get('/?interval=week')));
    expect(renders.get('/?interval=week')).toBe(1);
    expect(new Set(bodies.map((b) => nonceOf(b).text)).size).toBe(1);
    expect(bodies.filter((b) => b.headers.get('x-cache') === 'HIT')).toHaveLength(7);
  });

  it('lets readers who waited on a render that was not stored render on their own', async () => {
    await start(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 30));
      res.writeHead(400, { 'cache-control': PRIVATE_CACHE_CONTROL });
      res.end('bad');
    });
    const answers = await Promise.all(Array.from({ length: 4 }, () => get('/figures?sort=nope')));
    expect(answers.every((a) => a.status === 400)).toBe(true);
    expect(renders.get('/figures?sort=nope')).toBe(4);
  });

  it('renders again after the shared max age, serving the stored copy meanwhile', async () => {
    await start(publicAnswer, { maxAgeSeconds: 0.2 });
    await get('/figures');
    await new Promise((r) => setTimeout(r, 250));
    const [refresh, meanwhile] = await Promise.all([get('/figures'), new Promise((r) => setTimeout(r, 5)).then(() => get('/figures'))]);
    expect(refresh.headers.get('x-cache')).toBe('MISS');
    expect(meanwhile.headers.get('x-cache')).toBe('HIT');
    expect(renders.get('/figures')).toBe(2);
    expect((await get('/figures')).headers.get('x-cache')).toBe('HIT');
  });

  it('passes large responses through without storing them, and evicts the least recently used past its size', async () => {
    const big = 'x'.repeat(3000);
    await start((req, res, v) => {
      res.writeHead(200, { 'cache-control': PUBLIC_CACHE_CONTROL, etag: `"d${v}"` });
      res.end(req.url === '/figures?big=1' ? big + big : big);
    }, { maxBytes: 7000, maxObjectBytes: 5000 });
    expect((await get('/figures?big=1')).body).toHaveLength(6000);
    expect(cache.size.entries).toBe(0);
    await get('/figures?a=1');
    await get('/figures?b=1');
    await get('/figures?a=1'); // a is now the most recently used
    await get('/figures?c=1'); // 9000 bytes: b goes
    expect(cache.size).toEqual({ entries: 2, bytes: 6000 });
    expect((await get('/figures?a=1')).headers.get('x-cache')).toBe('HIT');
    expect((await get('/figures?b=1')).headers.get('x-cache')).toBe('MISS');
  });
});
