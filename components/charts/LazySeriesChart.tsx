'use client';
// Loads the Recharts chart after the page has rendered, so Recharts (the bulk of
// the overview's client JavaScript) is not part of the first load. The text
// description and data table beside it are server-rendered and work without it.
import dynamic from 'next/dynamic';

export const LazySeriesChart = dynamic(() => import('./SeriesChart').then((m) => m.SeriesChart), {
  ssr: false,
  loading: () => <div className="chart-box chart-loading" aria-hidden="true" />,
});
