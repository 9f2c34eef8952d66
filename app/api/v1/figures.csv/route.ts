// GET /api/v1/figures.csv: the figures the table shows for the same filters, as CSV.
import { getActor } from '@/lib/auth/session';
import { csvResponse } from '@/lib/exchange/csvResponse';
import { figuresFilename } from '@/lib/exchange/exportFilename';
import { parseCsvOptions } from '@/lib/exchange/exportRequest';
import { streamFiguresCsv } from '@/lib/exchange/figureExport';
import { readFigureFilters } from '@/lib/figures/readFigureFilters';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const options = parseCsvOptions(params);
  const filters = await readFigureFilters(params, () => getActor(request));
  return csvResponse(figuresFilename(filters, 'csv'), options, () => streamFiguresCsv(filters, options, request.signal));
});
