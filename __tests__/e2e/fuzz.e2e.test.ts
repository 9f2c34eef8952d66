// Issue 10: a seeded, bounded fuzz of every API route, the import and the pages
// that read a query, against the production server `npm run test:e2e` serves.
// Generated requests mix valid values with the inputs that once gave 500s (ids of
// 2^31 and more, NUL and control characters, crafted cursors, long text, broken
// CSV and JSON, bad tokens). It asserts that no request gets a 5xx (nor a page its
// error boundary) and that a write that did not succeed changed no row. It prints
// its request count and the answers per route and status.
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { createApiToken } from '@/lib/auth/apiTokens';
import type { Role } from '@/lib/auth/permissions';
import { db } from '@/lib/db/client';
import { sql } from '@/lib/db/sql';
import { insertUser } from '@/lib/users/mutations';
import { HEAVY_TEST_TIMEOUT_MS } from '@/__tests__/helpers/timeouts';

const BASE_URL = process.env.E2E_BASE_URL ?? '';
if (!BASE_URL) throw new Error('Run the fuzz test with `npm run test:e2e`, which serves the app.');

const SEED = 20_261_125;
const READ_REQUESTS = 2_400;
const IMPORT_REQUESTS = 400;
const OTHER_WRITE_REQUESTS = 200;
const CONCURRENCY = 6;

interface Failure { request: string; status: number | string; body: string }
const failures: Failure[] = [];
let sent = 0;
/** Answers per route and status, printed at the end so a run shows what it exercised. */
const tally = new Map<string, number>();

// ---- values -------------------------------------------------------------------

const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const nasty = fc.constantFrom(
  '0', '-1', '2147483647', '2147483648', '4294967296', '99999999999999999999', '1e3', '0x10', '01', ' 1', '1.5',
  'a\u0000b', '\u0000', '\u0007bell', 'tab\there', 'line\nbreak', '\u202Eright-to-left', '😀', "' OR 1=1 --", '%00', '<script>',
  '=HYPERLINK("http://evil.example")', 'x'.repeat(201), 'y'.repeat(5_000),
  cursorOf(['x', 1]), cursorOf(['2022-03-01', 2147483648]), cursorOf(['99999999999999999999', 1]), cursorOf([null, 1]),
  cursorOf(['2022-02-30', 1]), cursorOf(['2022-03-01 25:00:00', 1]), cursorOf({}), 'not base64 !!', '',
);
const valid = fc.constantFrom(
  'refugees', 'evacuees', 'buses', 'civilian_deaths', 'UKR', 'UA59', 'POL', '1', '2', '3', '2022-03-01', '2022-03-09', '2022-03-31',
  'EXACT', 'RANGE,AT_LEAST', 'APPROXIMATE', 'PUBLISHED', 'DRAFT', 'RETRACTED', 'day', 'week', 'month', 'claims',
  '-asOf', 'asOf', 'value', '-updated', 'id', '10', '1000', '1', '0', 'true', 'UNHCR', 'Sumy', 'evacuated',
  cursorOf(['2022-03-01', 1]), cursorOf(['5000', 3]), cursorOf(['1', 1]), cursorOf(['2022-03-09 10:00:00.5', 2]),
);
const value: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: valid }, { weight: 3, arbitrary: nasty }, { weight: 2, arbitrary: fc.string({ maxLength: 30 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) });
const PARAMS = ['metric', 'from', 'to', 'place', 'origin', 'destination', 'publisher', 'qualifier', 'status', 'q', 'interval', 'include', 'sort', 'limit', 'cursor', 'bom', 'hxl', 'raw', 'before', 'dryRun', 'fileName', 'x'] as const;
// Targeted pairs: the parameters and values that gave 500s before (issue 10).
const cursorValue = fc.oneof(
  fc.constantFrom(cursorOf(['2022-03-01', 1]), cursorOf(['5000', 3]), cursorOf(['1', 1])),
  fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2022-03-01', '2022-02-30', '99999999999999999999', '-1', '2022-03-01 10:00:00')), fc.oneof(fc.integer(), fc.double(), fc.constant(2 ** 31))).map(cursorOf),
  fc.base64String({ maxLength: 40 }),
);
const idValue = fc.oneof(fc.constantFrom('1', '2', '2147483647', '2147483648', '0', '-1', '99999999999'), fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(String));
const textValue = fc.oneof(fc.constantFrom('UNHCR', 'Sumy', 'a\u0000b', '\u0001', 'x'.repeat(201)), fc.string({ unit: 'binary', maxLength: 20 }));
const pair = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom<string>(...PARAMS), value) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('cursor'), cursorValue) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('place', 'origin', 'destination', 'before', 'publisher'), idValue) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('q', 'publisher', 'sort', 'metric'), textValue) },
);
const query = fc.array(pair, { maxLength: 5 });

