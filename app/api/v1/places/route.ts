// GET /api/v1/places?q=…[&limit=…]: places whose name contains q or whose code is q,
// for the filter pickers' suggestions.
import { parsePlaceSearchQuery, searchPlaces } from '@/lib/places/searchPlaces';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const query = parsePlaceSearchQuery(new URL(request.url).searchParams);
  return json({ places: await searchPlaces(query) });
});
