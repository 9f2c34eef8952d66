// GET /api/v1/figures.ndjson: the same rows as figures.csv, one JSON object per line.
import { getActor } from '@/lib/auth/session';
import { attachment, figuresFilename } from '@/lib/exchange/exportFilename';
import { streamFiguresNdjson } from '@/lib/exchange/figureExport';
import { readFigureFilters } from '@/lib/figures/readFigureFilters';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const filters = await readFigureFilters(new URL(request.url).searchParams, () => getActor(request));
  const body = await streamFiguresNdjson(filters, request.signal);
  return new Response(body, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-disposition': attachment(figuresFilename(filters, 'ndjson')),
    },
  });
});
