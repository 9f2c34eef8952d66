// GET /api/health/live: liveness. 200 while the process serves HTTP; touches no database.
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async () => json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } }));