/** A URL cannot carry a lone surrogate; everything else goes through, percent-encoded. */
function wellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}
function queryString(pairs: Array<[string, string]>): string {
  return pairs.filter(([, v]) => wellFormed(v)).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

type Auth = 'none' | 'analyst' | 'editor' | 'admin' | 'bad-token' | 'basic' | 'junk';
const auth = fc.constantFrom<Auth>('none', 'none', 'none', 'analyst', 'editor', 'admin', 'bad-token', 'basic', 'junk');

// ---- requests -----------------------------------------------------------------

const READ_PATHS = [
  '/api/v1/series', '/api/v1/figures', '/api/v1/places', '/api/v1/sources', '/api/v1/claims', '/api/v1/figures.csv', '/api/v1/figures.ndjson', '/api/v1/sources.csv', '/api/v1/places.csv',
  '/api/v1/events.csv', '/api/v1/datapackage.json', '/api/v1/openapi.json',
  '/api/health', '/api/auth/get-session', '/', '/figures', '/sources', '/figures/1', '/figures/2147483648', '/figures/-1', '/docs', '/docs/api',
];
// Half the reads name a real metric first, so the series route gets past its required parameter.
const readQuery = fc.tuple(fc.boolean(), fc.constantFrom('refugees', 'evacuees', 'buses'), query).map(([withMetric, metric, pairs]) =>
  withMetric ? [['metric', metric] as [string, string], ...pairs] : pairs);
const generalRead = fc.record({
  path: fc.constantFrom(...READ_PATHS),
  query: readQuery,
  auth,
  method: fc.constantFrom('GET', 'GET', 'GET', 'GET', 'GET', 'HEAD', 'POST', 'DELETE'),
});
// Probes: one suspicious parameter on an otherwise clean request, so nothing else refuses it first.
const SORTS = ['asOf', '-asOf', 'value', '-value', 'updated', '-updated', 'id', '-id'];
const cursorProbe = fc.record({
  path: fc.constantFrom('/api/v1/figures', '/figures'),
  query: fc.tuple(fc.option(fc.constantFrom(...SORTS)), cursorValue).map(([sort, cursor]) => [...(sort ? [['sort', sort] as [string, string]] : []), ['cursor', cursor] as [string, string]]),
  auth: fc.constant<Auth>('none'),
  method: fc.constant('GET'),
});
const idProbe = fc.record({
  path: fc.constantFrom('/api/v1/figures', '/api/v1/figures.csv', '/api/v1/figures.ndjson', '/', '/figures', '/sources'),
  query: fc.tuple(fc.constantFrom('place', 'origin', 'destination', 'before', 'publisher', 'q'), fc.oneof(idValue, textValue)).map((p) => [p as [string, string]]),
  auth: fc.constant<Auth>('none'),
  method: fc.constant('GET'),
});
const readRequest = fc.oneof({ weight: 6, arbitrary: generalRead }, { weight: 1, arbitrary: cursorProbe }, { weight: 1, arbitrary: idProbe });

const COLUMNS = ['metric', 'value_low', 'value_high', 'qualifier', 'value_as_stated', 'as_of', 'period_start', 'period_end', 'origin', 'origin_code',
  'destination', 'destination_code', 'source_title', 'source_url', 'publisher', 'published_at', 'quote', 'attribution', 'status', 'id', 'colour'];
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('refugees', 'evacuees', 'buses', '5000', '2,100,000', 'about 60', '2.1 to 2.2 million', '1e30', '-5',
    '2,1 million', '2022-03-01', '2022-03-09', '2022-02-30', '1899-12-31', '2999-01-01', 'UKR', 'UA59', 'Sumy', 'EXACT', 'RANGE', 'PUBLISHED',
    'RETRACTED', 'https://example.org/fuzz', 'javascript:alert(1)', 'More than 5,000 people were evacuated.', 'UNHCR', '1', '') },
  { weight: 2, arbitrary: nasty },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
