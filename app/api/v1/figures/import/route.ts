// POST /api/v1/figures/import: a CSV body in the export's format (or HXL-tagged).
// Dry run by default; ?dryRun=0 commits all rows or none. With
// `Accept: application/x-ndjson` the answer streams progress lines, then the report.
// The proxy does not run for this path (proxy.ts), so the body arrives whole and
// IMPORT_MAX_MB, counted on the bytes read, is the only size limit in force.
import { requireActor } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { assertMayImportAs, declaredBodyBytes, parseImportRequest } from '@/lib/exchange/import/importRequest';
import { fileTooLarge } from '@/lib/exchange/import/readRecords';
import { runImport, type ImportOptions } from '@/lib/exchange/import/runImport';
import { AppError } from '@/lib/http/AppError';
import { errorBody, handle, json, toJson } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  const input = parseImportRequest(request);
  const actor = await requireActor(request, 'importFigures');
  assertMayImportAs(actor, input.status);
  const maxBytes = Math.floor(getConfig().IMPORT_MAX_MB * 1024 * 1024);
  const declaredBytes = declaredBodyBytes(request);
  if (declaredBytes !== undefined && declaredBytes > maxBytes) throw fileTooLarge(maxBytes);
  if (!request.body) throw new AppError('BAD_REQUEST', 'Send the CSV file as the request body.', 'file');

  const options: ImportOptions = { fileName: input.fileName, userId: actor.userId, dryRun: input.dryRun, status: input.status, maxBytes, declaredBytes };
  const body = request.body as unknown as AsyncIterable<Uint8Array>;
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
