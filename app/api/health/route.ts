import { getHealth } from '@/lib/db/health';
import { json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await getHealth();
  return json(health, { status: health.db === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
