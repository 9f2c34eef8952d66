import { ReviewQueue } from '@/components/admin/ReviewQueue';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { getConfig } from '@/lib/config';
import { listReviewQueue } from '@/lib/figures/adminFigures';
import { toReviewItems } from '@/lib/figures/reviewQueue';
import { isRecordId } from '@/lib/vocabulary';
import { publishDraftsAction } from '../figures/actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Review queue — Corridor admin' };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<{ source?: string }> }) {
  const actor = await requirePageActor('viewDrafts', '/admin/review');
  const { source } = await searchParams;
  // ?source=<id> narrows the queue to one report's drafts (the extract page links here).
  const sourceId = source && isRecordId(source) ? Number(source) : undefined;
  const { rows, total } = await listReviewQueue({ sourceId });
  const requireReview = getConfig().REQUIRE_REVIEW;
  return (
    <section>
      <h1>Review queue</h1>
      {sourceId && <p>Drafts citing source {sourceId} only. <a href="/admin/review">All drafts</a></p>}
      <p className="muted">
        Check each draft’s value against its quote and source, then publish it.{requireReview ? ' Four-eyes review is on: drafts you changed last are for someone else to publish.' : ''}
      </p>
      <ReviewQueue drafts={toReviewItems(rows, actor, requireReview)} total={total} publish={publishDraftsAction} />
    </section>
  );
}
