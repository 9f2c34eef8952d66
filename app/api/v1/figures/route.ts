// GET /api/v1/figures: filtered figures with their citations, keyset-paged.
import { parseFigureFilters } from '@/lib/figures/filters';
import { getMetricByKey } from '@/lib/figures/getSeries';
import { listFigures, parsePageQuery } from '@/lib/figures/listFigures';
import { AppError } from '@/lib/http/AppError';
import { handle, json } from '@/lib/http/respond';
import { assertPlacesExist } from '@/lib/places/assertPlacesExist';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const filters = parseFigureFilters(params);
  const page = parsePageQuery(params);
  // Drafts and retractions are for editors; the public API serves published figures.
  if (filters.status.some((s) => s !== 'PUBLISHED')) {
    throw new AppError('FORBIDDEN', 'Only editors and admins can list draft or retracted figures; leave status out for published figures.', 'status');
  }
  if (filters.metric) await getMetricByKey(filters.metric);
  await assertPlacesExist(filters);
  return json(await listFigures(filters, page));
});
