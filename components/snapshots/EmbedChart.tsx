// One chart alone, for an iframe on another site: a title, the chart, a minimal
// legend, a source line and "Open in Corridor". Links open in a new tab.
import { LazySeriesChart } from '@/components/charts/LazySeriesChart';
import type { ChartEventMark } from '@/components/charts/SeriesChart';
import { describeSeries, toChartPoints } from '@/lib/figures/chartData';
import type { Series } from '@/lib/figures/getSeries';

interface Props {
  series: Series;
  events: ChartEventMark[];
  domain: [number, number];
  /** "Data as published on …" for a snapshot; "Live: …" for a live embed. */
  sourceLine: string;
  live: boolean;
  openHref: string;
  /** A snapshot's instant: the tooltips read the claims as they stood then. */
  vintage?: string;
}

export function EmbedChart({ series, events, domain, sourceLine, live, openHref, vintage }: Props) {
  return (
    <figure className="embed-chart" aria-labelledby="embed-title">
      <figcaption>
        <strong id="embed-title">{series.label}</strong> <span className="muted">({series.kind === 'STOCK' ? 'running total' : `per ${series.interval}`}, {series.unit})</span>
        {live && <span className="embed-live"> · Live</span>}
      </figcaption>
      {series.points.length === 0 ? (
        <p className="empty-state">No figures for this view.</p>
      ) : (
        <>
          <p className="visually-hidden">{describeSeries(series.label, series.unit, series.kind, toChartPoints(series))}</p>
          <LazySeriesChart id={series.metric} title={series.label} kind={series.kind} unit={series.unit} interval={series.interval} points={series.points} events={events} domain={domain} vintage={vintage} />
        </>
      )}
      <p className="embed-source muted">
        {sourceLine} Every point cites its source. <a href={openHref} target="_blank" rel="noopener">Open in Corridor</a>
      </p>
    </figure>
  );
}
