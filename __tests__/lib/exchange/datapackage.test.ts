import { GET } from '@/app/api/v1/datapackage.json/route';
import { FIGURE_COLUMNS, SOURCE_COLUMNS } from '@/lib/exchange/columns';

describe('GET /api/v1/datapackage.json', () => {
  it('describes figures.csv and sources.csv with keys, the foreign key, licence and citation', async () => {
    // A request names the host it was sent to; the package's paths are built on it (lib/http/publicOrigin.ts).
    const res = await GET(new Request('http://0.0.0.0:3000/api/v1/datapackage.json', { headers: { host: 'corridor.test' } }));
    expect(res.status).toBe(200);
    const pkg = await res.json();
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.licenses).toEqual([{ name: 'CC-BY-4.0' }]);
    expect(pkg.citation).toMatch(/Corridor/);
    const [figures, sources] = pkg.resources;
    expect(figures).toMatchObject({ name: 'figures', path: 'http://corridor.test/api/v1/figures.csv?raw=1', format: 'csv', encoding: 'utf-8' });
    expect(figures.schema.fields.map((f: { name: string }) => f.name)).toEqual(FIGURE_COLUMNS.map((c) => c.name));
    expect(figures.schema.primaryKey).toEqual(['id']);
    expect(figures.schema.foreignKeys).toEqual([{ fields: ['source_id'], reference: { resource: 'sources', fields: ['id'] } }]);
    expect(figures.schema.missingValues).toEqual(['']);
    expect(figures.schema.fields.find((f: { name: string }) => f.name === 'id').constraints).toMatchObject({ required: true });
    expect(sources).toMatchObject({ name: 'sources', path: 'http://corridor.test/api/v1/sources.csv?raw=1' });
    expect(sources.schema.fields.map((f: { name: string }) => f.name)).toEqual(SOURCE_COLUMNS.map((c) => c.name));
    expect(sources.schema.primaryKey).toEqual(['id']);
  });
});
