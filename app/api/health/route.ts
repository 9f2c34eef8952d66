// GET /api/health: 200 when the database answers, 503 when it does not.
import { getHealth } from '@/lib/db/health';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async () => {
  const health = await getHealth();
  return json(health, { status: health.db === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
});
