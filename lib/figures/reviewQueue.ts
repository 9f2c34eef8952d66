// The review queue: its drafts as the page shows them, and its form, where each selected
// draft travels as "id:version", the version the reviewer saw, so a draft changed since is
// refused rather than published unseen.
import { AppError } from '@/lib/http/AppError';
import { canPublishFigure, type Actor } from '@/lib/auth/permissions';
import { isRecordId, toDay } from '@/lib/vocabulary';
import type { ReviewQueueRow } from './adminFigures';
import { formatStatedValue } from './formatValue';
import type { PublishItem } from './mutations';

export function parsePublishItems(values: Array<FormDataEntryValue>): PublishItem[] {
  return values.map((value) => {
    const [id, version] = String(value).split(':');
    if (!isRecordId(id ?? '') || !isRecordId(version ?? '')) throw new AppError('BAD_REQUEST', 'The selection is not valid; reload the review queue and try again.', 'figure');
    return { id: Number(id), version: Number(version) };
  });
}

/** "figure=12:1" for one draft in the queue form. */
export const publishItemValue = (figure: { id: number; version: number }) => `${figure.id}:${figure.version}`;

/** One draft as the queue shows it: plain strings, ready for a client component. */
export interface ReviewItem {
  id: number;
  version: number;
  metric: string;
  valueAsStated: string | null;
  reading: string;
  day: string;
  places: string | null;
  quote: string | null;
  attribution: string | null;
  source: { id: number; title: string; publisher: string | null; publishedAt: string | null; url: string | null };
  createdAt: string;
  lastEditor: string | null;
  /** Why this reviewer cannot publish it, or null. */
  blocked: string | null;
}

const isoDay = (d: Date | null) => (d ? toDay(d) : null);

export function toReviewItems(rows: ReviewQueueRow[], actor: Actor, requireReview: boolean): ReviewItem[] {
  return rows.map((f) => ({
    id: f.id,
    version: f.version,
    metric: f.metric.label,
    valueAsStated: f.valueAsStated,
    reading: formatStatedValue({ qualifier: f.qualifier, low: f.low, high: f.high }, f.metric.unit),
    day: f.periodStart && f.periodEnd && f.periodStart.getTime() !== f.periodEnd.getTime() ? `${isoDay(f.periodStart)} to ${isoDay(f.periodEnd)}` : isoDay(f.asOf)!,
    places: [f.origin?.name, f.destination?.name].filter(Boolean).join(' → ') || null,
    quote: f.quote,
    attribution: f.attribution,
    source: { id: f.source.id, title: f.source.title, publisher: f.source.publisher?.name ?? null, publishedAt: isoDay(f.source.publishedAt), url: f.source.url },
    createdAt: f.createdAt.toISOString(),
    lastEditor: f.updatedBy?.name ?? null,
    blocked: !f.quote?.trim()
      ? 'Add the quote before publishing.'
      : !canPublishFigure(actor, f, requireReview)
        ? 'Review is required and you made the last change: someone else must publish it.'
        : null,
  }));
}
