// GET /api/v1/openapi.json: the OpenAPI 3.1 description of /api/v1, built from the
// zod schemas the routes validate with (lib/api/openapi.ts); rendered at /docs/api.
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async () => {
  // Caching headers (public with an ETag, or private) come from proxy.ts.
  return json(buildOpenApiDocument());
});
