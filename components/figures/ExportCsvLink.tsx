// "Export CSV": downloads exactly the current view through /api/v1/figures.csv.
import { filtersToSearchParams, type FigureFilters } from '@/lib/figures/filters';

export function ExportCsvLink({ filters }: { filters: FigureFilters }) {
  const query = filtersToSearchParams(filters).toString();
  return (
    <a className="button-link" href={`/api/v1/figures.csv${query ? `?${query}` : ''}`} download>
      Export CSV
    </a>
  );
}
