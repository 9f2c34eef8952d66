// GET /api/v1/claims?ids=…[&vintage=…]: the published claims behind a chart point,
// with their citations; the charts' tooltips load them on demand.
import { listPointClaims, parsePointClaimsQuery } from '@/lib/figures/pointClaims';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const query = parsePointClaimsQuery(new URL(request.url).searchParams);
  return json({ claims: await listPointClaims(query) });
});
