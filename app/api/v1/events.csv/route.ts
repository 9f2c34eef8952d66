// GET /api/v1/events.csv: every published event with its place and source, in the format events import reads.
import { csvResponse } from '@/lib/exchange/csvResponse';
import { tableFilename } from '@/lib/exchange/exportFilename';
import { parseCsvOptions } from '@/lib/exchange/exportRequest';
import { streamEventsCsv } from '@/lib/exchange/recordExport';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const options = parseCsvOptions(new URL(request.url).searchParams);
  return csvResponse(tableFilename('events'), options, () => streamEventsCsv(options, request.signal));
});
