// GET /api/v1/sources?q=…[&limit=…]: sources whose title, publisher or URL hold every
// word of q (and published on its day, if it names one), for the source picker.
import { parseSourceSearchQuery, searchSources } from '@/lib/sources/searchSources';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const query = parseSourceSearchQuery(new URL(request.url).searchParams);
  return json({ sources: await searchSources(query) });
});
