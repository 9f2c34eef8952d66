// The figure server actions called directly with FormData and a real signed-in
// session. Only Next's request plumbing is stubbed: headers() returns the cookie
// of a real better-auth session and the Host and Origin a browser on the site
// sends with a form post, redirect() throws like Next's does.
import { resetDatabase } from '@/__tests__/helpers/db';
import { createTestUser, type TestUser } from '@/__tests__/helpers/auth';
import { figureData, seedReferenceData, type Seed } from '@/__tests__/helpers/fixtures';
import { closeAuth } from '@/lib/auth/auth';
import { db } from '@/lib/db/client';
import { createFigure } from '@/lib/figures/mutations';

let requestCookie = '';
jest.mock('next/headers', () => ({
  headers: async () => new Headers(requestCookie ? { cookie: requestCookie, host: 'corridor.test', origin: 'http://corridor.test' } : {}),
  cookies: async () => ({ set: () => {} }),
}));
jest.mock('next/cache', () => ({ revalidatePath: () => {} }));
jest.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  },
}));

// Imported after the mocks so the actions see them.
import { publishFigureAction, retractFigureAction, saveFigureAction } from '@/app/admin/figures/actions';

let seed: Seed;
let editor: TestUser;
let analyst: TestUser;

beforeEach(async () => {
  await resetDatabase();
  seed = await seedReferenceData();
  editor = await createTestUser('EDITOR');
  analyst = await createTestUser('ANALYST');
  requestCookie = editor.cookie;
});
afterAll(async () => {
  await closeAuth();
  await db.$disconnect();
});

