import { ReviewQueue } from '@/components/admin/ReviewQueue';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { getConfig } from '@/lib/config';
import { listReviewQueue } from '@/lib/figures/adminFigures';
import { toReviewItems } from '@/lib/figures/reviewQueue';
import { publishDraftsAction } from '../figures/actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Review queue — Corridor admin' };

export default async function ReviewPage() {
  const actor = await requirePageActor('viewDrafts', '/admin/review');
  const { rows, total } = await listReviewQueue();
  const requireReview = getConfig().REQUIRE_REVIEW;
  return (
    <section>
      <h1>Review queue</h1>
      <p className="muted">
        Check each draft’s value against its quote and source, then publish it.{requireReview ? ' Four-eyes review is on: drafts you changed last are for someone else to publish.' : ''}
      </p>
      <ReviewQueue drafts={toReviewItems(rows, actor, requireReview)} total={total} publish={publishDraftsAction} />
    </section>
  );
}
