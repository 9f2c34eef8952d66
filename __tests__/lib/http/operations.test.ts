// Operations endpoints: liveness, readiness (503 while draining), /api/health's
// unchanged answer, and /api/metrics behind its token. Real database, no mocks.
import { GET as health } from '@/app/api/health/route';
import { GET as live } from '@/app/api/health/live/route';
import { GET as ready } from '@/app/api/health/ready/route';
import { GET as metrics } from '@/app/api/metrics/route';
import { beginDraining } from '@/lib/http/lifecycle';
import { observeRequest } from '@/lib/http/metrics';
import { routeLabeler } from '@/lib/http/routeLabel';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TOKEN = 'metrics-token-for-tests-0123456789';
const metricsRequest = (authorization?: string) =>
  new Request('http://corridor.test/api/metrics', { headers: authorization ? { authorization } : {} });

afterEach(() => {
  delete process.env.METRICS_TOKEN;
});

it('/api/health still answers exactly {"status":"ok","db":"ok"}', async () => {
  const response = await health();
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('{"status":"ok","db":"ok"}');
});

it('liveness answers without the database; readiness checks it', async () => {
  expect(await (await live()).json()).toEqual({ status: 'ok' });
  const response = await ready();
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ready', db: 'ok', replica: 'none' });
});

it('metrics are off without METRICS_TOKEN and refuse a wrong token', async () => {
  expect((await metrics(metricsRequest(`Bearer ${TOKEN}`))).status).toBe(404);
  process.env.METRICS_TOKEN = TOKEN;
  expect((await metrics(metricsRequest())).status).toBe(401);
  expect((await metrics(metricsRequest('Bearer not-the-token'))).status).toBe(401);
});

it('metrics report request durations by route and status, and the database pools', async () => {
  process.env.METRICS_TOKEN = TOKEN;
  await ready(); // opens the primary pool, which registers itself
  observeRequest({ method: 'GET', route: '/api/v1/series', status: 200 }, 0.012);
  const response = await metrics(metricsRequest(`Bearer ${TOKEN}`));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/corridor_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/series",status="200"\} 1/);
  expect(text).toMatch(/corridor_db_pool_max_connections\{pool="sql_primary"\} \d+/);
});

it('labels paths with the route patterns of the build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-routes-'));
  writeFileSync(
    join(dir, 'routes-manifest.json'),
    JSON.stringify({ staticRoutes: [{ page: '/figures', regex: '^/figures(?:/)?$' }], dynamicRoutes: [{ page: '/figures/[id]', regex: '^/figures/([^/]+?)(?:/)?$' }] }),
  );
  const label = routeLabeler(dir);
  expect(label('/figures')).toBe('/figures');
  expect(label('/figures/123')).toBe('/figures/[id]');
  expect(label('/_next/static/chunks/a.js')).toBe('/_next/*');
  expect(label('/no/such/page')).toBe('other');
});

it('readiness turns 503 while the process drains', async () => {
  beginDraining();
  const response = await ready();
  expect(response.status).toBe(503);
  expect(await response.json()).toMatchObject({ status: 'not ready', reason: 'draining' });
});
