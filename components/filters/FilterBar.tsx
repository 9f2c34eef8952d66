// The filter form shared by the overview and the figures table. A plain GET
// form: the URL holds the view, so it is shareable and the back button works.
// The place filters suggest places as the reader types (PlaceFilter); every
// other field is a plain form control.
import type { FigureFilters } from '@/lib/figures/filters';
import { QUALIFIERS, QUALIFIER_LABELS, QUALIFIER_SYMBOLS } from '@/lib/vocabulary';
import type { MetricOption } from '@/lib/metrics/listMetricOptions';
import { findPlaceByRef, type PlaceRef } from '@/lib/places/placeRef';
import type { PublisherOption } from '@/lib/sources/listPublishers';
import { COMPARE_MAX, COMPARE_MIN } from '@/lib/figures/parseSeriesParams';
import { PlaceFilter } from './PlaceFilter';

interface Props {
  action: string;
  filters: Partial<FigureFilters>;
  /** The places the filters name (listPlacesByRef), shown by name in the pickers. */
  places: PlaceRef[];
  /** The metric chooser's options; every one is ticked when the URL names none. */
  metrics?: MetricOption[];
  publishers: PublisherOption[];
  interval?: string;
  showSearch?: boolean;
  /** The overview's place breakdown: shows "Break down by" and "Compare places". */
  breakdown?: { by?: string; places?: string[] };
  /** Extra hidden fields to keep, such as the table's sort. */
  keep?: Record<string, string>;
}

const chosen = (places: PlaceRef[], ref?: string) => {
  const place = findPlaceByRef(places, ref);
  return place ? [place] : [];
};

export function FilterBar({ action, filters, places, metrics, publishers, interval, breakdown, showSearch, keep }: Props) {
  return (
    <form action={action} method="get" className="filter-bar" aria-label="Filters">
      {showSearch && (
        <label className="filter-search">
          Search quotes and sources
          <input type="search" name="q" defaultValue={filters.q ?? ''} maxLength={200} />
        </label>
      )}
      {metrics && metrics.length > 0 && (
        <fieldset className="metric-chooser">
          <legend>Metrics</legend>
          <div className="choice-row">
            {metrics.map((m) => (
              <label key={m.key} className="choice">
                <input type="checkbox" name="metric" value={m.key} defaultChecked={!filters.metric || filters.metric.includes(m.key)} />
                {m.label}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <label>
        From
        <input type="date" name="from" defaultValue={filters.from ?? ''} />
      </label>
      <label>
        To
        <input type="date" name="to" defaultValue={filters.to ?? ''} />
      </label>
      <PlaceFilter name="place" label="Place (includes places within)" chosen={chosen(places, filters.place)} />
      <PlaceFilter name="origin" label="Origin" chosen={chosen(places, filters.origin)} />
      <PlaceFilter name="destination" label="Destination" chosen={chosen(places, filters.destination)} />
      <label>
        Publisher
        <select name="publisher" defaultValue={filters.publisher ?? ''}>
          <option value="">Any</option>
          {publishers.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
        </select>
      </label>
      <label>
        Qualifier
        <select name="qualifier" defaultValue={filters.qualifier?.[0] ?? ''}>
          <option value="">Any</option>
          {QUALIFIERS.map((q) => (
            <option key={q} value={q}>{QUALIFIER_LABELS[q]}{QUALIFIER_SYMBOLS[q] ? ` (${QUALIFIER_SYMBOLS[q]})` : ''}</option>
          ))}
        </select>
      </label>
      {interval !== undefined && (
        <label>
          Bars per
          <select name="interval" defaultValue={interval}>
            <option value="">Fit the range</option>
            <option value="day">Day</option>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </select>
        </label>
      )}
      {breakdown && (
        <>
          <label>
            Break down by
            <select name="by" defaultValue={breakdown.by ?? ''}>
              <option value="">No breakdown</option>
              <option value="destination">Destination (e.g. country of arrival)</option>
              <option value="origin">Origin</option>
            </select>
          </label>
          <PlaceFilter
            name="places"
            label={`Compare places (${COMPARE_MIN}–${COMPARE_MAX}; with a breakdown)`}
            multiple
            max={COMPARE_MAX}
            chosen={(breakdown.places ?? []).flatMap((ref) => chosen(places, ref))}
          />
        </>
      )}
      {Object.entries(keep ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className="filter-actions">
        <button type="submit">Apply filters</button>
        <a href={action}>Clear</a>
      </div>
    </form>
  );
}
