'use client';
// Loads the Recharts chart after the page has rendered, so Recharts (the bulk of
// the overview's client JavaScript) is not part of the first load, and draws a
// chart only when it comes near the viewport: on a phone the overview's charts
// lie below the filters, and drawing five of them at once blocked the main thread
// for seconds (Lighthouse's total blocking time, docs/performance.md). It takes the
// series' points as the API gives them and derives what the chart draws here, in
// the browser: the page then carries each point once, compactly, instead of every
// derived field (labels, bands, markers) twice over in the HTML and React's payload.
import dynamic from 'next/dynamic';
import { useEffect, useMemo, useRef, useState } from 'react';
import { toChartPoints } from '@/lib/figures/chartData';
import type { SeriesPoint } from '@/lib/figures/getSeries';
import { ChartDataTable } from './ChartDataTable';
import type { SeriesChartProps } from './SeriesChart';

const SeriesChart = dynamic(() => import('./SeriesChart').then((m) => m.SeriesChart), {
  ssr: false,
  loading: () => <div className="chart-box chart-loading" aria-hidden="true" />,
});

/** How far outside the viewport a chart starts drawing, so it is ready as it scrolls in. */
const DRAW_MARGIN = '400px 0px';

type Props = Omit<SeriesChartProps, 'points'> & {
  points: SeriesPoint[];
  /** Adds the data table under the chart: built when opened, or already in the page's HTML. */
  withTable?: 'on-open' | 'in-page';
};

export function LazySeriesChart({ points, withTable, ...props }: Props) {
  const chartPoints = useMemo(() => toChartPoints({ unit: props.unit, points }), [props.unit, points]);
  const placeholder = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = placeholder.current;
    if (near || !el) return;
    if (typeof IntersectionObserver === 'undefined') return setNear(true);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: DRAW_MARGIN });
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  return (
    <>
      {near ? (
        <SeriesChart {...props} points={chartPoints} />
      ) : (
        <div ref={placeholder} data-chart-placeholder={props.id} className={props.small ? 'chart-box chart-box-small chart-loading' : 'chart-box chart-loading'} aria-hidden="true" />
      )}
      {withTable && <ChartDataTable label={props.title} interval={props.interval} points={chartPoints} vintage={props.vintage} inPage={withTable === 'in-page'} />}
    </>
  );
}
