// GET /api/v1/figures.csv: the figures the table shows for the same filters, as CSV.
import { attachment, figuresFilename } from '@/lib/exchange/exportFilename';
import { authorizeFigureExport, parseCsvOptions, parseExportFilters } from '@/lib/exchange/exportRequest';
import { streamFiguresCsv } from '@/lib/exchange/figureExport';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const { params, filters } = await parseExportFilters(request);
  const options = parseCsvOptions(params);
  await authorizeFigureExport(request, filters);
  const body = await streamFiguresCsv(filters, options, request.signal);
  return new Response(body, {
    headers: {
      'content-type': `text/csv; charset=utf-8${options.hxl ? '; header=present' : ''}`,
      'content-disposition': attachment(figuresFilename(filters, 'csv')),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
