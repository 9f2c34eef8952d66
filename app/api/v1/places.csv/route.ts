// GET /api/v1/places.csv: every place that is not retired, with its parent, in the format places import reads.
import { csvResponse } from '@/lib/exchange/csvResponse';
import { tableFilename } from '@/lib/exchange/exportFilename';
import { parseCsvOptions } from '@/lib/exchange/exportRequest';
import { streamPlacesCsv } from '@/lib/exchange/recordExport';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const options = parseCsvOptions(new URL(request.url).searchParams);
  return csvResponse(tableFilename('places'), options, () => streamPlacesCsv(options, request.signal));
});
