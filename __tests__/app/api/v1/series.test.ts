import { GET } from '@/app/api/v1/series/route';
import { useFixtureDatabase } from '../../../helpers/db';

async function get(query: string) {
  const response = await GET(new Request(`http://test/api/v1/series?${query}`));
  return { status: response.status, body: await response.json() };
}

useFixtureDatabase();

describe('GET /api/v1/series', () => {
  it('returns the daily refugee series with ranges, bounds and figure ids', async () => {
    const { status, body } = await get('metric=refugees&from=2022-03-01&to=2022-03-09&place=UKR');
    expect(status).toBe(200);
    expect(body).toEqual({ metric: 'refugees', unit: 'people', kind: 'STOCK', interval: 'day', points: expect.any(Array) });
    expect(body.points.map((p: { date: string }) => p.date)).toEqual(['2022-03-03', '2022-03-06', '2022-03-08', '2022-03-09']);
    expect(body.points[3]).toEqual({ date: '2022-03-09', value: 2150000, low: 2100000, high: 2200000, qualifier: 'RANGE', claims: 1, figureIds: [expect.any(Number)] });
    expect(body.points[0].qualifier).toBe('AT_LEAST');
  });

  it('includes the claims with their citations when include=claims', async () => {
    const { body } = await get('metric=evacuees&place=UA59&include=claims');
    expect(body.points).toHaveLength(1);
    expect(body.points[0].claimDetails[0]).toEqual(
      expect.objectContaining({
        valueAsStated: 'more than 5,000',
        quote: expect.stringContaining('More than 5,000 people were evacuated from Sumy'),
        source: expect.objectContaining({ publisher: 'News wire service', publishedAt: '2022-03-09' }),
      }),
    );
  });

  it.each(['day', 'week', 'month'])('answers the same points per %s with include=claims, which adds their claims in figureIds order', async (interval) => {
    for (const metric of ['refugees', 'evacuees']) {
      const fast = await GET(new Request(`http://test/api/v1/series?metric=${metric}&interval=${interval}`));
      expect(fast.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const plain = await fast.json();
      const { body } = await get(`metric=${metric}&interval=${interval}&include=claims`);
      expect(plain.points.length).toBeGreaterThan(0);
      expect(body.points.map(({ claimDetails: _c, ...point }: { claimDetails: unknown }) => point)).toEqual(plain.points);
      for (const point of body.points) {
        expect(point.claimDetails.map((c: { id: number }) => c.id)).toEqual(point.figureIds);
        expect(point.figureIds.length).toBeLessThanOrEqual(Math.min(10, point.claims));
      }
    }
  });

  it('buckets by month', async () => {
    const { body } = await get('metric=refugees&interval=month');
    expect(body.points).toEqual([expect.objectContaining({ date: '2022-03-01', value: 4000000, qualifier: 'AT_LEAST' })]);
  });

  it('returns an empty list of points when nothing matches', async () => {
    const { status, body } = await get('metric=buses&from=2022-03-01&to=2022-03-05');
    expect(status).toBe(200);
    expect(body.points).toEqual([]);
  });

  it.each([
    ['', 'metric'],
    ['metric=refugees&interval=year', 'interval'],
    ['metric=refugees&from=2022-13-01', 'from'],
    ['metric=refugees&from=2022-03-10&to=2022-03-01', 'to'],
    ['metric=refugees&include=everything', 'include'],
    ['metric=refugees&qualifier=MAYBE', 'qualifier'],
    ['metric=refugees&place=NOWHERE', 'place'],
  ])('answers 400 naming the parameter for "%s"', async (query, param) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error).toEqual({ message: expect.stringContaining(param), param });
  });

  it('answers 404 for an unknown metric', async () => {
    const { status, body } = await get('metric=tents');
    expect(status).toBe(404);
    expect(body.error).toEqual({ message: expect.stringContaining('tents'), param: 'metric' });
  });
});
