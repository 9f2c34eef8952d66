// GET /api/v1/datapackage.json: a Frictionless Data Package for figures.csv and sources.csv.
import { buildDataPackage } from '@/lib/exchange/datapackage';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const url = new URL(request.url);
  return json(buildDataPackage(url.origin), { headers: { 'cache-control': 'no-store' } });
});
