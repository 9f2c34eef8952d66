// One metric's section: heading, a text description, the chart and a data table
// for screen readers and keyboard users, or an empty state that says what is
// missing.
import { describeSeries, toChartPoints } from '@/lib/figures/chartData';
import type { Series } from '@/lib/figures/getSeries';
import { LazySeriesChart } from './LazySeriesChart';
import type { ChartEventMark } from './chartMarks';

interface Props {
  series: Series;
  events: ChartEventMark[];
  domain: [number, number];
  emptyMessage: string;
  /** Buttons under the heading, e.g. "Cite this view". */
  actions?: React.ReactNode;
  /** A snapshot's or vintage view's instant: the chart's claims and links read that state. */
  vintage?: string;
  /**
   * Puts the data table's rows in the served HTML (still folded), for a page that is
   * cited and archived: readers without JavaScript, archivers and search engines get
   * the numbers. Elsewhere the table is built when opened.
   */
  tableInPage?: boolean;
}

export function ChartPanel({ series, events, domain, emptyMessage, actions, vintage, tableInPage }: Props) {
  const headingId = `chart-${series.metric}`;
  const descriptionId = `chart-${series.metric}-description`;
  return (
    <section className="chart-panel" aria-labelledby={headingId} aria-describedby={descriptionId}>
      <h2 id={headingId}>
        {series.label} <span className="muted">({series.kind === 'STOCK' ? 'running total' : `per ${series.interval}`}, {series.unit})</span>
      </h2>
      {actions && <div className="page-actions">{actions}</div>}
      {series.points.length === 0 ? (
        <p className="empty-state" id={descriptionId}>{emptyMessage}</p>
      ) : (
        <>
          <p id={descriptionId} className="chart-description">{describeSeries(series.label, series.unit, series.kind, toChartPoints(series))}</p>
          <LazySeriesChart id={series.metric} title={series.label} kind={series.kind} unit={series.unit} interval={series.interval} points={series.points} events={events} domain={domain} vintage={vintage} units={`${series.kind === 'STOCK' ? 'running total' : `per ${series.interval}`}, ${series.unit}`} withTable={tableInPage ? 'in-page' : 'on-open'} />
        </>
      )}
    </section>
  );
}
