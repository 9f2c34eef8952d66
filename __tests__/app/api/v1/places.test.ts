// GET /api/v1/places: the filter pickers' suggestions, by name, alias or code.
import { GET } from '@/app/api/v1/places/route';
import { db } from '@/lib/db/client';
import { useFixtureDatabase } from '../../../helpers/db';

async function get(query: string) {
  const response = await GET(new Request(`http://test/api/v1/places?${query}`));
  return { status: response.status, body: await response.json() };
}

const names = (body: { places: { name: string }[] }) => body.places.map((p) => p.name);

useFixtureDatabase();

describe('GET /api/v1/places', () => {
  it('answers places whose name contains q, names starting with q first, each with the places it lies within', async () => {
    const { status, body } = await get('q=sumy');
    expect(status).toBe(200);
    expect(names(body)).toEqual(['Sumy', 'Sumy Oblast']);
    expect(body.places[0]).toEqual({ id: expect.any(Number), name: 'Sumy', code: null, within: 'Ukraine › Sumy Oblast' });
    expect(body.places[1]).toEqual(expect.objectContaining({ code: 'UA59', within: 'Ukraine' }));
  });

  it('puts the place whose code is q first, and finds places by alias', async () => {
    expect(names((await get('q=ukr')).body)[0]).toBe('Ukraine');
    expect(names((await get('q=Kharkov')).body)).toEqual(['Kharkiv']);
  });

  it('answers the top-level places without q, and honours limit', async () => {
    const top = await db.place.findMany({ where: { parentId: null, retiredAt: null }, select: { name: true } });
    const { body } = await get('');
    expect(names(body).sort()).toEqual(top.map((p) => p.name).sort());
    expect((await get('q=a&limit=2')).body.places).toHaveLength(2);
  });

  it('leaves retired places out, and takes % and _ literally', async () => {
    await db.place.updateMany({ where: { name: 'Sumy' }, data: { retiredAt: new Date() } });
    expect(names((await get('q=sumy')).body)).toEqual(['Sumy Oblast']);
    expect((await get('q=%25')).body.places).toEqual([]);
    expect((await get('q=_')).body.places).toEqual([]);
  });

  it('answers even when a place tree loops (never climbs forever)', async () => {
    const sumy = await db.place.findFirstOrThrow({ where: { name: 'Sumy Oblast' }, select: { id: true } });
    const ukraine = await db.place.findFirstOrThrow({ where: { name: 'Ukraine' }, select: { id: true } });
    await db.$executeRaw`UPDATE place SET "parentId" = ${sumy.id} WHERE id = ${ukraine.id}`;
    const { status, body } = await get('q=sumy');
    expect(status).toBe(200);
    expect(names(body)).toContain('Sumy Oblast');
  });

  it.each([
    ['q=a%00b', 'q'],
    ['limit=0', 'limit'],
    ['limit=51', 'limit'],
    ['limit=x', 'limit'],
    [`q=${'a'.repeat(101)}`, 'q'],
  ])('refuses "%s" with a 400 naming the parameter', async (query, param) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.param).toBe(param);
    expect(body.error.message).toContain(param);
  });
});
