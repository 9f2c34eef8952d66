// Matches the header row (and an HXL hashtag row, when present) to the export's
// columns. Hashtags win over names, so HXL files from other tools import too.
import { FIGURE_COLUMN_NAMES, FIGURE_COLUMNS, type ExportColumn } from '../columns';
import { isHashtagRow, normaliseHashtag } from '../hxl';
import { AppError } from '@/lib/http/AppError';

export type ColumnName = (typeof FIGURE_COLUMN_NAMES)[number];

export interface ColumnMap {
  /** Column name -> cell index. */
  index: Partial<Record<ColumnName, number>>;
  /** Metric implied by a metric hashtag on the value columns (e.g. #affected+refugees+min). */
  impliedMetricTag: string | null;
  hasHashtagRow: boolean;
  warnings: string[];
}

const REQUIRED: ColumnName[] = ['metric', 'value_low', 'as_of', 'source_title'];

const TAG_TO_COLUMN = new Map<string, ColumnName>();
for (const c of FIGURE_COLUMNS) TAG_TO_COLUMN.set(normaliseHashtag(c.hxl)!, c.name);
for (const level of ['country', 'adm1', 'adm2', 'adm3', 'loc']) {
  TAG_TO_COLUMN.set(normaliseHashtag(`#${level}+code+origin`)!, 'origin_code');
  TAG_TO_COLUMN.set(normaliseHashtag(`#${level}+code+dest`)!, 'destination_code');
}

function columnForTag(tag: string, metricTags: string[]): { column: ColumnName; metricTag?: string } | null {
  const known = TAG_TO_COLUMN.get(tag);
  if (known) return { column: known };
  for (const metricTag of metricTags) {
    const base = normaliseHashtag(metricTag);
    if (!base) continue;
    if (tag === normaliseHashtag(`${metricTag}+min`)) return { column: 'value_low', metricTag };
    if (tag === normaliseHashtag(`${metricTag}+max`)) return { column: 'value_high', metricTag };
    if (tag === base) return { column: 'value_low', metricTag };
  }
  return null;
}

const normaliseName = (cell: string) => cell.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** The header's names, normalised; refuses an empty header and repeated names. */
function headerNames(header: string[]): string[] {
  const names = header.map(normaliseName);
  if (names.every((n) => n === '')) throw new AppError('BAD_REQUEST', 'The first row is empty. It must name the columns, as in an export.', 'file');
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  for (const n of names) {
    if (n && seen.has(n)) duplicated.add(n);
    seen.add(n);
  }
  if (duplicated.size > 0) {
    throw new AppError('BAD_REQUEST', `The header names ${[...duplicated].map((d) => `"${d}"`).join(', ')} more than once. Keep one column of each name.`, 'file');
  }
  return names;
}

const bothMap = (column: string, first: number, second: number) =>
  new AppError('BAD_REQUEST', `Columns ${first + 1} and ${second + 1} both map to "${column}". Keep one of them.`, 'file');

const missingColumns = (missing: string[]) =>
  new AppError('BAD_REQUEST', `Missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}. The first row must name the columns as an export does (see docs/api.md, Import).`, 'file');

export interface RecordColumnMap {
  index: Record<string, number>;
  hasHashtagRow: boolean;
  warnings: string[];
}

/** The same matching for the places and events files: by HXL hashtag, else by name. */
export function mapRecordHeader(header: string[], secondRow: string[] | null, columns: readonly ExportColumn[], required: readonly string[]): RecordColumnMap {
  const names = headerNames(header);
  const hasHashtagRow = secondRow !== null && isHashtagRow(secondRow);
  const byTag = new Map(columns.map((c) => [normaliseHashtag(c.hxl)!, c.name]));
  const known = new Set(columns.map((c) => c.name));
  const index: Record<string, number> = {};
  const warnings: string[] = [];
  names.forEach((name, i) => {
    const tag = hasHashtagRow ? normaliseHashtag(secondRow![i] ?? '') : null;
    const column = (tag && byTag.get(tag)) ?? (known.has(name) ? name : null);
    if (!column) {
      warnings.push(`Column "${header[i]}"${tag ? ` (${secondRow![i]})` : ''} is not part of the import format and was ignored.`);
      return;
    }
    if (index[column] !== undefined) throw bothMap(column, index[column], i);
    index[column] = i;
  });
  const missing = required.filter((c) => index[c] === undefined);
  if (missing.length > 0) throw missingColumns(missing);
  return { index, hasHashtagRow, warnings };
}

export function mapHeader(header: string[], secondRow: string[] | null, metricTags: string[]): ColumnMap {
  const names = headerNames(header);

  const hasHashtagRow = secondRow !== null && isHashtagRow(secondRow);
  const index: ColumnMap['index'] = {};
  const warnings: string[] = [];
  let impliedMetricTag: string | null = null;
  names.forEach((name, i) => {
    const tag = hasHashtagRow ? normaliseHashtag(secondRow![i] ?? '') : null;
    const byTag = tag ? columnForTag(tag, metricTags) : null;
    const column = byTag?.column ?? ((FIGURE_COLUMN_NAMES as readonly string[]).includes(name) ? (name as ColumnName) : null);
    if (!column) {
      warnings.push(`Column "${header[i]}"${tag ? ` (${secondRow![i]})` : ''} is not part of the import format and was ignored.`);
      return;
    }
    if (index[column] !== undefined) throw bothMap(column, index[column]!, i);
    index[column] = i;
    if (byTag?.metricTag) impliedMetricTag = byTag.metricTag;
  });

  const missing = REQUIRED.filter((c) => index[c] === undefined && !(c === 'metric' && impliedMetricTag) && !(c === 'value_low' && index.value_as_stated !== undefined) && !(c === 'source_title' && index.source_url !== undefined));
  if (missing.length > 0) throw missingColumns(missing);
  return { index, impliedMetricTag, hasHashtagRow, warnings };
}
