// Issue 10 over HTTP, against the production server `npm start` runs
// (scripts/serve.ts, started by `npm run test:e2e` with IMPORT_MAX_MB=12): uploads,
// sign-in, forwarded headers, bad input, tokens, status codes and headers, as an
// attacker or a careless client would see them. No browser: plain requests.
import { connect } from 'node:net';
import { createApiToken } from '@/lib/auth/apiTokens';
import type { Role } from '@/lib/auth/permissions';
import { db } from '@/lib/db/client';
import { insertUser } from '@/lib/users/mutations';

const BASE_URL = process.env.E2E_BASE_URL ?? '';
if (!BASE_URL) throw new Error('Run HTTP tests with `npm run test:e2e`, which serves the app.');

const stamp = Date.now();
const PASSWORD = 'correct horse battery staple';
const MB = 1024 * 1024;

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${BASE_URL}${path}`, { headers, redirect: 'manual' });

async function createAccount(role: Role): Promise<{ email: string; userId: string }> {
  const email = `${role.toLowerCase()}-http-${stamp}-${Math.random().toString(36).slice(2, 6)}@corridor.test`;
  const user = await insertUser(null, { email, name: `${role} over HTTP`, role, password: PASSWORD });
  return { email, userId: user.id };
}

async function tokenFor(role: Role): Promise<string> {
  const { email, userId } = await createAccount(role);
  return (await createApiToken({ userId, email, name: role, role, via: 'session' }, 'http tests')).token;
}

function signInOverApi(email: string, password: string, headers: Record<string, string> = {}) {
  return fetch(`${BASE_URL}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE_URL, ...headers },
    body: JSON.stringify({ email, password }),
  });
}

async function sessionCookie(role: Role): Promise<string> {
  const { email } = await createAccount(role);
  const response = await signInOverApi(email, PASSWORD);
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Forgets the sign-in counters these tests ran up, so later suites can sign in from 127.0.0.1. */
const clearThrottle = () => db.rateLimit.deleteMany({});

// A figure row with a long quote: few rows, many bytes.
const HEADER = 'metric,value_low,as_of,source_title,source_url,quote,attribution\n';
const QUOTE = 'Refugees kept arriving at the border crossing through the night. '.repeat(74); // 4,884 characters
const csvRow = (tag: string, i: number) => `refugees,${1000 + i},2022-03-05,Crossing log ${tag} ${i},https://example.org/http-${tag}/${i},"${QUOTE}${i}",Border guard\n`;
const csvOfBytes = (tag: string, bytes: number) => {
  const rows = Math.ceil(bytes / csvRow(tag, 0).length);
  return { text: HEADER + Array.from({ length: rows }, (_, i) => csvRow(tag, i)).join(''), rows };
};
const figuresFrom = (tag: string) => db.figure.count({ where: { source: { url: { startsWith: `https://example.org/http-${tag}/` } } } });

afterAll(async () => {
  await clearThrottle();
  await db.$disconnect();
});

describe('uploads (issue 10, item 1)', () => {
  let token: string;
  beforeAll(async () => {
    token = await tokenFor('EDITOR');
  });

  it("commits every row of an 11 MB upload, past the proxy's 10 MB body limit", async () => {
    const { text, rows } = csvOfBytes('big', 11 * MB);
    expect(Buffer.byteLength(text)).toBeGreaterThan(10.5 * MB);
    const response = await fetch(`${BASE_URL}/api/v1/figures/import?dryRun=0`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: text,
    });
    const report = await response.json();
    expect(response.status).toBe(200);
    expect(report).toMatchObject({ committed: true, rows, newRows: rows, invalid: 0 });
    expect(await figuresFrom('big')).toBe(rows);
  });

  it('refuses a chunked upload past IMPORT_MAX_MB with 413 naming it, and writes nothing', async () => {
    const { text } = csvOfBytes('huge', 13 * MB);
    const bytes = new TextEncoder().encode(text);
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(offset, offset + 256 * 1024));
        offset += 256 * 1024;
      },
    });
    // The server stops reading at the limit; this connection is not reused afterwards.
    const response = await fetch(`${BASE_URL}/api/v1/figures/import?dryRun=0`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', connection: 'close' }, body, duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toMatch(/12 MB limit \(IMPORT_MAX_MB\)/);
    expect(await figuresFrom('huge')).toBe(0);
  });

  it('commits nothing from a body that stops short of its Content-Length', async () => {
    const { text } = csvOfBytes('short', 64 * 1024);
    const url = new URL(BASE_URL);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(`POST /api/v1/figures/import?dryRun=0 HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${token}\r\n` +
          `Content-Type: text/csv\r\nContent-Length: ${Buffer.byteLength(text) + 10_000}\r\nConnection: close\r\n\r\n`);
        socket.write(text);
        setTimeout(() => socket.end(), 500);
      });
      let received = '';
      socket.on('data', (chunk) => (received += chunk));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(await figuresFrom('short')).toBe(0);
  });
});

