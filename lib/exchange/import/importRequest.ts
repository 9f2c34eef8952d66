// Parameters of POST /api/v1/figures/import and who may use them.
import { z } from 'zod';
import type { Actor } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/http/AppError';

const schema = z.object({
  dryRun: z.enum(['0', '1', 'true', 'false'], { message: 'dryRun must be 1 or 0' }).default('1').transform((v) => v === '1' || v === 'true'),
  status: z.enum(['DRAFT', 'PUBLISHED'], { message: 'status must be DRAFT or PUBLISHED' }).default('DRAFT'),
  fileName: z.string().trim().min(1).max(200, 'fileName must be at most 200 characters').default('upload.csv'),
});

export type ImportRequest = z.infer<typeof schema>;

export function parseImportRequest(request: Request): ImportRequest {
  const params = new URL(request.url).searchParams;
  return schema.parse({
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

const recordSchema = schema.pick({ dryRun: true, fileName: true });

/** Parameters of POST /api/v1/places/import and /api/v1/events/import: dryRun and fileName. */
export function parseRecordImportRequest(request: Request): z.infer<typeof recordSchema> {
  const params = new URL(request.url).searchParams;
  return recordSchema.parse({
    dryRun: params.get('dryRun') ?? undefined,
    fileName: params.get('fileName') ?? request.headers.get('x-file-name') ?? undefined,
  });
}

/** The request body as a byte stream, refused up front when its declared size is over IMPORT_MAX_MB. */
export function importBody(request: Request): { body: AsyncIterable<Uint8Array>; maxBytes: number } {
  const limit = getConfig().IMPORT_MAX_MB;
  const maxBytes = limit * 1024 * 1024;
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than the ${limit} MB limit (IMPORT_MAX_MB). Split it into smaller files.`, 'file');
  }
  if (!request.body) throw new AppError('BAD_REQUEST', 'Send the CSV file as the request body.', 'file');
  return { body: request.body as unknown as AsyncIterable<Uint8Array>, maxBytes };
}
