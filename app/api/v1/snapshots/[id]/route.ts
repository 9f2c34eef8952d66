// GET /api/v1/snapshots/<id>: a snapshot and its frozen data. The data never
// changes, so it may be cached forever.
import { handle } from '@/lib/http/respond';
import { getSnapshotData } from '@/lib/snapshots/snapshotData';

export const dynamic = 'force-dynamic';

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const body = await getSnapshotData((await params).id);
  return new Response(body, {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' },
  });
});
