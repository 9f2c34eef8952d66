'use client';
// The words behind one chart point: its value as stated, how many claims it has,
// and the first few claims with their sources. Used by the hover tooltip and by
// the panel a tap pins under the chart.
import type { ChartPoint } from '@/lib/figures/chartData';

export function PointClaims({ point, unit, hint }: { point: ChartPoint; unit: string; hint: string }) {
  return (
    <>
      <p><strong>{point.date}</strong>: {point.label} {unit} <span className="muted">({point.exact})</span></p>
      <p className="muted">{point.claims === 1 ? '1 claim' : `${point.claims} claims`}; {hint}</p>
      <ul>
        {point.claimList.map((c) => (
          <li key={c.id}>
            <strong>{c.headline ? 'Headline: ' : ''}“{c.stated}”</strong> — {c.sourceTitle}
            {c.publisher ? `, ${c.publisher}` : ''}
            {c.date ? `, ${c.date}` : ''}
            {c.quote && <q>{c.quote}</q>}
          </li>
        ))}
      </ul>
      {point.claims > point.claimList.length && <p className="muted">and {point.claims - point.claimList.length} more on the figure page</p>}
    </>
  );
}
