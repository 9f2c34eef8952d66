// GET /api/v1/series: one metric as a time series of headline values, or with
// by=destination|origin one series per place (places=… compares 2–6 places).
import { getActor } from '@/lib/auth/session';
import { getSeriesBreakdown } from '@/lib/figures/getSeriesBreakdown';
import { getSeriesJson } from '@/lib/figures/getSeriesJson';
import { parseSeriesParams } from '@/lib/figures/parseSeriesParams';
import { readFigureFilters } from '@/lib/figures/readFigureFilters';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const { metric, interval, includeClaims, breakdown } = parseSeriesParams(params);
  const filters = await readFigureFilters(params, () => getActor(request));
  if (breakdown) {
    const { label: _label, ...body } = await getSeriesBreakdown({ metric, filters, interval, includeClaims, breakdown });
    return json(body);
  }
  // Already JSON (written by PostgreSQL on the fast path): sent as is, not parsed again.
  const body = await getSeriesJson({ metric, filters, interval, includeClaims });
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
});
