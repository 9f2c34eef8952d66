// POST /api/v1/extract: candidate figures, each with its quote and offsets, found in a pasted report.
import { requireActor } from '@/lib/auth/session';
import { extractFromDatabase } from '@/lib/extract/extractFromDatabase';
import { readExtractRequest } from '@/lib/extract/extractRequest';
import { handle, json } from '@/lib/http/respond';
import { toDay } from '@/lib/vocabulary';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  const input = await readExtractRequest(request);
  await requireActor(request, 'extractFigures');
  const candidates = await extractFromDatabase(input.text, toDay(input.publishedAt));
  return json({ candidates });
});
