import { GET as getCsv } from '@/app/api/v1/figures.csv/route';
import { GET as getNdjson } from '@/app/api/v1/figures.ndjson/route';
import { useFixtureDatabase } from '../../../helpers/db';

useFixtureDatabase();

describe('exports with a place nobody has', () => {
  it.each([
    ['figures.csv', getCsv],
    ['figures.ndjson', getNdjson],
  ])('%s answers 400 naming the parameter instead of an empty file', async (name, GET) => {
    const res = await GET(new Request(`http://test/api/v1/${name}?origin=UA99`));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { message: 'origin: no place has the id or code "UA99"', param: 'origin' } });
  });

  it('still exports when the place exists', async () => {
    const res = await getCsv(new Request('http://test/api/v1/figures.csv?place=UA59&raw=1'));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.split('\n')[0]).toMatch(/^id,metric,/);
    expect(text).toContain('Sumy');
  });
});