// Most files carry the required columns, so rows reach validation and some commit.
const REQUIRED = ['metric', 'value_low', 'as_of', 'source_title', 'source_url', 'quote'];
const csvHeader = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.shuffledSubarray(REQUIRED, { minLength: REQUIRED.length }), fc.shuffledSubarray(COLUMNS.filter((c) => !REQUIRED.includes(c)), { maxLength: 4 })).map(([a, b]) => [...a, ...b]) },
  { weight: 1, arbitrary: fc.shuffledSubarray(COLUMNS, { minLength: 1 }) },
);
const csvFile = fc.record({
  header: csvHeader,
  hxl: fc.boolean(),
  rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 21 }), { maxLength: 8 }),
  tail: fc.constantFrom('', '', '"unterminated', '\r\n\r\n', 'a,"b""c'),
}).map(({ header, hxl, rows, tail }) => {
  const lines = [header, ...(hxl ? [header.map((c) => `#meta+${c}`)] : []), ...rows];
  return new TextEncoder().encode(stringify(lines.map((r) => r.map((v) => (wellFormed(v) ? v : '?')))) + tail);
});
const rawBody = fc.oneof(
  { weight: 5, arbitrary: csvFile },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constant(new Uint8Array([0xff, 0xfe, 0x6d, 0x00, 0x65, 0x00])) },
  { weight: 1, arbitrary: fc.constant(new Uint8Array(0)) },
);
const importRequest = fc.record({
  // Most go to the figures import; places and events imports take their own columns and mostly refuse these files.
  route: fc.constantFrom('figures', 'figures', 'figures', 'places', 'events'),
  body: rawBody,
  query: fc.array(fc.tuple(fc.constantFrom('dryRun', 'status', 'fileName', 'x'), fc.oneof(fc.constantFrom('0', '1', 'PUBLISHED', 'DRAFT', 'true', 'march.csv'), nasty)), { maxLength: 3 }),
  auth: fc.constantFrom<Auth>('editor', 'editor', 'editor', 'admin', 'analyst', 'none', 'bad-token'),
  contentType: fc.constantFrom('text/csv', 'text/csv', 'application/octet-stream', ''),
  commit: fc.boolean(),
});
const jsonish = fc.oneof(
  fc.record({ text: fc.oneof(fc.constant('More than 5,000 people were evacuated from Sumy on Tuesday, Tymoshenko said.'), nasty, fc.string()), publishedAt: fc.oneof(valid, nasty), url: fc.oneof(fc.constant('https://example.org/r'), nasty), title: fc.oneof(fc.string(), nasty) }, { requiredKeys: [] }),
  fc.record({ email: fc.oneof(fc.constant('editor@corridor.test'), nasty, fc.emailAddress()), password: fc.oneof(nasty, fc.string()) }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 2 }),
);
const otherWrite = fc.record({
  path: fc.constantFrom('/api/v1/extract', '/api/v1/extract', '/api/auth/sign-in/email', '/api/auth/sign-out', '/api/v1/figures'),
  body: fc.oneof({ weight: 4, arbitrary: jsonish.map((j) => JSON.stringify(j)) }, { weight: 1, arbitrary: fc.string({ maxLength: 200 }) }),
  contentType: fc.constantFrom('application/json', 'application/json', 'application/x-www-form-urlencoded', 'text/plain', ''),
  auth: fc.constantFrom<Auth>('editor', 'analyst', 'none', 'bad-token'),
  sameOrigin: fc.boolean(),
});

// ---- sending ------------------------------------------------------------------

const tokens: Partial<Record<Auth, string>> = { 'bad-token': 'Bearer crd_not-a-real-token', basic: 'Basic dXNlcjpwYXNz', junk: 'Bearer' };

