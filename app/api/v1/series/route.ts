// GET /api/v1/series: one metric as a time series of headline values.
import { parseFigureFilters } from '@/lib/figures/filters';
import { getSeries } from '@/lib/figures/getSeries';
import { parseSeriesParams } from '@/lib/figures/parseSeriesParams';
import { handle, json } from '@/lib/http/respond';
import { assertPlacesExist } from '@/lib/places/assertPlacesExist';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const { metric, interval, includeClaims } = parseSeriesParams(params);
  const filters = parseFigureFilters(params);
  await assertPlacesExist(filters);
  const series = await getSeries({ metric, filters, interval, includeClaims });
  const { label: _label, ...body } = series;
  return json(body);
});
