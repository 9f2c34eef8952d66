// POST /api/v1/snapshots: freeze a view (chart or table, with its filters) under a
// short permanent id, or reuse the snapshot that already holds the same data.
// JSON in and out for programs; a form post (the "Cite this view" button) is
// answered with a redirect to the snapshot page.
import { getActor } from '@/lib/auth/session';
import { assertSameOrigin } from '@/lib/auth/origin';
import { clientIp } from '@/lib/http/forwarded';
import { AppError } from '@/lib/http/AppError';
import { handle, json } from '@/lib/http/respond';
import { createSnapshot } from '@/lib/snapshots/snapshots';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  const actor = await getActor(request);
  // A session cookie is ambient: it must come from our own pages (CSRF).
  if (actor?.via === 'session') assertSameOrigin(request);
  const isForm = (request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
  let input: { view: string; query?: string };
  if (isForm) {
    const form = new URLSearchParams(await request.text());
    input = { view: form.get('view') ?? '', query: form.get('query') ?? '' };
  } else {
    const body = await request.json().catch(() => null);
    if (!body || typeof body !== 'object') throw new AppError('BAD_REQUEST', 'Send JSON such as {"view":"chart","query":"metric=refugees"}.', 'body');
    input = body as { view: string; query?: string };
  }
  const { snapshot, created } = await createSnapshot(input, { actor, ip: clientIp(request.headers) });
  if (isForm) return new Response(null, { status: 303, headers: { location: `/s/${snapshot.id}` } });
  return json({ ...snapshot, url: `/s/${snapshot.id}`, created }, { status: created ? 201 : 200 });
});