async function send(label: string, url: string, init: RequestInit): Promise<Response | null> {
  sent++;
  try {
    const response = await fetch(url, { ...init, redirect: 'manual' });
    // Read the whole body: a stream that breaks mid-way is a failure too.
    const body = init.method === 'HEAD' ? '' : await response.text();
    const key = `${label.split(/[ ?]/)[1]} ${response.status}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
    // A page's error boundary (app/error.tsx) is a failure on our side even when streamed with 200.
    if (response.status >= 500 || body.includes('This page could not be loaded')) failures.push({ request: label, status: response.status, body: body.slice(0, 300) });
    return new Response(body, { status: response.status, headers: response.headers });
  } catch (err) {
    failures.push({ request: label, status: 'network error', body: String((err as Error).cause ?? err) });
    return null;
  }
}

const headersFor = (who: Auth, extra: Record<string, string> = {}) => ({ ...(tokens[who] ? { authorization: tokens[who]! } : {}), ...extra });

async function counts() {
  const [row] = await sql<Record<string, number>[]>`
    SELECT (SELECT count(*) FROM figure)::int AS figures, (SELECT count(*) FROM source)::int AS sources,
           (SELECT count(*) FROM place)::int AS places, (SELECT count(*) FROM event)::int AS events, (SELECT count(*) FROM organization)::int AS organizations,
           (SELECT count(*) FROM figure_revision)::int AS revisions, (SELECT count(*) FROM import_run WHERE NOT "dryRun")::int AS commits`;
  return { ...row };
}

async function pool<T>(items: T[], worker: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) await worker(items[next++]);
  }));
}

async function tokenFor(role: Role): Promise<string> {
  const email = `fuzz-${role.toLowerCase()}-${Date.now()}@corridor.test`;
  const user = await insertUser(null, { email, name: `fuzz ${role}`, role, password: 'correct horse battery staple' });
  return `Bearer ${(await createApiToken({ userId: user.id, email, name: role, role, via: 'session' }, 'fuzz')).token}`;
}

describe('fuzzing every API route, the import and the query pages', () => {
  beforeAll(async () => {
    tokens.analyst = await tokenFor('ANALYST');
    tokens.editor = await tokenFor('EDITOR');
    tokens.admin = await tokenFor('ADMIN');
  });
  afterAll(async () => {
    await db.rateLimit.deleteMany({});
    console.log(`[fuzz] answers by route and status: ${[...tally].sort().map(([k, n]) => `${k}: ${n}`).join(', ')}`);
    console.log(`[fuzz] seed ${SEED}: ${sent} requests, ${failures.filter((f) => typeof f.status === 'number').length} answered 5xx, ${failures.filter((f) => f.status === 'network error').length} network errors`);
    await db.$disconnect();
  });

  it('answers generated reads without a 5xx', async () => {
    const requests = fc.sample(readRequest, { seed: SEED, numRuns: READ_REQUESTS });
    await pool(requests, async ({ path, query: pairs, auth: who, method }) => {
      const qs = queryString(pairs);
      const url = `${BASE_URL}${path}${qs ? `?${qs}` : ''}`;
      await send(`${method} ${path}?${qs} (${who})`, url, { method, headers: headersFor(who, method === 'GET' || method === 'HEAD' ? {} : { connection: 'close' }) });
    });
    expect(failures).toEqual([]);
  }, HEAVY_TEST_TIMEOUT_MS);

  it('answers generated imports without a 5xx, and a failed import changes no row', async () => {
    await fc.assert(
      fc.asyncProperty(importRequest, async ({ route, body, query: pairs, auth: who, contentType, commit }) => {
        const params = [...pairs, ...(commit ? [['dryRun', '0'] as [string, string]] : [])];
        const qs = queryString(params);
        const before = await counts();
        const response = await send(`POST ${route}/import?${qs} (${who}, ${body.length} bytes)`, `${BASE_URL}/api/v1/${route}/import?${qs}`, {
          method: 'POST', body: new Uint8Array(body), headers: headersFor(who, { connection: 'close', ...(contentType ? { 'content-type': contentType } : {}) }),
        });
        const after = await counts();
        const report = response?.status === 200 ? await response.json().catch(() => null) : null;
        if (report?.committed && route === 'figures') {
          expect(after.figures - before.figures).toBe(report.newRows);
          expect(after.commits - before.commits).toBe(1);
        } else if (report?.committed) {
          expect(after[route] - before[route]).toBe(report.newRows);
        } else {
          expect(after).toEqual(before);
        }
        expect(response?.status ?? 0).toBeLessThan(500);
      }),
      { seed: SEED, numRuns: IMPORT_REQUESTS },
    );
    expect(failures).toEqual([]);
  }, HEAVY_TEST_TIMEOUT_MS);

  it('answers generated extract and sign-in requests without a 5xx, writing no figures', async () => {
    await fc.assert(
      fc.asyncProperty(otherWrite, async ({ path, body, contentType, auth: who, sameOrigin }) => {
        const before = await counts();
        const response = await send(`POST ${path} (${who}, ${contentType})`, `${BASE_URL}${path}`, {
          method: 'POST', body, headers: headersFor(who, { connection: 'close', ...(contentType ? { 'content-type': contentType } : {}), ...(sameOrigin ? { origin: BASE_URL } : {}) }),
        });
        expect(await counts()).toEqual(before);
        expect(response?.status ?? 0).toBeLessThan(500);
      }),
      { seed: SEED, numRuns: OTHER_WRITE_REQUESTS },
    );
    expect(failures).toEqual([]);
  }, HEAVY_TEST_TIMEOUT_MS);
});
