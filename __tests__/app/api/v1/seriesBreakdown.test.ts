// GET /api/v1/series?by=destination|origin: a series per place, each the very
// series the same filters give for that place alone, so the headline rule (and
// its scope rules) holds within every place. On the curated dataset.
import { GET } from '@/app/api/v1/series/route';
import { useCuratedDataset } from '../../../helpers/db';

async function get(query: string) {
  const response = await GET(new Request(`http://test/api/v1/series?${query}`));
  return { status: response.status, body: await response.json() };
}

interface Group { place: { id: number; code: string | null; name: string }; points: Array<{ date: string; value: number; figureIds: number[] }> }

useCuratedDataset();

describe('GET /api/v1/series with a place breakdown', () => {
  it.each([
    ['refugees', 'destination', 'week'],
    ['evacuees', 'destination', 'day'],
    ['evacuees', 'origin', 'month'],
  ])('gives each %s %s the series that %s filter gives (per %s)', async (metric, by, interval) => {
    const { status, body } = await get(`metric=${metric}&by=${by}&interval=${interval}`);
    expect(status).toBe(200);
    expect(body).toEqual(expect.objectContaining({ metric, by, interval, groups: expect.any(Array) }));
    expect(body.groups.length).toBeGreaterThan(1);
    expect(body.groups.length).toBeLessThanOrEqual(8);
    for (const group of body.groups as Group[]) {
      const alone = await get(`metric=${metric}&${by}=${group.place.id}&interval=${interval}`);
      expect(group.points).toEqual(alone.body.points);
    }
    expect(body.groups.some((g: Group) => g.points.length > 0)).toBe(true);
  });

  it('counts a destination\'s running total from that destination\'s claims only', async () => {
    const { body } = await get('metric=refugees&by=destination&places=POL,HUN&interval=month');
    const [poland, hungary] = body.groups as Group[];
    expect([poland.place.code, hungary.place.code]).toEqual(['POL', 'HUN']);
    const overall = await get('metric=refugees&interval=month');
    // Poland alone is less than the overall total in its busiest month: not the same claims.
    const last = poland.points.at(-1)!;
    const overallSameMonth = overall.body.points.find((p: { date: string }) => p.date === last.date);
    expect(overallSameMonth).toBeDefined();
    expect(last.value).toBeLessThan(overallSameMonth.value);
    expect(last.figureIds.every((id) => !overallSameMonth.figureIds.includes(id))).toBe(true);
  });

  it('compares the places named, in the order named, by id or code', async () => {
    const first = await get('metric=refugees&by=destination&places=MDA,POL,ROU');
    expect(first.body.groups.map((g: Group) => g.place.code)).toEqual(['MDA', 'POL', 'ROU']);
    const byId = await get(`metric=refugees&by=destination&places=${first.body.groups[1].place.id},MDA`);
    expect(byId.body.groups.map((g: Group) => g.place.code)).toEqual(['POL', 'MDA']);
  });

  it('keeps the other filters within each place', async () => {
    const all = await get('metric=refugees&by=destination&places=POL,ROU');
    const march = await get('metric=refugees&by=destination&places=POL,ROU&from=2022-03-01&to=2022-03-31');
    for (const [i, group] of (march.body.groups as Group[]).entries()) {
      expect(group.points.every((p) => p.date >= '2022-03-01' && p.date <= '2022-03-31')).toBe(true);
      expect(group.points.length).toBeLessThan(all.body.groups[i].points.length);
    }
  });

  it.each([
    ['metric=refugees&by=country', 'by'],
    ['metric=refugees&by=destination&places=POL', 'places'],
    ['metric=refugees&by=destination&places=POL,HUN,ROU,MDA,SVK,BLR,RUS', 'places'],
    ['metric=refugees&by=destination&places=POL,NOPE', 'places'],
    ['metric=refugees&by=destination&places=POL,1%27;drop', 'places'],
    ['metric=refugees&places=POL,HUN', 'places'],
  ])('refuses %s with a 400 naming %s', async (query, param) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.param).toBe(param);
  });

  it('answers 404 for an unknown metric, as the plain series does', async () => {
    expect((await get('metric=nope&by=destination')).status).toBe(404);
  });
});
