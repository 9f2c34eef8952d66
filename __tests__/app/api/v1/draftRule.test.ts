// One draft rule on every read surface: editors and admins may ask for draft and
// retracted figures; analysts and anonymous callers get the same 403 everywhere.
import { GET as getFigures } from '@/app/api/v1/figures/route';
import { GET as getSeries } from '@/app/api/v1/series/route';
import { GET as getCsv } from '@/app/api/v1/figures.csv/route';
import { GET as getNdjson } from '@/app/api/v1/figures.ndjson/route';
import { db } from '@/lib/db/client';
import { DRAFTS_FORBIDDEN_MESSAGE, readFigureFilters } from '@/lib/figures/readFigureFilters';
import { AppError } from '@/lib/http/AppError';
import { useFixtureDatabase } from '../../../helpers/db';
import { browserRequest, createTestUser, type TestUser } from '../../../helpers/auth';

useFixtureDatabase();

const SURFACES = [
  ['/api/v1/figures', getFigures],
  ['/api/v1/series', getSeries],
  ['/api/v1/figures.csv', getCsv],
  ['/api/v1/figures.ndjson', getNdjson],
] as const;

const DRAFT_QUOTE = 'A draft nobody has reviewed yet: 77,777 people.';

describe('the draft rule', () => {
  let editor: TestUser;
  let analyst: TestUser;
  beforeAll(async () => {
    [editor, analyst] = await Promise.all([createTestUser('EDITOR'), createTestUser('ANALYST')]);
    const any = await db.figure.findFirstOrThrow({ where: { metric: { key: 'refugees' } } });
    await db.figure.create({
      data: { metricId: any.metricId, sourceId: any.sourceId, low: 77_777n, high: 77_777n, qualifier: 'EXACT', asOf: new Date('2022-03-20T00:00:00Z'), status: 'DRAFT', quote: DRAFT_QUOTE },
    });
  });

  const query = 'metric=refugees&status=DRAFT';

  it.each(SURFACES)('%s refuses drafts to anonymous callers and analysts with one message', async (path, GET) => {
    for (const cookie of [undefined, analyst.cookie]) {
      const res = await GET(browserRequest(`${path}?${query}`, { cookie }));
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { message: DRAFTS_FORBIDDEN_MESSAGE, param: 'status' } });
    }
  });

  it.each(SURFACES)('%s lets an editor ask for drafts', async (path, GET) => {
    const res = await GET(browserRequest(`${path}?${query}`, { cookie: editor.cookie }));
    expect(res.status).toBe(200);
    // Charts plot published figures only (the headline rule); the lists and exports show the draft.
    if (path !== '/api/v1/series') expect(await res.text()).toContain('77,777 people');
  });

  it('is the rule the pages read too', async () => {
    const ask = (actor: TestUser['actor'] | null) => readFigureFilters({ status: 'DRAFT' }, async () => actor);
    await expect(ask(null)).rejects.toThrow(new AppError('FORBIDDEN', DRAFTS_FORBIDDEN_MESSAGE, 'status'));
    await expect(ask(analyst.actor)).rejects.toMatchObject({ status: 403, message: DRAFTS_FORBIDDEN_MESSAGE });
    await expect(ask(editor.actor)).resolves.toMatchObject({ status: ['DRAFT'] });
    // Published figures never need to know who is asking.
    await expect(readFigureFilters({}, () => Promise.reject(new Error('not asked')))).resolves.toMatchObject({ status: ['PUBLISHED'] });
  });
});
