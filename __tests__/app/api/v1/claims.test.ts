// GET /api/v1/claims: a chart point's claims on demand, published ones only, in the order asked.
import { GET } from '@/app/api/v1/claims/route';
import { db } from '@/lib/db/client';
import { useFixtureDatabase } from '../../../helpers/db';

async function get(query: string) {
  const response = await GET(new Request(`http://test/api/v1/claims?${query}`));
  return { status: response.status, body: await response.json() };
}

useFixtureDatabase();

describe('GET /api/v1/claims', () => {
  it('answers the published claims among the ids, in the order given, with citations', async () => {
    const [draft, ...published] = await db.figure.findMany({ where: { status: 'PUBLISHED' }, select: { id: true, quote: true }, orderBy: { id: 'asc' }, take: 4 });
    expect(published).toHaveLength(3);
    await db.figure.update({ where: { id: draft.id }, data: { status: 'DRAFT' } });
    const ids = [published[2].id, draft.id, published[0].id, published[1].id];
    const { status, body } = await get(`ids=${ids.join(',')}`);
    expect(status).toBe(200);
    expect(body.claims.map((c: { id: number }) => c.id)).toEqual([published[2].id, published[0].id, published[1].id]);
    expect(body.claims[1]).toEqual(expect.objectContaining({ quote: published[0].quote, status: 'PUBLISHED', source: expect.objectContaining({ title: expect.any(String) }) }));
  });

  it.each([
    ['', 'ids is required'],
    ['ids=', 'ids is required'],
    ['ids=1,x', 'figure ids'],
    ['ids=1,2,3,4,5,6,7,8,9,10,11', 'at most 10'],
    ['ids=99999999999', 'figure ids'],
  ])('refuses "%s" with a 400 naming ids', async (query, message) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.param).toBe('ids');
    expect(body.error.message).toContain(message);
  });
});