describe('sign-in (issue 10, items 2 and 5)', () => {
  afterEach(clearThrottle);

  it('answers a deactivated account exactly as a wrong password, right password or not', async () => {
    const { email } = await createAccount('EDITOR');
    const wrong = await signInOverApi(email, 'not the password');
    await db.user.update({ where: { email }, data: { deactivatedAt: new Date() } });
    const deactivated = await signInOverApi(email, PASSWORD);
    const unknown = await signInOverApi(`nobody-${stamp}@corridor.test`, PASSWORD);
    const answers = await Promise.all([wrong, deactivated, unknown].map(async (r) => `${r.status} ${await r.text()}`));
    expect(answers[0]).toMatch(/^401 /);
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
  });
});

describe('forwarded headers from an untrusted client (issue 10, item 3)', () => {
  afterEach(clearThrottle);

  it('does not give a client a fresh throttle bucket for each X-Forwarded-For it invents', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const response = await signInOverApi(`guess-${stamp}-${i}@corridor.test`, 'not the password', { 'x-forwarded-for': `203.0.113.${i + 1}` });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('refuses a cookie-authenticated write from another site that names itself in X-Forwarded-Host', async () => {
    const cookie = await sessionCookie('EDITOR');
    const response = await fetch(`${BASE_URL}/api/v1/extract`, {
      method: 'POST',
      headers: { cookie, origin: 'http://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'More than 5,000 people were evacuated from Sumy.', publishedAt: '2022-03-09' }),
    });
    expect(response.status).toBe(403);
  });
});

describe('bad input (issue 10, item 4)', () => {
  const crafted = Buffer.from(JSON.stringify(['not a day', 1])).toString('base64url');

  it.each([
    ['/api/v1/figures?cursor=' + crafted, 'cursor'],
    ['/api/v1/figures?sort=value&cursor=' + Buffer.from(JSON.stringify(['99999999999999999999', 1])).toString('base64url'), 'cursor'],
    ['/api/v1/figures?sort=id&cursor=' + Buffer.from(JSON.stringify(['4294967296', 4294967296])).toString('base64url'), 'cursor'],
    ['/api/v1/figures?place=2147483648', 'place'],
    ['/api/v1/series?metric=refugees&origin=2147483648', 'origin'],
    ['/api/v1/figures.csv?destination=99999999999', 'destination'],
    ['/api/v1/figures.ndjson?q=%00', 'q'],
    ['/api/v1/figures?publisher=a%00b', 'publisher'],
  ])('GET %s answers 400 naming %s', async (path, param) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect((await response.json()).error.param).toBe(param);
  });

  it.each([
    ['/figures?cursor=' + crafted, 'cursor is not valid for this sort'],
    ['/figures?place=2147483648', 'place must be a place id or code'],
    ['/?q=%00', 'must not contain control characters'],
    ['/?origin=99999', 'no place has the id or code'],
    ['/sources?before=1e9', 'before must be a source id'],
  ])('page %s answers HTTP 400 with the message', async (path, message) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
  });

  it('answers a page asking anonymously for drafts with 403 and the message', async () => {
    const response = await get('/figures?status=DRAFT');
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Only editors and admins can see draft or retracted figures');
  });
});

describe('bearer tokens (issue 10, item 5)', () => {
  it.each(['/api/v1/series?metric=refugees', '/api/v1/figures', '/api/v1/figures.csv', '/api/v1/sources.csv', '/'])(
    'an invalid token on public GET %s gets 401',
    async (path) => {
      const response = await get(path, { authorization: 'Bearer crd_not-a-real-token' });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    },
  );
});

describe('status codes (issue 10, item 6)', () => {
  afterAll(clearThrottle);

  it.each(['/admin', '/admin/figures?status=DRAFT', '/account/tokens'])('redirects an anonymous visitor from %s to sign in with 307', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
  });

  it('answers an unknown figure with 404', async () => {
    expect((await get('/figures/2147483647')).status).toBe(404);
    expect((await get('/figures/not-a-number')).status).toBe(404);
  });

  it('answers an analyst at /admin with 403', async () => {
    const cookie = await sessionCookie('ANALYST');
    const response = await get('/admin/figures', { cookie });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Not allowed');
  });
});

describe('hardening (issue 10, item 7)', () => {
  it('sends a CSP whose scripts need this response’s nonce, and puts it on every script', async () => {
    const response = await get('/');
    const csp = response.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce).toBeTruthy();
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = (await get('/')).headers.get('content-security-policy');
    expect(again).not.toContain(nonce);
  });
});
