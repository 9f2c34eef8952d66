// POST /api/v1/figures/import: a CSV body in the export's format (or HXL-tagged).
// Dry run by default; ?dryRun=0 commits all rows or none. With
// `Accept: application/x-ndjson` the answer streams progress lines, then the report.
// Its body limits are importBody's (lib/exchange/import/importRequest.ts).
import { requireActor } from '@/lib/auth/session';
import { assertMayImportAs, importBody, parseImportRequest } from '@/lib/exchange/import/importRequest';
import { runImport, type ImportOptions } from '@/lib/exchange/import/runImport';
import { errorBody, handle, json, toJson } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  const input = parseImportRequest(request);
  const actor = await requireActor(request, 'importFigures');
  assertMayImportAs(actor, input.status);
  const { body, maxBytes, declaredBytes } = importBody(request);

  const options: ImportOptions = { fileName: input.fileName, userId: actor.userId, dryRun: input.dryRun, status: input.status, maxBytes, declaredBytes };
  const run = (onProgress?: ImportOptions['onProgress']) => runImport(body, { ...options, onProgress });

  if (!(request.headers.get('accept') ?? '').includes('application/x-ndjson')) {
    const report = await run();
    return json(report, { status: report.committed || input.dryRun ? 200 : 422 });
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const line = (value: unknown) => controller.enqueue(encoder.encode(toJson(value) + '\n'));
      try {
        line({ type: 'report', report: await run((progress) => line({ type: 'progress', ...progress })) });
      } catch (err) {
        const { status, body } = errorBody(err, 'POST /api/v1/figures/import');
        line({ type: 'error', status, ...body });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
});
