// Parameters of POST /api/v1/figures/import and who may use them.
import { z } from 'zod';
import type { Actor } from '@/lib/auth/session';
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
