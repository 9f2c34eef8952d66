// /embed/<metric>?<filters>: a live chart alone, for an iframe. It follows
// corrections, so it says "Live"; cite a snapshot (/embed/s/<id>) for a fixed one.
import { notFound } from 'next/navigation';
import { EmbedChart } from '@/components/snapshots/EmbedChart';
import { FilterError } from '@/components/filters/FilterError';
import { toTime } from '@/lib/figures/chartData';
import { filtersToSearchParams } from '@/lib/figures/filters';
import { formatInstant } from '@/lib/figures/formatDay';
import { getDashboard } from '@/lib/figures/getDashboard';
import { parseIntervalParam } from '@/lib/figures/parseSeriesParams';
import { readFigureFilters } from '@/lib/figures/readFigureFilters';
import { AppError } from '@/lib/http/AppError';
import { toSearchParams } from '@/lib/http/searchParams';

export const dynamic = 'force-dynamic';

export default async function LiveEmbedPage({ params, searchParams }: { params: Promise<{ chart: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { chart } = await params;
  const query = toSearchParams(await searchParams);
  let filters, interval;
  try {
    interval = parseIntervalParam(query);
    // Anonymous: an embed sends no cookie, so drafts are never asked for.
    filters = await readFigureFilters(query, async () => null);
  } catch (err) {
    if (err instanceof AppError) return <FilterError message={err.message} href={`/embed/${chart}`} />;
    throw err;
  }
  const dash = await getDashboard(filters, interval);
  const series = dash.series.find((s) => s.metric === chart);
  if (!series) notFound();
  const open = filtersToSearchParams({ ...filters, metric: [chart] });
  return (
    <EmbedChart
      series={series}
      events={dash.events.map((e) => ({ time: toTime(e.date), title: e.title }))}
      domain={[toTime(dash.from), toTime(dash.to)]}
      sourceLine={filters.vintage ? `Corridor: data as published on ${formatInstant(filters.vintage)}.` : `Corridor, live data${dash.lastUpdated ? ` (last updated ${dash.lastUpdated.replace('T', ' ').replace('Z', ' UTC')})` : ''}; values change as editors correct them.`}
      live={!filters.vintage}
      openHref={`/?${open}`}
      vintage={filters.vintage}
    />
  );
}
