// "Export CSV": downloads exactly the current view through /api/v1/figures.csv,
// in the order the figures table lists it.
import { filtersToSearchParams, type FigureFilters } from '@/lib/figures/filters';
import { DEFAULT_SORT, type FigureSort } from '@/lib/figures/listFigures';

export function ExportCsvLink({ filters, sort = DEFAULT_SORT }: { filters: FigureFilters; sort?: FigureSort }) {
  const params = filtersToSearchParams(filters);
  params.set('sort', sort);
  const query = params.toString();
  return (
    <a className="button-link" href={`/api/v1/figures.csv${query ? `?${query}` : ''}`} download>
      Export CSV
    </a>
  );
}
