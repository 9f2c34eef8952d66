import { POST } from '@/app/api/v1/extract/route';
import { loadFixtureDatabase } from '@/__tests__/helpers/db';
import { browserRequest, createTestUser, type TestUser } from '@/__tests__/helpers/auth';
import { closeAuth } from '@/lib/auth/auth';
import { createApiToken } from '@/lib/auth/apiTokens';
import { db } from '@/lib/db/client';

const PASSAGE =
  'More than 5,000 people were evacuated from Sumy on Tuesday, Tymoshenko told local media. ' +
  'Some 60 buses left the city. The town of 250,000 lies 350 kilometres from Kyiv.';

let editor: TestUser;
let admin: TestUser;
let analyst: TestUser;

beforeAll(async () => {
  await loadFixtureDatabase();
  [editor, admin, analyst] = await Promise.all([createTestUser('EDITOR'), createTestUser('ADMIN'), createTestUser('ANALYST')]);
});
afterAll(async () => {
  await closeAuth();
  await db.$disconnect();
});

async function post(body: unknown, init: { cookie?: string; origin?: string | null; headers?: Record<string, string> } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const request = browserRequest('/api/v1/extract', { method: 'POST', body: raw, ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  const response = await POST(request);
  return { status: response.status, body: await response.json() };
}

const valid = { text: PASSAGE, publishedAt: '2022-03-09' };

describe('POST /api/v1/extract', () => {
  it('returns cited candidates with offsets into the text, metric keys and place ids from the database', async () => {
    const { status, body } = await post(valid, { cookie: editor.cookie });
    expect(status).toBe(200);
    const sumy = await db.place.findFirstOrThrow({ where: { name: 'Sumy' } });
    expect(body.candidates).toEqual([
      {
        metric: 'evacuees',
        qualifier: 'AT_LEAST',
        low: 5000,
        high: 5000,
        asStated: 'More than 5,000',
        mentions: [{ text: 'More than 5,000', start: 0, end: 15 }],
        quote: 'More than 5,000 people were evacuated from Sumy on Tuesday, Tymoshenko told local media.',
        start: 0,
        end: 88,
        date: '2022-03-08',
        dateText: 'on Tuesday',
        origin: { name: 'Sumy', placeId: sumy.id },
        destination: null,
        attribution: 'Tymoshenko',
        confidence: expect.any(Number),
      },
      expect.objectContaining({ metric: 'buses', qualifier: 'APPROXIMATE', low: 60, high: 60, asStated: 'Some 60', quote: 'Some 60 buses left the city.' }),
    ]);
    for (const c of body.candidates) {
      expect(PASSAGE.slice(c.start, c.end)).toBe(c.quote);
      for (const m of c.mentions) expect(PASSAGE.slice(m.start, m.end)).toBe(m.text);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('returns an empty list for text without figures', async () => {
    const { status, body } = await post({ ...valid, text: 'The town of 250,000 lies 350 kilometres from the border.' }, { cookie: admin.cookie });
    expect(status).toBe(200);
    expect(body).toEqual({ candidates: [] });
  });

  it('lets editors and admins in, and keeps analysts and anonymous callers out', async () => {
    expect((await post(valid, { cookie: admin.cookie })).status).toBe(200);
    const anonymous = await post(valid);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.message).toMatch(/sign in/i);
    const asAnalyst = await post(valid, { cookie: analyst.cookie });
    expect(asAnalyst.status).toBe(403);
    expect(asAnalyst.body.error.message).toMatch(/analyst/);
  });

  it('refuses a session request from another origin', async () => {
    const { status } = await post(valid, { cookie: editor.cookie, origin: 'https://evil.example' });
    expect(status).toBe(403);
  });

  it('accepts an editor API token without an Origin header, and rejects an unknown token', async () => {
    const { token } = await createApiToken(editor.actor, 'extract test');
    const ok = await post(valid, { origin: null, headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(ok.body.candidates).toHaveLength(2);
    const bad = await post(valid, { origin: null, headers: { authorization: 'Bearer crd_not_a_token' } });
    expect(bad.status).toBe(401);
  });

  it('refuses an analyst API token', async () => {
    const { token } = await createApiToken(analyst.actor, 'extract test');
    expect((await post(valid, { origin: null, headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
  });

  it('answers 413 with the limit for text over 100,000 characters', async () => {
    const { status, body } = await post({ ...valid, text: 'a'.repeat(100_001) }, { cookie: editor.cookie });
    expect(status).toBe(413);
    expect(body.error).toEqual({ message: expect.stringMatching(/100,001 characters; the limit is 100,000/), param: 'text' });
  });

  it('accepts text of exactly 100,000 characters', async () => {
    const text = `${PASSAGE} ${'x'.repeat(100_000 - PASSAGE.length - 1)}`;
    expect(text).toHaveLength(100_000);
    expect((await post({ ...valid, text }, { cookie: editor.cookie })).status).toBe(200);
  });

  it('answers 413 for a body too large to read, before reading it', async () => {
    const { status } = await post({ ...valid, text: '\u2014'.repeat(150_000) }, { cookie: editor.cookie, headers: { 'content-length': '5000000' } });
    expect(status).toBe(413);
  });

  it('answers 400 naming the problem for bad JSON', async () => {
    const { status, body } = await post('{"text": "5,000 fled", ', { cookie: editor.cookie });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/not valid JSON/);
    const array = await post('[1, 2]', { cookie: editor.cookie });
    expect(array.status).toBe(400);
    expect(array.body.error.message).toMatch(/JSON object/);
  });

  it.each([
    ['missing', { text: PASSAGE }, /publishedAt is required/],
    ['not a date', { text: PASSAGE, publishedAt: '9 March 2022' }, /YYYY-MM-DD/],
    ['impossible', { text: PASSAGE, publishedAt: '2022-02-30' }, /not a calendar date/],
    ['in the future', { text: PASSAGE, publishedAt: '2999-01-01' }, /future/],
  ])('answers 400 for a publishedAt that is %s', async (_label, input, message) => {
    const { status, body } = await post(input, { cookie: editor.cookie });
    expect(status).toBe(400);
    expect(body.error).toEqual({ message: expect.stringMatching(message), param: 'publishedAt' });
  });

  it('answers 400 for missing text and a url that is not http(s)', async () => {
    const noText = await post({ publishedAt: '2022-03-09' }, { cookie: editor.cookie });
    expect(noText).toMatchObject({ status: 400, body: { error: { param: 'text' } } });
    const badUrl = await post({ ...valid, url: 'javascript:alert(1)' }, { cookie: editor.cookie });
    expect(badUrl).toMatchObject({ status: 400, body: { error: { param: 'url' } } });
  });
});
