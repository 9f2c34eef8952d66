// Checks one data row and turns it into typed values, or lists what is wrong
// with it, each message naming the column and the fix.
import { EARLIEST_DAY, QUALIFIERS, TEXT_LIMITS, isCalendarDay, isRecordId, type DatedValue, type Qualifier } from '@/lib/vocabulary';
import { parseNumber, parseStatedValue } from '@/lib/figures/parseStatedValue';
import { isFormulaLike, unneutraliseCell } from '../neutralise';
import type { ColumnMap, ColumnName } from './mapHeader';

export interface RowError {
  row: number;
  column: string | null;
  message: string;
}

export interface ImportRow extends DatedValue {
  row: number;
  id: number | null;
  metricId: number;
  originName: string | null;
  originCode: string | null;
  destinationName: string | null;
  destinationCode: string | null;
  sourceTitle: string;
  sourceUrl: string | null;
  publisher: string | null;
  publishedAt: string | null;
  quote: string | null;
  attribution: string | null;
  notes: string | null;
  retracted: boolean;
}

export interface ValidationContext {
  map: ColumnMap;
  /** Metric key -> id, and metric HXL tag -> key. */
  metricIds: Map<string, number>;
  metricKeysByTag: Map<string, string>;
  requireQuote: boolean;
  today: string;
}

const COLUMN_LIMITS: Partial<Record<ColumnName, number>> = {
  value_as_stated: TEXT_LIMITS.valueAsStated, origin: TEXT_LIMITS.placeName, destination: TEXT_LIMITS.placeName,
  origin_code: TEXT_LIMITS.placeCode, destination_code: TEXT_LIMITS.placeCode, source_title: TEXT_LIMITS.sourceTitle,
  source_url: TEXT_LIMITS.url, publisher: TEXT_LIMITS.publisher, quote: TEXT_LIMITS.quote, attribution: TEXT_LIMITS.attribution,
  notes: TEXT_LIMITS.notes,
};

export function validateRow(row: number, cells: string[], ctx: ValidationContext): { ok: true; value: ImportRow } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (column: string | null, message: string) => errors.push({ row, column, message });

  const text = (column: ColumnName): string | null => {
    const i = ctx.map.index[column];
    if (i === undefined) return null;
    const raw = (cells[i] ?? '').trim();
    if (raw === '') return null;
    const cell = unneutraliseCell(raw);
    if (cell !== raw) return cell; // an export's neutralised cell: the apostrophe is undone
    if (isFormulaLike(raw) && COLUMN_LIMITS[column] !== undefined) {
      fail(column, `"${raw.slice(0, 40)}" starts with "${raw[0]}", which spreadsheets run as a formula. Remove it, or start the cell with an apostrophe (') to keep it as text.`);
      return null;
    }
    const limit = COLUMN_LIMITS[column];
    if (limit && raw.length > limit) {
      fail(column, `${column} is ${raw.length} characters long; the limit is ${limit}.`);
      return null;
    }
    return raw;
  };

  const day = (column: ColumnName, required: boolean): string | null => {
    const value = text(column);
    if (value === null) {
      if (required) fail(column, `${column} is required; write the day as YYYY-MM-DD.`);
      return null;
    }
    if (!isCalendarDay(value)) {
      fail(column, `"${value}" is not a real date; write it as YYYY-MM-DD, for example 2022-03-09.`);
      return null;
    }
    if (value < EARLIEST_DAY || value > ctx.today) {
      fail(column, `${value} is ${value > ctx.today ? 'in the future' : 'before 1900'}; check the year.`);
      return null;
    }
    return value;
  };

  const idText = text('id');
  let id: number | null = null;
  if (idText !== null) {
    if (!isRecordId(idText)) fail('id', `"${idText}" is not a figure id; leave it empty for new figures.`);
    else id = Number(idText);
  }

  const metricKey = text('metric')?.toLowerCase() ?? (ctx.map.impliedMetricTag ? ctx.metricKeysByTag.get(ctx.map.impliedMetricTag) ?? null : null);
  const metricId = metricKey ? ctx.metricIds.get(metricKey) : undefined;
  if (!metricKey) fail('metric', 'metric is required, for example refugees.');
  else if (metricId === undefined) fail('metric', `Unknown metric "${metricKey}". Use one of: ${[...ctx.metricIds.keys()].join(', ')}.`);

  const value = readValue(text, fail);
  const asOf = day('as_of', true);
  const periodStart = day('period_start', false);
  const periodEnd = day('period_end', false);
  if (periodStart && periodEnd && periodStart > periodEnd) fail('period_end', `period_end ${periodEnd} is before period_start ${periodStart}.`);

  const sourceUrl = text('source_url');
  if (sourceUrl !== null) {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(sourceUrl).protocol);
    } catch {
      ok = false;
    }
    if (!ok) fail('source_url', `"${sourceUrl.slice(0, 60)}" is not a web address; use a full http:// or https:// URL.`);
  }
  const sourceTitle = text('source_title') ?? sourceUrl;
  if (!sourceTitle) fail('source_title', 'source_title is required: the title of the report, statement or article.');

  const status = text('status')?.toUpperCase() ?? null;
  if (status !== null && !['DRAFT', 'PUBLISHED', 'RETRACTED'].includes(status)) fail('status', `"${status}" is not a status; use DRAFT, PUBLISHED or RETRACTED.`);
  const quote = text('quote');
  if (ctx.requireQuote && quote === null && status !== 'RETRACTED') fail('quote', 'A quote is required to publish: paste the passage that states the figure.');

  const row_ = {
    originName: text('origin'), originCode: text('origin_code'), destinationName: text('destination'), destinationCode: text('destination_code'),
    publisher: text('publisher'), publishedAt: day('published_at', false), attribution: text('attribution'), notes: text('notes'),
  };
  if (errors.length > 0 || !value || !asOf || metricId === undefined || !sourceTitle) return { ok: false, errors };
  return {
    ok: true,
    value: {
      row, id, metricId, ...value, asOf, periodStart, periodEnd, sourceTitle, sourceUrl, quote, retracted: status === 'RETRACTED', ...row_,
    },
  };
}

