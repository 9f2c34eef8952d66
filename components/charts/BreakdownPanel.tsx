// One metric broken down by place: small multiples on a shared value axis, one
// legend for them all, and a sentence per place for screen readers. A place
// without figures in range says so instead of drawing an empty frame.
import { describeSeries, toChartPoints } from '@/lib/figures/chartData';
import type { SeriesBreakdown } from '@/lib/figures/getSeriesBreakdown';
import { ChartLegend, legendItems } from './chartMarks';
import { LazySeriesChart } from './LazySeriesChart';

interface Props {
  breakdown: SeriesBreakdown;
  domain: [number, number];
  /** A vintage view's instant: the tooltips read the claims as they stood then. */
  vintage?: string;
}

export function BreakdownPanel({ breakdown, domain, vintage }: Props) {
  const { metric, label, unit, kind, interval, by, groups } = breakdown;
  const headingId = `breakdown-${metric}`;
  const charts = groups.map((g) => ({ ...g, chartPoints: toChartPoints({ unit, points: g.points }) }));
  const all = charts.flatMap((c) => c.chartPoints);
  const yMax = all.reduce((max, p) => Math.max(max, p.band ? p.band[1] : p.value, kind === 'FLOW' ? 0 : p.value), 0);
  return (
    <section className="chart-panel" aria-labelledby={headingId} data-testid={`breakdown-${metric}`}>
      <h2 id={headingId}>
        {label} by {by} <span className="muted">({kind === 'STOCK' ? 'running total' : `per ${interval}`}, {unit})</span>
      </h2>
      {groups.length === 0 ? (
        <p className="empty-state">No {label.toLowerCase()} figures in view name a {by}. Clear a filter or widen the dates.</p>
      ) : (
        <>
          <p className="chart-description">
            {groups.length} {groups.length === 1 ? 'place' : 'places'} on one value scale; each applies the headline rule within its own {by}.
          </p>
          <ChartLegend items={legendItems(kind, unit, all, [], false)} />
          <div className="small-multiples">
            {charts.map(({ place, points, chartPoints }) => (
              <figure key={place.id} className="small-multiple" data-place={place.code ?? place.id}>
                <figcaption><h3>{place.name}</h3></figcaption>
                {chartPoints.length === 0 ? (
                  <p className="empty-state">No figures in range.</p>
                ) : (
                  <>
                    <p className="visually-hidden">{describeSeries(`${label} in ${place.name}`, unit, kind, chartPoints)}</p>
                    <LazySeriesChart id={`${metric}-${place.code ?? place.id}`} title={`${label} in ${place.name}`} kind={kind} unit={unit} interval={interval} points={points} events={[]} domain={domain} small yMax={yMax || undefined} vintage={vintage} />
                  </>
                )}
              </figure>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
