// GET /api/v1/sources: the source picker's suggestions beyond the sources sent with
// the form, by words of the title, publisher or URL and a day.
import { GET } from '@/app/api/v1/sources/route';
import { db } from '@/lib/db/client';
import { resetDatabase } from '../../../helpers/db';

async function get(query: string) {
  const response = await GET(new Request(`http://test/api/v1/sources?${query}`));
  return { status: response.status, body: await response.json() };
}

const titles = (body: { sources: { title: string }[] }) => body.sources.map((s) => s.title);
const day = (d: string) => new Date(`${d}T00:00:00Z`);

beforeAll(async () => {
  await resetDatabase();
  const wire = await db.organization.create({ data: { name: 'Wire Agency Ltd' } });
  const ocha = await db.organization.create({ data: { name: 'OCHA' } });
  await db.source.createMany({
    data: [
      { title: 'Wire Agency Ltd, 9 Mar 2022', publisherId: wire.id, publishedAt: day('2022-03-09') },
      { title: 'Wire Agency Ltd, 10 Mar 2022', publisherId: wire.id, publishedAt: day('2022-03-10') },
      { title: 'Refugees cross into Moldova', publisherId: wire.id, publishedAt: day('2021-12-01'), url: 'https://wire.example/moldova-crossings' },
      { title: 'Flash Update 3', publisherId: ocha.id, publishedAt: day('2022-03-09'), url: 'https://reliefweb.int/report/ukraine/flash-update-3' },
      { title: 'Undated statement', publisherId: ocha.id },
      { title: '100% of seats taken', publishedAt: day('2022-03-01') },
      { title: 'Withdrawn wire', publisherId: wire.id, publishedAt: day('2022-03-11'), retiredAt: new Date() },
    ],
  });
});
afterAll(async () => {
  await db.$disconnect();
});

describe('GET /api/v1/sources', () => {
  it('answers sources holding every word in their title, publisher or URL, latest first', async () => {
    const { status, body } = await get('q=wire');
    expect(status).toBe(200);
    expect(titles(body)).toEqual(['Wire Agency Ltd, 10 Mar 2022', 'Wire Agency Ltd, 9 Mar 2022', 'Refugees cross into Moldova']);
    expect(body.sources[2]).toEqual({ id: expect.any(Number), title: 'Refugees cross into Moldova', url: 'https://wire.example/moldova-crossings', publisher: 'Wire Agency Ltd', publishedAt: '2021-12-01' });
    expect(titles((await get('q=ocha flash')).body)).toEqual(['Flash Update 3']);
    expect(titles((await get('q=reliefweb')).body)).toEqual(['Flash Update 3']);
    expect(titles((await get('q=wire flash')).body)).toEqual([]);
  });

  it('reads a day the way the picker does, and keeps only that day', async () => {
    expect(titles((await get('q=Wire Agency, 9 Mar 2022')).body)).toEqual(['Wire Agency Ltd, 9 Mar 2022']);
    expect(titles((await get('q=2022-03-09')).body)).toEqual(['Flash Update 3', 'Wire Agency Ltd, 9 Mar 2022']);
    expect(titles((await get('q=March 10 2022 wire')).body)).toEqual(['Wire Agency Ltd, 10 Mar 2022']);
  });

  it('answers the latest sources without q (undated last), honours limit, leaves retired sources out', async () => {
    const { body } = await get('');
    expect(titles(body)[0]).toBe('Wire Agency Ltd, 10 Mar 2022');
    expect(titles(body).at(-1)).toBe('Undated statement');
    expect(titles(body)).not.toContain('Withdrawn wire');
    expect((await get('limit=2')).body.sources).toHaveLength(2);
  });

  it('takes % and _ literally', async () => {
    expect(titles((await get('q=100%25')).body)).toEqual(['100% of seats taken']);
    expect((await get('q=_')).body.sources).toEqual([]);
  });

  it.each([
    ['q=a%00b', 'q'],
    ['limit=0', 'limit'],
    ['limit=51', 'limit'],
    ['limit=x', 'limit'],
    [`q=${'a'.repeat(201)}`, 'q'],
  ])('refuses "%s" with a 400 naming the parameter', async (query, param) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.param).toBe(param);
    expect(body.error.message).toContain(param);
  });
});
