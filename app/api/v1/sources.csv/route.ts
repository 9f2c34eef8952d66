// GET /api/v1/sources.csv: every source that is not retired.
import { csvResponse } from '@/lib/exchange/csvResponse';
import { tableFilename } from '@/lib/exchange/exportFilename';
import { parseCsvOptions } from '@/lib/exchange/exportRequest';
import { streamSourcesCsv } from '@/lib/exchange/recordExport';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const options = parseCsvOptions(new URL(request.url).searchParams);
  return csvResponse(tableFilename('sources'), options, () => streamSourcesCsv(options, request.signal));
});
