// GET /api/v1/sources.csv: every source that is not retired.
import { attachment, sourcesFilename } from '@/lib/exchange/exportFilename';
import { parseCsvOptions } from '@/lib/exchange/exportRequest';
import { streamSourcesCsv } from '@/lib/exchange/sourceExport';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const options = parseCsvOptions(new URL(request.url).searchParams);
  const body = await streamSourcesCsv(options, request.signal);
  return new Response(body, {
    headers: {
      'content-type': `text/csv; charset=utf-8${options.hxl ? '; header=present' : ''}`,
      'content-disposition': attachment(sourcesFilename()),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
