// A figure's page: the claim as stated, its full citation, the other claims
// for the same metric, place and day, and its revision history.
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ClaimCitation } from '@/components/figures/ClaimCitation';
import { RevisionTimeline } from '@/components/figures/RevisionTimeline';
import { figureHref } from '@/lib/figures/chartData';
import { formatDay } from '@/lib/figures/formatDay';
import { getFigure } from '@/lib/figures/getFigure';
import { formatExact, formatStatedValue } from '@/lib/figures/formatValue';
import { AppError } from '@/lib/http/AppError';
import { orNotFound } from '@/lib/http/orNotFound';
import { FilterError } from '@/components/filters/FilterError';
import { VintageBanner } from '@/components/figures/VintageBanner';
import { getActor } from '@/lib/auth/session';
import { readFigureFilters } from '@/lib/figures/readFigureFilters';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Cached per request: the title (generateMetadata) and the page read the figure once.
const load = cache(async (rawId: string, vintage: string | undefined) => {
  if (!/^\d{1,9}$/.test(rawId)) notFound();
  return orNotFound(getFigure(Number(rawId), { vintage }));
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { figure } = await load((await params).id, undefined);
  const stated = figure.valueAsStated ?? formatStatedValue(figure, figure.unit);
  return {
    title: `${figure.metricLabel}: “${stated}” (${formatDay(figure.asOf)}) — Corridor`,
    description: `${figure.metricLabel} as of ${formatDay(figure.asOf)}: “${stated}”, cited to ${figure.source.title}${figure.source.publisher ? ` (${figure.source.publisher})` : ''}.`,
  };
}

export default async function FigurePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  let vintage: string | undefined;
  try {
    // Only the vintage matters here; it is read like every other page's filters.
    vintage = (await readFigureFilters(await searchParams, () => getActor())).vintage;
  } catch (err) {
    if (err instanceof AppError) return <FilterError message={err.message} href={`/figures/${id}`} />;
    throw err;
  }
  const { figure, sameDay, revisions } = await load(id, vintage);
  const stated = figure.valueAsStated ?? formatStatedValue(figure, figure.unit);
  const others = sameDay.filter((c) => c.id !== figure.id);
  const isHeadline = sameDay[0]?.id === figure.id;
  return (
    <article>
      {vintage && <VintageBanner vintage={vintage} currentHref={`/figures/${figure.id}`} />}
      <p><a href={`/?metric=${figure.metric}${vintage ? `&vintage=${encodeURIComponent(vintage)}` : ''}`}>← Overview</a></p>
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
              <a href={figureHref(c.id, vintage)}>“{c.valueAsStated ?? formatStatedValue(c, figure.unit)}”</a>
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
