// GET /api/v1/series: one metric as a time series of headline values.
import { getActor } from '@/lib/auth/session';
import { getSeriesJson } from '@/lib/figures/getSeriesJson';
import { parseSeriesParams } from '@/lib/figures/parseSeriesParams';
import { readFigureFilters } from '@/lib/figures/readFigureFilters';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const { metric, interval, includeClaims } = parseSeriesParams(params);
  const filters = await readFigureFilters(params, () => getActor(request));
  // Already JSON (written by PostgreSQL on the fast path): sent as is, not parsed again.
  const body = await getSeriesJson({ metric, filters, interval, includeClaims });
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
});
