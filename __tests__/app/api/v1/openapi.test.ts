// GET /api/v1/openapi.json: a valid OpenAPI 3.1 document that cannot drift from
// the routes: its parameters come from the schemas the routes validate with, every
// route file has its path, documented values are accepted and others refused, and
// the routes' real answers have exactly the documented fields.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GET } from '@/app/api/v1/openapi.json/route';
import { GET as getSeries } from '@/app/api/v1/series/route';
import { GET as getFigures } from '@/app/api/v1/figures/route';
import { GET as getClaims } from '@/app/api/v1/claims/route';
import { GET as getDataPackage } from '@/app/api/v1/datapackage.json/route';
import { POST as createSnapshot } from '@/app/api/v1/snapshots/route';
import { GET as getSnapshot } from '@/app/api/v1/snapshots/[id]/route';
import { POST as extract } from '@/app/api/v1/extract/route';
import { POST as importPlaces } from '@/app/api/v1/places/import/route';
import { useFixtureDatabase } from '@/__tests__/helpers/db';
import { createTestUser } from '@/__tests__/helpers/auth';
import { closeAuth } from '@/lib/auth/auth';
import { createApiToken } from '@/lib/auth/apiTokens';
import type { OpenApiDocument, Operation, Parameter } from '@/lib/api/types';
import {
  claimListSchema, dataPackageSchema, errorSchema, extractResultSchema, figurePageSchema, recordImportReportSchema, seriesBreakdownSchema,
  seriesSchema, snapshotCreatedSchema, snapshotDataSchema,
} from '@/lib/api/responses';
import { csvOptionsSchema } from '@/lib/exchange/exportRequest';
import { importRequestSchema, recordImportRequestSchema } from '@/lib/exchange/import/importRequest';
import { FIGURE_FILTER_PARAMS, figureFilterSchema } from '@/lib/figures/filters';
import { pageQuerySchema, SORTS } from '@/lib/figures/listFigures';
import { BREAKDOWNS, seriesParamsSchema } from '@/lib/figures/parseSeriesParams';
import { FIGURE_STATUSES, INTERVALS, METRIC_KINDS, QUALIFIERS } from '@/lib/vocabulary';
import type { z } from 'zod';

useFixtureDatabase();
afterAll(() => closeAuth());

let document: OpenApiDocument;
beforeAll(async () => {
  const response = await GET();
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  document = await response.json();
});

