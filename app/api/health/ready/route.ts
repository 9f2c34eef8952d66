// GET /api/health/ready: readiness. 200 when this process should get traffic,
// 503 while it shuts down or cannot reach the primary (lib/db/health.ts).
import { getReadiness } from '@/lib/db/health';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async () => {
  const readiness = await getReadiness();
  return json(readiness, { status: readiness.status === 'ready' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
});
