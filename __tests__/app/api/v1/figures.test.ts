import { GET } from '@/app/api/v1/figures/route';
import { useFixtureDatabase } from '../../../helpers/db';

async function get(query: string) {
  const response = await GET(new Request(`http://test/api/v1/figures?${query}`));
  return { status: response.status, body: await response.json() };
}

useFixtureDatabase();

describe('GET /api/v1/figures', () => {
  it('lists published figures newest first, each with its citation', async () => {
    const { status, body } = await get('metric=refugees');
    expect(status).toBe(200);
    expect(body.nextCursor).toBeNull();
    expect(body.figures.map((f: { asOf: string }) => f.asOf)).toEqual(['2022-03-30', '2022-03-15', '2022-03-09', '2022-03-08', '2022-03-06', '2022-03-03']);
    expect(body.figures[0]).toEqual(
      expect.objectContaining({
        metric: 'refugees',
        valueAsStated: 'more than four million',
        quote: 'More than four million refugees have fled Ukraine.',
        origin: { id: expect.any(Number), name: 'Ukraine', code: 'UKR' },
        source: expect.objectContaining({ title: expect.stringContaining('operational data portal'), url: 'https://data.unhcr.org/en/situations/ukraine', publisher: 'UNHCR' }),
      }),
    );
  });

  it('pages with a cursor and returns every figure exactly once', async () => {
    const seen: number[] = [];
    let cursor = '';
    for (let i = 0; i < 10; i++) {
      const { status, body } = await get(`sort=value&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(status).toBe(200);
      seen.push(...body.figures.map((f: { id: number }) => f.id));
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    const { body: all } = await get('limit=1000&sort=value');
    expect(seen).toEqual(all.figures.map((f: { id: number }) => f.id));
    expect(seen).toHaveLength(10);
    const lows = all.figures.map((f: { low: number }) => f.low);
    expect(lows).toEqual([...lows].sort((a, b) => a - b));
  });

  it('searches quotes and source titles', async () => {
    const { body } = await get('q=two%20convoys');
    expect(body.figures.map((f: { metric: string }) => f.metric)).toEqual(['buses']);
  });

  it.each([
    ['limit=1001', 'limit'],
    ['limit=0', 'limit'],
    ['limit=ten', 'limit'],
    ['sort=quote', 'sort'],
    ['cursor=bm9wZQ', 'cursor'],
    ['to=2022-02-29', 'to'],
    ['origin=XX1', 'origin'],
  ])('answers 400 naming the parameter for "%s"', async (query, param) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.param).toBe(param);
  });

  it('answers 404 for an unknown metric and 403 for drafts without a login', async () => {
    expect((await get('metric=tents')).status).toBe(404);
    const drafts = await get('status=DRAFT');
    expect(drafts.status).toBe(403);
    expect(drafts.body.error.param).toBe('status');
  });
});
