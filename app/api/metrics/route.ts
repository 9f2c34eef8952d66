// GET /api/metrics: Prometheus metrics (lib/http/metrics.ts) for a scraper that
// sends `Authorization: Bearer $METRICS_TOKEN`. 404 when METRICS_TOKEN is unset.
import { assertMetricsToken, renderMetrics } from '@/lib/http/metrics';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  assertMetricsToken(request.headers.get('authorization'));
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
});
