// The figures table: the shared filters, a search, sortable columns and keyset
// pages. Every row carries its citation.
import { ClaimCitation } from '@/components/figures/ClaimCitation';
import { ExportCsvLink } from '@/components/figures/ExportCsvLink';
import { FilterBar } from '@/components/filters/FilterBar';
import { VintageBanner } from '@/components/figures/VintageBanner';
import { CiteViewForm } from '@/components/snapshots/CiteViewForm';
import { FilterError } from '@/components/filters/FilterError';
import { getActor } from '@/lib/auth/session';
import { figureHref } from '@/lib/figures/chartData';
import { filtersToSearchParams } from '@/lib/figures/filters';
import { listFigures, parsePageQuery, type FigureSort } from '@/lib/figures/listFigures';
import { formatExact, formatStatedValue } from '@/lib/figures/formatValue';
import { readFigureFilters } from '@/lib/figures/readFigureFilters';
import { AppError } from '@/lib/http/AppError';
import { toSearchParams } from '@/lib/http/searchParams';
import { PUBLIC_STATUS, QUALIFIER_LABELS, QUALIFIER_SYMBOLS, STATUS_LABELS } from '@/lib/vocabulary';
import { listMetricOptions } from '@/lib/metrics/listMetricOptions';
import { listPlacesByRef } from '@/lib/places/listPlacesByRef';
import { listPublishers } from '@/lib/sources/listPublishers';

export const dynamic = 'force-dynamic';

export const metadata = {
  title: 'Figures — Corridor',
  description: 'Every published figure as stated by its source, with qualifier, low and high values, place and citation. Filter, sort and export as CSV.',
};

type SortColumn = 'id' | 'asOf' | 'value' | 'updated';
const COLUMNS: Array<{ label: string; sort?: SortColumn; num?: boolean }> = [
  { label: 'As of', sort: 'asOf' }, { label: 'Metric' }, { label: 'Value as stated' }, { label: 'Qualifier' },
  { label: 'Low', sort: 'value', num: true }, { label: 'High', num: true }, { label: 'Place' }, { label: 'Citation' },
  { label: 'Updated', sort: 'updated' }, { label: 'Id', sort: 'id', num: true },
];

export default async function FiguresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = toSearchParams(await searchParams);
  let filters, page;
  try {
    page = parsePageQuery(params);
    filters = await readFigureFilters(params, () => getActor());
  } catch (err) {
    if (err instanceof AppError) return <FilterError message={err.message} href="/figures" />;
    throw err;
  }
  const [{ figures, nextCursor }, places, publishers, metrics] = await Promise.all([listFigures(filters, page), listPlacesByRef([filters.place, filters.origin, filters.destination]), listPublishers(), listMetricOptions()]);
  const metricLabel = new Map(metrics.map((m) => [m.key, m.label]));
  const base = filtersToSearchParams(filters);
  if (page.limit !== 50) base.set('limit', String(page.limit));
  const sortHref = (column: string) => {
    const next = new URLSearchParams(base);
    next.set('sort', page.sort === `-${column}` ? column : `-${column}`);
    return `/figures?${next}`;
  };
  const nextHref = () => {
    const next = new URLSearchParams(base);
    next.set('sort', page.sort);
    next.set('cursor', nextCursor!);
    return `/figures?${next}`;
  };
  const statusWords = filters.status.length === 1 && filters.status[0] === PUBLIC_STATUS ? 'published figures' : `${filters.status.map((s) => STATUS_LABELS[s].toLowerCase()).join(', ')} figures`;
  const ariaSort = (column: string) => (page.sort === column ? 'ascending' : page.sort === `-${column}` ? 'descending' : undefined);
  return (
    <>
      <h1>Figures</h1>
      {filters.vintage && <VintageBanner vintage={filters.vintage} currentHref={`/figures?${filtersToSearchParams({ ...filters, vintage: undefined })}`} />}
      <FilterBar action="/figures" filters={filters} places={places} metrics={metrics} publishers={publishers} showSearch keep={{ sort: page.sort as FigureSort, ...(filters.vintage ? { vintage: filters.vintage } : {}) }} />
      {/* A div: a <form> inside a <p> is split out of it by the HTML parser, and React's hydration then fails. */}
      <div className="page-actions"><ExportCsvLink filters={filters} sort={page.sort} /> <CiteViewForm view="table" query={filtersToSearchParams(filters).toString()} /></div>
      {figures.length === 0 ? (
        <p className="empty-state">No {statusWords} match{filters.q ? ` “${filters.q}”` : ''} with these filters. Clear a filter or widen the dates.</p>
      ) : (
        <div className="table-wrap figure-table-wrap">
          <table className="figure-table">
            <caption className="visually-hidden">{statusWords[0].toUpperCase() + statusWords.slice(1)} with their citations{page.cursor ? ' (continued)' : ''}</caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.label} scope="col" className={c.num ? 'num' : undefined} aria-sort={c.sort ? ariaSort(c.sort) : undefined}>
                    {c.sort ? <a href={sortHref(c.sort)}>{c.label}{page.sort === c.sort ? ' ▲' : page.sort === `-${c.sort}` ? ' ▼' : ''}</a> : c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figures.map((f) => (
                <tr key={f.id}>
                  <td data-label="As of" className="date"><a href={figureHref(f.id, filters.vintage)}>{f.asOf}</a></td>
                  <td data-label="Metric">{metricLabel.get(f.metric) ?? f.metric}</td>
                  <td data-label="Value as stated" className="value">{f.valueAsStated ?? formatStatedValue(f)}</td>
                  <td data-label="Qualifier">{QUALIFIER_LABELS[f.qualifier]}{QUALIFIER_SYMBOLS[f.qualifier] ? ` (${QUALIFIER_SYMBOLS[f.qualifier]})` : ''}</td>
                  <td data-label="Low" className="num">{formatExact(f.low)}</td>
                  <td data-label="High" className="num">{formatExact(f.high)}</td>
                  <td data-label="Place">{[f.origin?.name, f.destination?.name].filter(Boolean).join(' → ') || '—'}</td>
                  <td data-label="Source" className="citation-cell"><div><ClaimCitation claim={f} />{f.quote && <div className="muted"><q>{f.quote}</q></div>}</div></td>
                  <td data-label="Updated" className="date">{f.updatedAt.slice(0, 10)}</td>
                  <td data-label="Id" className="num">{f.id}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label="Pages">
        {page.cursor && <a href={`/figures?${new URLSearchParams([...base, ['sort', page.sort]])}`}>← First page</a>}
        {nextCursor && <a href={nextHref()} rel="next">Next page →</a>}
      </nav>
    </>
  );
}
