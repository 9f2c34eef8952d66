// POST /api/v1/places/import: a places.csv body in the export's format (or HXL-tagged).
// Dry run by default; ?dryRun=0 commits all rows or none.
import { requireActor } from '@/lib/auth/session';
import { runPlaceImport } from '@/lib/exchange/import/placeImport';
import { importBody, parseRecordImportRequest } from '@/lib/exchange/import/importRequest';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  const input = parseRecordImportRequest(request);
  const actor = await requireActor(request, 'editReferenceData');
  const { body, maxBytes, declaredBytes } = importBody(request);
  const report = await runPlaceImport(body, { fileName: input.fileName, userId: actor.userId, dryRun: input.dryRun, maxBytes, declaredBytes });
  return json(report, { status: report.committed || input.dryRun ? 200 : 422 });
});
