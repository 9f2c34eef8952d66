// GET /api/v1/series: one metric as a time series of headline values.
import { parseFigureFilters } from '@/lib/figures/filters';
import { getSeriesJson } from '@/lib/figures/getSeriesJson';
import { parseSeriesParams } from '@/lib/figures/parseSeriesParams';
import { handle } from '@/lib/http/respond';
import { assertPlacesExist } from '@/lib/places/assertPlacesExist';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const { metric, interval, includeClaims } = parseSeriesParams(params);
  const filters = parseFigureFilters(params);
  await assertPlacesExist(filters);
  // Already JSON (written by PostgreSQL on the fast path): sent as is, not parsed again.
  const body = await getSeriesJson({ metric, filters, interval, includeClaims });
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
});