const operation = (path: string, method: 'get' | 'post'): Operation => {
  const op = document.paths[path]?.[method];
  if (!op) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  return op;
};
const parameter = (path: string, name: string): Parameter => {
  const found = operation(path, 'get').parameters?.find((p) => p.name === name);
  if (!found) throw new Error(`${path} does not document ${name}`);
  return found;
};
const names = (path: string, method: 'get' | 'post' = 'get') => (operation(path, method).parameters ?? []).map((p) => p.name);
const keys = (schema: z.ZodObject) => Object.keys(schema.shape);

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document (checked by @seriousme/openapi-schema-validator against the official schema)', () => {
    // The validator is an ES module; Jest runs CommonJS, so a plain node process runs it.
    const script = `import { Validator } from '@seriousme/openapi-schema-validator';
      let text = ''; for await (const chunk of process.stdin) text += chunk;
      const result = await new Validator().validate(JSON.parse(text));
      process.stdout.write(JSON.stringify(result));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: JSON.stringify(document), cwd: process.cwd() });
    const result = JSON.parse(output.toString());
    expect(result.errors).toBeUndefined();
    expect(result).toEqual({ valid: true });
    expect(document.openapi).toBe('3.1.0');
  });

  it('resolves every $ref to a component schema', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(document.components.schemas).toHaveProperty([ref.replace('#/components/schemas/', '')]);
  });

  it('has a path, with its methods, for every route file under app/api/v1', async () => {
    const root = join(process.cwd(), 'app');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name === 'route.ts') files.push(path);
      }
    };
    walk(join(root, 'api', 'v1'));
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const path = '/' + relative(root, file).replace(/\/route\.ts$/, '').replace(/\[(\w+)\]/g, '{$1}');
      const methods = Object.keys(await import(file)).filter((k) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(k)).map((m) => m.toLowerCase());
      expect([path, Object.keys(document.paths[path] ?? {}).sort()]).toEqual([path, methods.sort()]);
    }
  });

  it('lists every parameter the figure filters accept on every route that reads them, from the filters schema', () => {
    expect(keys(figureFilterSchema).sort()).toEqual([...FIGURE_FILTER_PARAMS].sort());
    for (const path of ['/api/v1/series', '/api/v1/figures', '/api/v1/figures.csv', '/api/v1/figures.ndjson']) {
      expect(names(path)).toEqual(expect.arrayContaining([...FIGURE_FILTER_PARAMS]));
    }
    expect(names('/api/v1/series')).toEqual(expect.arrayContaining(keys(seriesParamsSchema)));
    expect(names('/api/v1/figures')).toEqual(expect.arrayContaining(keys(pageQuerySchema)));
    expect(names('/api/v1/figures.csv')).toEqual(expect.arrayContaining(keys(csvOptionsSchema)));
    expect(names('/api/v1/figures/import', 'post')).toEqual(expect.arrayContaining(keys(importRequestSchema)));
    expect(names('/api/v1/places/import', 'post')).toEqual(expect.arrayContaining(keys(recordImportRequestSchema)));
    // The series takes one metric, required; the figures any number, optional.
    expect(parameter('/api/v1/series', 'metric')).toMatchObject({ required: true, schema: { type: 'string' } });
    expect(parameter('/api/v1/figures', 'metric')).toMatchObject({ required: false, schema: { type: 'array' }, explode: true });
  });

  it('takes its enumerations from the vocabulary', () => {
    expect(parameter('/api/v1/series', 'qualifier').schema.items?.enum).toEqual([...QUALIFIERS]);
    expect(parameter('/api/v1/figures', 'status').schema.items?.enum).toEqual([...FIGURE_STATUSES]);
    expect(parameter('/api/v1/series', 'interval').schema).toMatchObject({ enum: [...INTERVALS], default: 'day' });
    expect(parameter('/api/v1/series', 'by').schema.enum).toEqual([...BREAKDOWNS]);
    expect(parameter('/api/v1/figures', 'sort').schema).toMatchObject({ enum: [...SORTS], default: '-asOf' });
    expect(parameter('/api/v1/figures.csv', 'sort').schema.enum).toEqual([...SORTS]);
    expect(parameter('/api/v1/figures', 'limit').schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 1000, default: 50 });
    expect(document.components.schemas.Claim.properties?.qualifier.enum).toEqual([...QUALIFIERS]);
    expect(document.components.schemas.Series.properties?.kind.enum).toEqual([...METRIC_KINDS]);
  });

  it('describes the auth schemes and the one error shape', () => {
    expect(document.components.securitySchemes).toMatchObject({
      apiToken: { type: 'http', scheme: 'bearer' },
      session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
    });
    expect(operation('/api/v1/series', 'get').security).toContainEqual({});
    expect(operation('/api/v1/extract', 'post').security).not.toContainEqual({});
    expect(operation('/api/v1/series', 'get').responses['400'].content?.['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
  });
});

describe('documented values are what the routes accept', () => {
  const status = async (query: string) => (await getSeries(new Request(`http://test/api/v1/series?${query}`))).status;

  it.each(['interval', 'by', 'include'])('the series accepts each documented %s and refuses another, naming it', async (name) => {
    const values = parameter('/api/v1/series', name).schema.enum as string[];
    for (const value of values) expect([value, await status(`metric=refugees&${name}=${value}`)]).toEqual([value, 200]);
    const response = await getSeries(new Request(`http://test/api/v1/series?metric=refugees&${name}=undocumented`));
    expect(response.status).toBe(400);
    expect((await response.json()).error.param).toBe(name);
  });

  it('the series accepts each documented qualifier', async () => {
    for (const value of parameter('/api/v1/series', 'qualifier').schema.items?.enum as string[]) {
      expect([value, await status(`metric=refugees&qualifier=${value}`)]).toEqual([value, 200]);
    }
  });

  it('the figures accept each documented sort', async () => {
    for (const sort of parameter('/api/v1/figures', 'sort').schema.enum as string[]) {
      const response = await getFigures(new Request(`http://test/api/v1/figures?sort=${encodeURIComponent(sort)}&limit=2`));
      expect([sort, response.status]).toEqual([sort, 200]);
    }
  });
});

