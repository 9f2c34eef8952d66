// Query parameters of the export routes, on top of the figure filters
// (which every route reads through readFigureFilters).
import { z } from 'zod';
import { sortSchema } from '@/lib/figures/listFigures';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import type { CsvOptions } from './figureExport';

const flag = (name: string) =>
  z
    .enum(['0', '1', 'true', 'false'], { message: `${name} must be 1 or 0` })
    .optional()
    .transform((v) => v === '1' || v === 'true');

const optionsSchema = z.object({ bom: flag('bom'), hxl: flag('hxl'), raw: flag('raw'), sort: sortSchema.optional() });

export function parseCsvOptions(params: URLSearchParams): CsvOptions {
  return parseOrThrow(optionsSchema, {
    bom: params.get('bom') ?? undefined,
    hxl: params.get('hxl') ?? undefined,
    raw: params.get('raw') ?? undefined,
    sort: params.get('sort')?.trim() || undefined,
  });
}
