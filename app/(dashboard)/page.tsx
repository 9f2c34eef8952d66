// The overview: headline cards and a chart per metric for the filters in the URL.
import { ChartPanel } from '@/components/charts/ChartPanel';
import { ExportCsvLink } from '@/components/figures/ExportCsvLink';
import { FilterError } from '@/components/filters/FilterError';
import { FilterBar } from '@/components/filters/FilterBar';
import { HeadlineCards } from '@/components/figures/HeadlineCards';
import { VintageBanner } from '@/components/figures/VintageBanner';
import { CiteViewForm } from '@/components/snapshots/CiteViewForm';
import { EmbedCode } from '@/components/snapshots/EmbedCode';
import { headers } from 'next/headers';
import { publicOrigin } from '@/lib/http/publicOrigin';
import { filtersToSearchParams } from '@/lib/figures/filters';
import { emptySeriesMessage, toTime } from '@/lib/figures/chartData';
import { getActor } from '@/lib/auth/session';
import { formatDay } from '@/lib/figures/formatDay';
import { getDashboard } from '@/lib/figures/getDashboard';
import { parseBreakdownParams, parseIntervalParam } from '@/lib/figures/parseSeriesParams';
import { getSeriesBreakdown } from '@/lib/figures/getSeriesBreakdown';
import { BreakdownPanel } from '@/components/charts/BreakdownPanel';
import { readFigureFilters } from '@/lib/figures/readFigureFilters';
import { AppError } from '@/lib/http/AppError';
import { listMetricOptions } from '@/lib/metrics/listMetricOptions';
import { listPlacesByRef } from '@/lib/places/listPlacesByRef';
import { findPlaceByRef } from '@/lib/places/placeRef';
import { listPublishers } from '@/lib/sources/listPublishers';

export const dynamic = 'force-dynamic';

export const metadata = {
  title: 'Overview — Corridor: refugee and evacuation figures over time',
  description: 'Charts of refugees, evacuees, evacuation buses and civilian deaths since February 2022, each point tied to the report that states it. Filter, break down by place and download.',
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  let filters, interval, breakdown;
  try {
    interval = parseIntervalParam(params);
    breakdown = parseBreakdownParams(params);
    filters = await readFigureFilters(params, () => getActor());
  } catch (err) {
    if (err instanceof AppError) return <FilterError message={err.message} href="/" />;
    throw err;
  }
  const origin = publicOrigin(await headers());
  const [dash, places, publishers, metrics] = await Promise.all([getDashboard(filters, interval), listPlacesByRef([filters.place, filters.origin, filters.destination, ...(breakdown?.places ?? [])]), listPublishers(), listMetricOptions()]);
  // A breakdown draws each chosen metric per place, over the range the overview chose.
  let breakdowns = null;
  try {
    breakdowns = breakdown
      ? await Promise.all(dash.series.map((s) => getSeriesBreakdown({ metric: s.metric, filters: { ...filters, from: dash.from, to: dash.to }, interval: dash.interval, breakdown })))
      : null;
  } catch (err) {
    if (err instanceof AppError) return <FilterError message={err.message} href="/" />;
    throw err;
  }
  const placeRef = filters.place ?? filters.origin ?? filters.destination;
  const placeName = findPlaceByRef(places, placeRef)?.name ?? null;
  const domain: [number, number] = [toTime(dash.from), toTime(dash.to)];
  const events = dash.events.map((e) => ({ time: toTime(e.date), title: e.title }));
  return (
    <>
      <div className="page-head">
        <h1>Refugees and evacuations</h1>
        <p className="muted">
          {formatDay(dash.from)} – {formatDay(dash.to)}
          {dash.lastUpdated && <> · Last updated <time dateTime={dash.lastUpdated}>{dash.lastUpdated.replace('T', ' ').replace('Z', ' UTC')}</time></>}
        </p>
      </div>
      {filters.vintage && <VintageBanner vintage={filters.vintage} currentHref={`/?${filtersToSearchParams({ ...filters, vintage: undefined })}`} />}
      <FilterBar action="/" filters={{ ...filters, from: dash.from, to: dash.to }} places={places} metrics={metrics} publishers={publishers} interval={interval ?? ''} breakdown={{ by: breakdown?.by, places: breakdown?.places }} keep={filters.vintage ? { vintage: filters.vintage } : undefined} />
      <p className="page-actions"><ExportCsvLink filters={filters} /> <a href={`/figures?${filtersToSearchParams(filters)}`}>Table of these figures</a></p>
      <HeadlineCards series={dash.series} from={dash.from} to={dash.to} vintage={filters.vintage} />
      {breakdowns?.map((b) => <BreakdownPanel key={b.metric} breakdown={b} domain={domain} vintage={filters.vintage} />)}
      {!breakdowns && dash.series.map((s) => (
        <ChartPanel
          key={s.metric}
          series={s}
          events={events}
          domain={domain}
          vintage={filters.vintage}
          emptyMessage={emptySeriesMessage(s.label, placeName, formatDay(dash.from), formatDay(dash.to))}
          actions={<>
            <CiteViewForm view="chart" label={`Cite this view: ${s.label}`} query={`${filtersToSearchParams({ ...filters, metric: [s.metric], from: dash.from, to: dash.to })}&interval=${dash.interval}`} />
            <EmbedCode
              src={`${origin}/embed/${s.metric}?${filtersToSearchParams({ ...filters, metric: undefined })}${interval ? `&interval=${interval}` : ''}`}
              title={s.label}
              note={filters.vintage ? 'This chart as published then; it does not change.' : 'A live chart, marked "Live": it follows corrections. For one that never changes, use "Cite this view", then its embed code.'}
            />
          </>}
        />
      ))}
      {dash.events.length > 0 && (
        <section aria-labelledby="events-heading" className="chart-panel">
          <h2 id="events-heading">Events in this period</h2>
          <p className="muted">Numbered as on the charts.</p>
          <ol>
            {dash.events.map((e) => (
              <li key={e.id}><strong>{formatDay(e.date)}</strong>: {e.title}{e.description ? ` — ${e.description}` : ''}</li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
