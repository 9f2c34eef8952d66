// A figure's page: the claim as stated, its full citation, the other claims
// for the same metric, place and day, and its revision history.
import { notFound } from 'next/navigation';
import { ClaimCitation } from '@/components/figures/ClaimCitation';
import { RevisionTimeline } from '@/components/figures/RevisionTimeline';
import { formatDay } from '@/lib/figures/formatDay';
import { getFigure } from '@/lib/figures/getFigure';
import { formatExact, formatStatedValue } from '@/lib/figures/formatValue';
import { AppError } from '@/lib/http/AppError';

export const dynamic = 'force-dynamic';

async function load(rawId: string) {
  if (!/^\d{1,9}$/.test(rawId)) notFound();
  try {
    return await getFigure(Number(rawId));
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
}

export default async function FigurePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { figure, sameDay, revisions } = await load(id);
  const stated = figure.valueAsStated ?? formatStatedValue(figure, figure.unit);
  const others = sameDay.filter((c) => c.id !== figure.id);
  const isHeadline = sameDay[0]?.id === figure.id;
  return (
    <article>
      <p><a href={`/?metric=${figure.metric}`}>← Overview</a></p>
      <h1>
        {figure.metricLabel}: “{stated}”
      </h1>
      <p className="card-value">
        {formatStatedValue(figure, figure.unit)} <span className="muted">({formatExact(figure.low)}{figure.low !== figure.high ? `–${formatExact(figure.high)}` : ''})</span>
      </p>
      <p>
        As of {formatDay(figure.asOf)}
        {figure.periodStart && figure.periodEnd && figure.periodStart !== figure.periodEnd && <> (period {formatDay(figure.periodStart)} – {formatDay(figure.periodEnd)})</>}
        {figure.origin && <> · from {figure.origin.name}</>}
        {figure.destination && <> · to {figure.destination.name}</>}
        {' · '}
        {isHeadline ? 'This is the headline value for its day.' : 'Another claim is the headline for this day (see below).'}
      </p>
      <h2>Citation</h2>
      <ClaimCitation claim={figure} full />
      {figure.notes && <p><strong>Notes:</strong> {figure.notes}</p>}
      <h2>Other claims for the same metric, place and day</h2>
      {others.length === 0 ? (
        <p className="muted">No other published claims for {figure.metricLabel.toLowerCase()} on {formatDay(figure.asOf)}.</p>
      ) : (
        <ul>
          {others.map((c) => (
            <li key={c.id}>
              <a href={`/figures/${c.id}`}>“{c.valueAsStated ?? formatStatedValue(c, figure.unit)}”</a>
              {c.id === sameDay[0].id && ' (headline)'} — <ClaimCitation claim={c} />
            </li>
          ))}
        </ul>
      )}
      <h2>History</h2>
      <RevisionTimeline revisions={revisions} />
    </article>
  );
}
