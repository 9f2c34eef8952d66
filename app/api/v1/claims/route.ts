// GET /api/v1/claims?ids=…: the published claims behind a chart point, with
// their citations; the overview's tooltips load them on demand.
import { listPointClaims, parseClaimIds } from '@/lib/figures/pointClaims';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const ids = parseClaimIds(new URL(request.url).searchParams);
  return json({ claims: await listPointClaims(ids) });
});
