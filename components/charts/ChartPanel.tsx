// One metric's section: heading, a text description and a data table for
// screen readers and keyboard users, the chart, or an empty state that says
// what is missing.
import type { ChartPoint } from '@/lib/figures/chartData';
import { describeSeries, figureHref } from '@/lib/figures/chartData';
import type { Series } from '@/lib/figures/getSeries';
import { LazySeriesChart } from './LazySeriesChart';
import type { ChartEventMark } from './chartMarks';

interface Props {
  series: Series;
  points: ChartPoint[];
  events: ChartEventMark[];
  domain: [number, number];
  emptyMessage: string;
  /** Buttons under the heading, e.g. "Cite this view". */
  actions?: React.ReactNode;
  /** A snapshot's or vintage view's instant: the chart's claims and links read that state. */
  vintage?: string;
}

export function ChartPanel({ series, points, events, domain, emptyMessage, actions, vintage }: Props) {
  const headingId = `chart-${series.metric}`;
  const descriptionId = `chart-${series.metric}-description`;
  return (
    <section className="chart-panel" aria-labelledby={headingId} aria-describedby={descriptionId}>
      <h2 id={headingId}>
        {series.label} <span className="muted">({series.kind === 'STOCK' ? 'running total' : `per ${series.interval}`}, {series.unit})</span>
      </h2>
      {actions && <div className="page-actions">{actions}</div>}
      {points.length === 0 ? (
        <p className="empty-state" id={descriptionId}>{emptyMessage}</p>
      ) : (
        <>
          <p id={descriptionId} className="chart-description">{describeSeries(series.label, series.unit, series.kind, points)}</p>
          <LazySeriesChart id={series.metric} title={series.label} kind={series.kind} unit={series.unit} interval={series.interval} points={points} events={events} domain={domain} vintage={vintage} units={`${series.kind === 'STOCK' ? 'running total' : `per ${series.interval}`}, ${series.unit}`} />
          <details className="chart-table">
            <summary>Data table for {series.label.toLowerCase()}</summary>
            <table>
              <caption className="visually-hidden">{series.label}: headline value per {series.interval} with the claims behind it</caption>
              <thead>
                <tr><th scope="col">Date</th><th scope="col">Headline value</th><th scope="col">Exact</th><th scope="col">Claims</th><th scope="col">Headline figure</th></tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.date}>
                    <td>{p.date}</td>
                    <td>{p.label}</td>
                    <td className="num">{p.exact}</td>
                    <td className="num">{p.claims}</td>
                    <td><a href={figureHref(p.figureIds[0], vintage)}>{p.claimList[0]?.sourceTitle ?? `Figure ${p.figureIds[0]}`}</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
