// Parameters of POST /api/v1/figures/import and who may use them.
import { z } from 'zod';
import type { Actor } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/http/AppError';
import { CONTROL_CHARACTERS } from '@/lib/vocabulary';
import { fileTooLarge } from './readRecords';

/** The import routes' query parameters; the API reference is built from it. */
export const importRequestSchema = z.object({
  dryRun: z
    .enum(['0', '1', 'true', 'false'], { message: 'dryRun must be 1 or 0' })
    .default('1')
    .meta({ description: '1: check and count, write nothing. 0: commit every row in one transaction, or none if any row is invalid (422 with the report).' })
    .transform((v) => v === '1' || v === 'true'),
  status: z
    .enum(['DRAFT', 'PUBLISHED'], { message: 'status must be DRAFT or PUBLISHED' })
    .default('DRAFT')
    .meta({ description: 'Status of the imported figures, any case. PUBLISHED is for admins only (403 otherwise) and then every row needs a quote.' }),
  fileName: z
    .string()
    .trim()
    .min(1, 'fileName must not be blank')
    .max(200, 'fileName must be at most 200 characters')
    .refine((v) => !CONTROL_CHARACTERS.test(v), 'fileName must not contain control characters such as NUL')
    .default('upload.csv')
    .meta({ description: 'Recorded in the import history; else the X-File-Name header, else upload.csv.' }),
});

export type ImportRequest = z.infer<typeof importRequestSchema>;

export function parseImportRequest(request: Request): ImportRequest {
  const params = new URL(request.url).searchParams;
  return importRequestSchema.parse({
    dryRun: params.get('dryRun') ?? undefined,
    status: params.get('status')?.toUpperCase() ?? undefined,
    fileName: params.get('fileName') ?? request.headers.get('x-file-name') ?? undefined,
  });
}

/** Imported figures are drafts unless an admin chooses PUBLISHED. */
export function assertMayImportAs(actor: Actor, status: ImportRequest['status']): void {
  if (status === 'PUBLISHED' && actor.role !== 'ADMIN') {
    throw new AppError('FORBIDDEN', 'Only admins may import figures as PUBLISHED; import them as DRAFT and publish after review.', 'status');
  }
}

/** Places and events imports take dryRun and fileName only. */
export const recordImportRequestSchema = importRequestSchema.pick({ dryRun: true, fileName: true });

/** Parameters of POST /api/v1/places/import and /api/v1/events/import: dryRun and fileName. */
export function parseRecordImportRequest(request: Request): z.infer<typeof recordImportRequestSchema> {
  const params = new URL(request.url).searchParams;
  return recordImportRequestSchema.parse({
    dryRun: params.get('dryRun') ?? undefined,
    fileName: params.get('fileName') ?? request.headers.get('x-file-name') ?? undefined,
  });
}

/**
 * The request body as a byte stream with its limits: IMPORT_MAX_MB, counted on the
 * bytes read (readRecords.ts), and the Content-Length the body must match. A larger
 * declared size is refused up front. The import routes run outside the proxy
 * (proxy.ts), so the body arrives whole and this is the only size limit in force.
 */
export function importBody(request: Request): { body: AsyncIterable<Uint8Array>; maxBytes: number; declaredBytes?: number } {
  const maxBytes = Math.floor(getConfig().IMPORT_MAX_MB * 1024 * 1024);
  const declaredBytes = declaredBodyBytes(request);
  if (declaredBytes !== undefined && declaredBytes > maxBytes) throw fileTooLarge(maxBytes);
  if (!request.body) throw new AppError('BAD_REQUEST', 'Send the CSV file as the request body.', 'file');
  return { body: request.body as unknown as AsyncIterable<Uint8Array>, maxBytes, declaredBytes };
}

/** The body length the request announces, or undefined for a chunked upload. */
export function declaredBodyBytes(request: Request): number | undefined {
  const header = request.headers.get('content-length');
  if (header === null) return undefined;
  if (!/^\d{1,15}$/.test(header.trim())) throw new AppError('BAD_REQUEST', `Content-Length must be a number of bytes, got "${header.slice(0, 20)}".`, 'file');
  return Number(header.trim());
}
