'use client';
// Loads the Recharts chart after the page has rendered, so Recharts (the bulk of
// the overview's client JavaScript) is not part of the first load. It takes the
// series' points as the API gives them and derives what the chart draws here, in
// the browser: the page then carries each point once, compactly, instead of every
// derived field (labels, bands, markers) twice over in the HTML and React's payload.
import dynamic from 'next/dynamic';
import { useMemo } from 'react';
import { toChartPoints } from '@/lib/figures/chartData';
import type { SeriesPoint } from '@/lib/figures/getSeries';
import { ChartDataTable } from './ChartDataTable';
import type { SeriesChartProps } from './SeriesChart';

const SeriesChart = dynamic(() => import('./SeriesChart').then((m) => m.SeriesChart), {
  ssr: false,
  loading: () => <div className="chart-box chart-loading" aria-hidden="true" />,
});

type Props = Omit<SeriesChartProps, 'points'> & {
  points: SeriesPoint[];
  /** Adds the data table under the chart, rendered when it is opened. */
  withTable?: boolean;
};

export function LazySeriesChart({ points, withTable, ...props }: Props) {
  const chartPoints = useMemo(() => toChartPoints({ unit: props.unit, points }), [props.unit, points]);
  return (
    <>
      <SeriesChart {...props} points={chartPoints} />
      {withTable && <ChartDataTable label={props.title} interval={props.interval} points={chartPoints} vintage={props.vintage} />}
    </>
  );
}