/** The answer has exactly the documented fields: parsing strips undocumented ones, so any would show here. */
async function expectShape(response: Response, schema: z.ZodType, status = 200) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(schema.parse(body)).toEqual(body);
  return body;
}

describe('the routes answer the documented shapes', () => {
  it('series, with claims and by place', async () => {
    await expectShape(await getSeries(new Request('http://test/api/v1/series?metric=refugees')), seriesSchema);
    const withClaims = await expectShape(await getSeries(new Request('http://test/api/v1/series?metric=evacuees&include=claims')), seriesSchema);
    expect(withClaims.points[0].claimDetails.length).toBeGreaterThan(0);
    const breakdown = await expectShape(await getSeries(new Request('http://test/api/v1/series?metric=evacuees&by=origin')), seriesBreakdownSchema);
    expect(breakdown.groups.length).toBeGreaterThan(0);
  });

  it('figures and a chart point’s claims', async () => {
    const page = await expectShape(await getFigures(new Request('http://test/api/v1/figures?limit=3')), figurePageSchema);
    expect(page.figures).toHaveLength(3);
    const ids = page.figures.map((f: { id: number }) => f.id).join(',');
    const { claims } = await expectShape(await getClaims(new Request(`http://test/api/v1/claims?ids=${ids}`)), claimListSchema);
    expect(claims).toHaveLength(3);
  });

  it('errors', async () => {
    const body = await expectShape(await getSeries(new Request('http://test/api/v1/series?metric=refugees&from=2022-02-30')), errorSchema, 400);
    expect(body.error.param).toBe('from');
    await expectShape(await getSeries(new Request('http://test/api/v1/series?metric=tents')), errorSchema, 404);
  });

  it('snapshots, created and read back', async () => {
    const request = new Request('http://test/api/v1/snapshots', { method: 'POST', body: JSON.stringify({ view: 'chart', query: 'metric=refugees' }), headers: { 'content-type': 'application/json' } });
    const created = await expectShape(await createSnapshot(request), snapshotCreatedSchema, 201);
    await expectShape(await getSnapshot(new Request(`http://test/api/v1/snapshots/${created.id}`), { params: Promise.resolve({ id: created.id }) }), snapshotDataSchema);
  });

  it('the Data Package', async () => {
    await expectShape(await getDataPackage(new Request('http://test/api/v1/datapackage.json')), dataPackageSchema);
  });

  it('extraction and a dry-run import, with an API token', async () => {
    const editor = await createTestUser('EDITOR');
    const { token } = await createApiToken(editor.actor, 'openapi test');
    const headers = { authorization: `Bearer ${token}` };
    const text = 'More than 5,000 people were evacuated from Sumy on Tuesday, Tymoshenko told local media.';
    const extracted = await expectShape(
      await extract(new Request('http://test/api/v1/extract', { method: 'POST', body: JSON.stringify({ text, publishedAt: '2022-03-09' }), headers: { ...headers, 'content-type': 'application/json' } })),
      extractResultSchema,
    );
    expect(extracted.candidates.length).toBeGreaterThan(0);
    const csv = 'name,type,code\nTestville,CITY,\nPOL,COUNTRY,\n';
    const report = await expectShape(
      await importPlaces(new Request('http://test/api/v1/places/import?fileName=places.csv', { method: 'POST', body: csv, headers: { ...headers, 'content-type': 'text/csv' } })),
      recordImportReportSchema,
    );
    expect(report).toMatchObject({ dryRun: true, rows: 2 });
  });
});
