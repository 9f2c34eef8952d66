// GET /api/v1/datapackage.json: a Frictionless Data Package for figures.csv, sources.csv, places.csv and events.csv.
import { instanceDataPackage } from '@/lib/exchange/datapackage';
import { publicOrigin } from '@/lib/http/publicOrigin';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  // Caching headers (public with an ETag, or private) come from proxy.ts.
  return json(await instanceDataPackage(publicOrigin(request.headers)));
});
