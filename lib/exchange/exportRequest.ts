// Query parameters shared by the export routes, on top of the figure filters.
import { z } from 'zod';
import { requireActor } from '@/lib/auth/session';
import { parseFigureFilters, type FigureFilters } from '@/lib/figures/filters';
import { assertPlacesExist } from '@/lib/places/assertPlacesExist';
import type { CsvOptions } from './figureExport';

const flag = (name: string) =>
  z
    .enum(['0', '1', 'true', 'false'], { message: `${name} must be 1 or 0` })
    .optional()
    .transform((v) => v === '1' || v === 'true');

const optionsSchema = z.object({ bom: flag('bom'), hxl: flag('hxl'), raw: flag('raw') });

export function parseCsvOptions(params: URLSearchParams): CsvOptions {
  return optionsSchema.parse({
    bom: params.get('bom') ?? undefined,
    hxl: params.get('hxl') ?? undefined,
    raw: params.get('raw') ?? undefined,
  });
}

/** Published rows are public; any other status needs a user who may see drafts. */
export async function authorizeFigureExport(request: Request, filters: FigureFilters): Promise<void> {
  if (filters.status.some((s) => s !== 'PUBLISHED')) await requireActor(request, 'viewDrafts');
}

/** The figure filters of an export request; an unknown place is a 400 naming its parameter. */
export async function parseExportFilters(request: Request): Promise<{ params: URLSearchParams; filters: FigureFilters }> {
  const params = new URL(request.url).searchParams;
  const filters = parseFigureFilters(params);
  await assertPlacesExist(filters);
  return { params, filters };
}