type TextReader = (column: ColumnName) => string | null;
type Fail = (column: string | null, message: string) => void;

function readValue(text: TextReader, fail: Fail): { low: bigint; high: bigint; qualifier: Qualifier; valueAsStated: string | null } | null {
  const stated = text('value_as_stated');
  const lowText = text('value_low');
  const highText = text('value_high');
  const qualifierText = text('qualifier')?.toUpperCase() ?? null;
  if (qualifierText !== null && !(QUALIFIERS as readonly string[]).includes(qualifierText)) {
    fail('qualifier', `"${qualifierText}" is not a qualifier; use ${QUALIFIERS.join(', ')}.`);
    return null;
  }
  const qualifier = qualifierText as Qualifier | null;
  if (lowText === null) {
    if (stated === null) {
      fail('value_low', 'value_low is required (or value_as_stated, such as "more than 5,000").');
      return null;
    }
    const parsed = parseStatedValue(stated, qualifier ?? undefined);
    if (!parsed.ok) {
      fail('value_as_stated', parsed.message);
      return null;
    }
    return { ...parsed.value, valueAsStated: stated };
  }
  const low = parseNumber(lowText);
  if (!low.ok) fail('value_low', low.message);
  const high = highText === null ? low : parseNumber(highText);
  if (!high.ok && highText !== null) fail('value_high', high.message);
  if (!low.ok || !high.ok) return null;
  if (low.value > high.value) {
    fail('value_high', `value_low ${low.value} is greater than value_high ${high.value}; swap them.`);
    return null;
  }
  const chosen = qualifier ?? (low.value === high.value ? 'EXACT' : 'RANGE');
  if (chosen === 'RANGE' && low.value === high.value) {
    fail('qualifier', 'RANGE needs value_low below value_high; use EXACT or APPROXIMATE for one number.');
    return null;
  }
  if (chosen !== 'RANGE' && low.value !== high.value) {
    fail('qualifier', `${chosen} needs value_low equal to value_high; use RANGE for two different numbers.`);
    return null;
  }
  return { low: low.value, high: high.value, qualifier: chosen, valueAsStated: stated };
}