function form(overrides: Record<string, string> = {}): FormData {
  const fd = new FormData();
  const fields: Record<string, string> = {
    metricId: String(seed.refugees.id),
    value: '2.1–2.2 million',
    qualifier: '',
    asOf: '2022-03-08',
    originId: String(seed.ukraine.id),
    destinationId: '',
    sourceMode: 'existing',
    sourceId: String(seed.source.id),
    quote: 'Some 2.1–2.2 million people have fled Ukraine.',
    attribution: 'UNHCR',
    notes: '',
    ...overrides,
  };
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

const written = async () => ({ figures: await db.figure.count(), revisions: await db.figureRevision.count(), sources: await db.source.count(), audit: await db.auditLog.count() });

async function save(fd: FormData) {
  try {
    return { state: await saveFigureAction({ status: 'idle' }, fd), redirect: null };
  } catch (err) {
    if ((err as Error).message === 'NEXT_REDIRECT') return { state: null, redirect: (err as { url: string }).url };
    throw err;
  }
}

describe('saveFigureAction', () => {
  it('saves a draft with a new inline source and redirects to it', async () => {
    const result = await save(form({ sourceMode: 'new', sourceId: '', sourceUrl: 'https://news.example/evacuation', sourceTitle: 'Evacuation update', sourcePublisher: 'Example News', sourcePublishedAt: '2022-03-08' }));
    expect(result.redirect).toMatch(/^\/admin\/figures\/\d+\/edit\?saved=1$/);
    const figure = await db.figure.findFirstOrThrow({ include: { source: { include: { publisher: true } } } });
    expect(figure).toMatchObject({ status: 'DRAFT', low: 2_100_000n, high: 2_200_000n, qualifier: 'RANGE', valueAsStated: '2.1–2.2 million' });
    expect(figure.source).toMatchObject({ title: 'Evacuation update', url: 'https://news.example/evacuation', publisher: { name: 'Example News' } });
    expect(await db.figureRevision.count()).toBe(1);
  });

  it('refuses an anonymous visitor and an analyst, writing nothing', async () => {
    const before = await written();
    requestCookie = '';
    expect((await save(form())).state).toMatchObject({ status: 'error', message: 'Sign in to do this.' });
    requestCookie = analyst.cookie;
    expect((await save(form())).state).toMatchObject({ status: 'error', message: expect.stringContaining('analyst') });
    expect(await written()).toEqual(before);
  });

  const badInputs: Array<[string, Record<string, string>, string, RegExp]> = [
    ['a negative number', { value: '-5,000' }, 'value', /negative/],
    ['NaN', { value: 'NaN' }, 'value', /not a number/],
    ['1e30', { value: '1e30' }, 'value', /exponent/],
    ['a number larger than ten billion', { value: '20 billion' }, 'value', /ten billion/],
    ['a range whose low exceeds its high', { value: '3,000–2,000' }, 'value', /greater than high/],
    ['a date in the future', { asOf: '2999-01-01' }, 'asOf', /future/],
    ['a date before 1900', { asOf: '1899-12-31' }, 'asOf', /before 1900/],
    ['an impossible date', { asOf: '2022-02-30' }, 'asOf', /not a calendar date/],
    ['a 10 MB quote', { quote: 'x'.repeat(10 * 1024 * 1024) }, 'quote', /under 5,000/],
    ['a javascript: source URL', { sourceMode: 'new', sourceUrl: 'javascript:alert(1)', sourceTitle: 'Bad' }, 'sourceUrl', /http:\/\/ or https:\/\//],
    ['an invalid source URL', { sourceMode: 'new', sourceUrl: 'not a url', sourceTitle: 'Bad' }, 'sourceUrl', /http:\/\/ or https:\/\//],
    ['an unknown metric id', { metricId: '999999' }, 'metricId', /does not exist/],
    ['an unknown place id', { originId: '999999' }, 'originId', /does not exist/],
    ['an unknown source id', { sourceId: '999999' }, 'sourceId', /does not exist/],
    ['a missing source', { sourceId: '' }, 'sourceId', /Choose a source/],
    ['a period on a stock metric', { periodStart: '2022-03-01', periodEnd: '2022-03-02' }, 'periodStart', /running total/],
  ];

  it.each(badInputs)('rejects %s with a field error, keeps the input, and writes nothing', async (_name, overrides, field, message) => {
    const before = await written();
    const { state } = await save(form(overrides));
    expect(state?.status).toBe('error');
    expect(state?.fieldErrors?.[field]).toMatch(message);
    const [key, value] = Object.entries(overrides)[0];
    expect(state?.values?.[key]).toBe(value);
    expect(await written()).toEqual(before);
  });

  it('warns about a duplicate with its id, and saves when confirmed', async () => {
    const { id } = await createFigure(editor.actor, figureData(seed));
    const first = await save(form());
    expect(first.state).toMatchObject({ status: 'duplicate', duplicateId: id });
    expect(await db.figure.count()).toBe(1);
    expect((await save(form({ confirmDuplicate: 'on' }))).redirect).toMatch(/saved=1/);
    expect(await db.figure.count()).toBe(2);
  });

  it('answers a stale save with the other editor’s change and keeps the typed values', async () => {
    const { id } = await createFigure(editor.actor, figureData(seed));
    const other = await createTestUser('EDITOR');
    requestCookie = other.cookie;
    await save(form({ figureId: String(id), version: '1', attribution: 'UNHCR Poland' }));
    requestCookie = editor.cookie;
    const { state } = await save(form({ figureId: String(id), version: '1', notes: 'my note' }));
    expect(state).toMatchObject({ status: 'conflict', values: expect.objectContaining({ notes: 'my note' }) });
    expect(state?.conflict?.changes[0].fields).toEqual([{ field: 'attribution', before: 'UNHCR', after: 'UNHCR Poland' }]);
    expect(await db.figure.findUniqueOrThrow({ where: { id } })).toMatchObject({ notes: null, attribution: 'UNHCR Poland', version: 2 });
  });
});

describe('publish and retract actions', () => {
  it('lets an editor publish and refuses an analyst', async () => {
    const { id } = await createFigure(editor.actor, figureData(seed));
    const fd = new FormData();
    fd.set('figureId', String(id));
    fd.set('version', '1');
    requestCookie = analyst.cookie;
    expect(await publishFigureAction({ status: 'idle' }, fd)).toMatchObject({ status: 'error' });
    expect(await db.figure.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'DRAFT' });
    requestCookie = editor.cookie;
    await expect(publishFigureAction({ status: 'idle' }, fd)).rejects.toThrow('NEXT_REDIRECT');
    expect(await db.figure.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'PUBLISHED' });
  });

  it('asks for a reason to retract', async () => {
    const { id } = await createFigure(editor.actor, figureData(seed));
    const fd = new FormData();
    fd.set('figureId', String(id));
    fd.set('version', '1');
    fd.set('reason', '');
    expect(await retractFigureAction({ status: 'idle' }, fd)).toMatchObject({ fieldErrors: { reason: expect.stringMatching(/why/) } });
  });
});
