// Query parameters of the export routes, on top of the figure filters
// (which every route reads through readFigureFilters).
import { z } from 'zod';
import { sortSchema } from '@/lib/figures/listFigures';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import type { CsvOptions } from './figureExport';

const flag = (name: string, description: string) =>
  z
    .enum(['0', '1', 'true', 'false'], { message: `${name} must be 1 or 0` })
    .meta({ description })
    .optional()
    .transform((v) => v === '1' || v === 'true');

/** The CSV download options; the API reference is built from it (sort applies to figures.csv only). */
export const csvOptionsSchema = z.object({
  bom: flag('bom', '1: start the file with a UTF-8 byte-order mark, for Excel.'),
  hxl: flag('hxl', '1: add an HXL hashtag row as the second row.'),
  raw: flag('raw', '1: turn off CSV-injection neutralisation (for programs, not spreadsheets).'),
  sort: sortSchema.optional(),
});

export function parseCsvOptions(params: URLSearchParams): CsvOptions {
  return parseOrThrow(csvOptionsSchema, {
    bom: params.get('bom') ?? undefined,
    hxl: params.get('hxl') ?? undefined,
    raw: params.get('raw') ?? undefined,
    sort: params.get('sort')?.trim() || undefined,
  });
}
