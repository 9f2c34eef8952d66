// GET /api/v1/figures: filtered figures with their citations, keyset-paged.
import { getActor } from '@/lib/auth/session';
import { getMetricByKey } from '@/lib/figures/getSeries';
import { listFigures, parsePageQuery } from '@/lib/figures/listFigures';
import { readFigureFilters } from '@/lib/figures/readFigureFilters';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const page = parsePageQuery(params);
  const filters = await readFigureFilters(params, () => getActor(request));
  for (const key of filters.metric ?? []) await getMetricByKey(key);
  return json(await listFigures(filters, page));
});
