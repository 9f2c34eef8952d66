// Download names that say what a file holds and when it was made:
// corridor-figures-refugees-2022-03-01_2022-03-31-20260101T120000Z.csv
import type { FigureFilters } from '@/lib/figures/filters';

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);

export function figuresFilename(filters: FigureFilters, extension: 'csv' | 'ndjson', now = new Date()): string {
  const parts = ['corridor-figures'];
  if (filters.metric) parts.push(...filters.metric.map(slug));
  for (const place of [filters.place, filters.origin, filters.destination]) if (place) parts.push(slug(place));
  if (filters.from || filters.to) parts.push(`${filters.from ?? 'start'}_${filters.to ?? 'now'}`);
  const statuses = filters.status.filter((s) => s !== 'PUBLISHED');
  if (statuses.length > 0) parts.push(...statuses.map((s) => s.toLowerCase()));
  if (filters.qualifier || filters.publisher || filters.q) parts.push('filtered');
  parts.push(stamp(now));
  return `${parts.join('-')}.${extension}`;
}

/** corridor-sources-20260101T120000Z.csv, likewise for places and events. */
export function tableFilename(table: 'sources' | 'places' | 'events', now = new Date()): string {
  return `corridor-${table}-${stamp(now)}.csv`;
}

/** Content-Disposition with an ASCII name (the names above are ASCII by construction). */
export function attachment(filename: string): string {
  return `attachment; filename="${filename}"`;
}
