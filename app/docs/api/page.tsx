// The API reference, drawn on the server from the OpenAPI document the API serves.
import { ApiReference } from '@/components/docs/ApiReference';
import { buildOpenApiDocument, OPENAPI_PATH } from '@/lib/api/openapi';

export const dynamic = 'force-dynamic';

export const metadata = {
  title: 'API reference — Corridor',
  description: 'Every /api/v1 path of Corridor with its parameters, request body and answers; the OpenAPI 3.1 document is at /api/v1/openapi.json.',
};

export default function ApiReferencePage() {
  return <ApiReference document={buildOpenApiDocument()} jsonHref={OPENAPI_PATH} />;
}
