// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json and
// rendered at /docs/api. Parameters and request bodies are converted from the
// very zod schemas the routes validate with (z.toJSONSchema, their input side),
// so a parameter added to a schema appears here and an enum comes from the
// vocabulary; answers are described by responses.ts, which the tests hold to
// what the routes really send. Nothing here reads the database: the document is
// the same on every instance of a build.
import { z } from 'zod';
import { csvOptionsSchema } from '@/lib/exchange/exportRequest';
import { importRequestSchema, recordImportRequestSchema } from '@/lib/exchange/import/importRequest';
import { extractRequestSchema } from '@/lib/extract/extractRequest';
import { figureFilterSchema } from '@/lib/figures/filters';
import { pageQuerySchema } from '@/lib/figures/listFigures';
import { seriesParamsSchema } from '@/lib/figures/parseSeriesParams';
import { pointClaimsQuerySchema } from '@/lib/figures/pointClaims';
import { placeSearchQuerySchema } from '@/lib/places/searchPlaces';
import { sourceSearchQuerySchema } from '@/lib/sources/searchSources';
import { SNAPSHOT_ID, SNAPSHOTS_PER_HOUR, snapshotInputSchema } from '@/lib/snapshots/snapshots';
import {
  RESPONSE_COMPONENTS, claimListSchema, placeSuggestionListSchema, sourceSuggestionListSchema, dataPackageSchema, extractResultSchema, snapshotCreatedSchema, snapshotDataSchema,
} from './responses';
import { queryParameters, toSchema } from './toSchema';
import type { JsonSchema, OpenApiDocument, Operation, Parameter, Response } from './types';

export const OPENAPI_PATH = '/api/v1/openapi.json';

const ref = (name: keyof typeof RESPONSE_COMPONENTS): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

const errorContent = { 'application/json': { schema: ref('Error') } };
const json = (description: string, schema: JsonSchema): Response => ({ description, content: { 'application/json': { schema } } });
const errors = (statuses: Record<number, string>): Record<string, Response> =>
  Object.fromEntries(Object.entries(statuses).map(([status, description]) => [status, { description, content: errorContent }]));

const BAD_PARAMETER = 'A bad parameter; `param` names it and the message says the fix.';
const BAD_TOKEN = 'A malformed, unknown or revoked API token (with `WWW-Authenticate: Bearer`), or no session or token while the instance runs with PUBLIC_READ=false.';
const NOT_SIGNED_IN = 'No session or API token, or a bad token.';
const DRAFTS = 'status asks for drafts or retractions and the caller is not an editor or admin (`param: "status"`).';
const UNEXPECTED = { 500: 'Our failure: the message carries a `requestId` that matches the server log line.' };

/** Anyone may call it (when PUBLIC_READ is on); a token or session makes it the caller's. */
const ANYONE: Operation['security'] = [{}, { apiToken: [] }, { session: [] }];
const SIGNED_IN: Operation['security'] = [{ apiToken: [] }, { session: [] }];

const csv = (description: string): Response => ({
  description,
  headers: {
    'Content-Disposition': { description: 'attachment; with a file name saying what it holds and when it was made.', schema: { type: 'string' } },
    Link: { description: '</api/v1/datapackage.json>; rel="describedby"', schema: { type: 'string' } },
  },
  content: { 'text/csv': { schema: { type: 'string', description: 'UTF-8, RFC 4180, one header row (and with hxl=1 a hashtag row).' } } },
});

const FILTER_ROUTES_NOTE = 'Reads the figure filters (the same reader as every page and export).';

function readOperations(): Record<string, Record<string, Operation>> {
  const filters = figureFilterSchema;
  const csvFigureOptions = csvOptionsSchema;
  const csvRecordOptions = csvOptionsSchema.omit({ sort: true });
  return {
    '/api/v1/series': {
      get: {
        operationId: 'getSeries',
        tags: ['Figures'],
        summary: 'One metric as a time series of headline values',
        description: `The headline rule picks one claim per day (a stock) or per day and place (a flow). With by, one series per place. ${FILTER_ROUTES_NOTE}`,
        security: ANYONE,
        parameters: queryParameters(seriesParamsSchema, filters),
        responses: {
          200: json('The series, or with by the series per place.', { anyOf: [ref('Series'), ref('SeriesBreakdown')] }),
          ...errors({ 400: BAD_PARAMETER, 401: BAD_TOKEN, 403: DRAFTS, 404: 'No metric has this key (`param: "metric"`).', ...UNEXPECTED }),
        },
      },
    },
    '/api/v1/figures': {
      get: {
        operationId: 'listFigures',
        tags: ['Figures'],
        summary: 'Figures with their citations, keyset-paged',
        description: `${FILTER_ROUTES_NOTE} To page, pass each answer's nextCursor as cursor with the same sort.`,
        security: ANYONE,
        parameters: queryParameters(pageQuerySchema, filters),
        responses: {
          200: json('One page of figures.', ref('FigurePage')),
          ...errors({ 400: BAD_PARAMETER, 401: BAD_TOKEN, 403: DRAFTS, 404: 'A metric key names no metric (`param: "metric"`).', ...UNEXPECTED }),
        },
      },
    },
    '/api/v1/claims': {
      get: {
        operationId: 'listPointClaims',
        tags: ['Figures'],
        summary: "A chart point's claims",
        description: 'The published claims among the ids, in the order given, each with its citation; drafts and retractions are left out. With vintage: the claims as published at that instant.',
        security: ANYONE,
        parameters: queryParameters(pointClaimsQuerySchema),
        responses: { 200: json('The published claims.', toSchema(claimListSchema, 'output')), ...errors({ 400: BAD_PARAMETER, 401: BAD_TOKEN, ...UNEXPECTED }) },
      },
    },
    '/api/v1/places': {
      get: {
        operationId: 'searchPlaces',
        tags: ['Figures'],
        summary: 'Places by name or code',
        description: 'Places that are not retired whose code is q or whose name or an alias contains it (code first, then names starting with q); the filter pickers suggest from it. Use an id or code from it as place, origin or destination.',
        security: ANYONE,
        parameters: queryParameters(placeSearchQuerySchema),
        responses: { 200: json('The matching places.', toSchema(placeSuggestionListSchema, 'output')), ...errors({ 400: BAD_PARAMETER, 401: BAD_TOKEN, ...UNEXPECTED }) },
      },
    },
    '/api/v1/sources': {
      get: {
        operationId: 'searchSources',
        tags: ['Figures'],
        summary: 'Sources by title, publisher, URL and day',
        description: 'Sources that are not retired whose title, publisher or URL hold every word of q, published on its day if q names one ("Reuters, 9 Mar 2022"), latest first. The editor\'s source picker suggests from it.',
        security: ANYONE,
        parameters: queryParameters(sourceSearchQuerySchema),
        responses: { 200: json('The matching sources.', toSchema(sourceSuggestionListSchema, 'output')), ...errors({ 400: BAD_PARAMETER, 401: BAD_TOKEN, ...UNEXPECTED }) },
      },
    },
    '/api/v1/figures.csv': {
      get: {
        operationId: 'exportFiguresCsv',
        tags: ['Exports'],
        summary: 'The filtered figures as CSV',
        description: `${FILTER_ROUTES_NOTE} Streams from PostgreSQL; closing the connection cancels the query. Columns: docs/api.md, "Export", and the Data Package.`,
        security: ANYONE,
        parameters: queryParameters(csvFigureOptions, filters),
        responses: { 200: csv('The figures, ordered by sort, else by id.'), ...errors({ 400: BAD_PARAMETER, 401: BAD_TOKEN, 403: DRAFTS, ...UNEXPECTED }) },
      },
    },
    '/api/v1/figures.ndjson': {
      get: {
        operationId: 'exportFiguresNdjson',
        tags: ['Exports'],
        summary: 'The filtered figures as NDJSON',
        description: `${FILTER_ROUTES_NOTE} The CSV's rows, one JSON object per line with its column names as keys; never neutralised.`,
        security: ANYONE,
        parameters: queryParameters(filters),
        responses: {
          200: { description: 'One figure per line.', content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
          ...errors({ 400: BAD_PARAMETER, 401: BAD_TOKEN, 403: DRAFTS, ...UNEXPECTED }),
        },
      },
    },
    ...Object.fromEntries(
      (['sources', 'places', 'events'] as const).map((table) => [
        `/api/v1/${table}.csv`,
        {
          get: {
            operationId: `export${table[0].toUpperCase()}${table.slice(1)}Csv`,
            tags: ['Exports'],
            summary: `Every ${table === 'events' ? 'published event' : `${table.slice(0, -1)} that is not retired`} as CSV`,
            description: table === 'sources' ? 'Streams from PostgreSQL.' : `The format POST /api/v1/${table}/import reads.`,
            security: ANYONE,
            parameters: queryParameters(csvRecordOptions),
            responses: { 200: csv(`The ${table}.`), ...errors({ 400: BAD_PARAMETER, 401: BAD_TOKEN, ...UNEXPECTED }) },
          },
        },
      ]),
    ),
    [OPENAPI_PATH]: {
      get: {
        operationId: 'getOpenApiDocument',
        tags: ['Reference'],
        summary: 'This document',
        description: 'Built from the schemas the routes validate with; rendered at /docs/api.',
        security: ANYONE,
        responses: { 200: json('The OpenAPI 3.1 document.', { type: 'object' }), ...errors({ 401: BAD_TOKEN, ...UNEXPECTED }) },
      },
    },
    '/api/v1/datapackage.json': {
      get: {
        operationId: 'getDataPackage',
        tags: ['Exports'],
        summary: 'A Frictionless Data Package describing the CSV exports',
        security: ANYONE,
        responses: { 200: json('The Data Package.', toSchema(dataPackageSchema, 'output')), ...errors({ 401: BAD_TOKEN, ...UNEXPECTED }) },
      },
    },
  };
}

function snapshotOperations(): Record<string, Record<string, Operation>> {
  const input = toSchema(snapshotInputSchema, 'input');
  return {
    '/api/v1/snapshots': {
      post: {
        operationId: 'createSnapshot',
        tags: ['Snapshots'],
        summary: 'Freeze a view under a permanent id',
        description:
          `Anyone who may read may create one. The same view with no figure revision since an earlier snapshot of it reuses that snapshot. ` +
          `At most ${SNAPSHOTS_PER_HOUR} new snapshots an hour per client (signed-in user, else IP address). A session request needs our own Origin header.`,
        security: ANYONE,
        requestBody: { required: true, content: { 'application/json': { schema: input }, 'application/x-www-form-urlencoded': { schema: input } } },
        responses: {
          201: json('A new snapshot.', toSchema(snapshotCreatedSchema, 'output')),
          200: json('An earlier snapshot of the same view and data, reused (created: false).', toSchema(snapshotCreatedSchema, 'output')),
          303: { description: 'A form post: redirect to the snapshot page /s/<id>.', headers: { Location: { schema: { type: 'string' } } } },
          ...errors({
            400: `${BAD_PARAMETER} A chart needs exactly one metric; a snapshot holds published figures only.`,
            401: BAD_TOKEN,
            403: 'A session request without our own Origin header, or status asks for drafts.',
            429: `More than ${SNAPSHOTS_PER_HOUR} new snapshots this hour.`,
            ...UNEXPECTED,
          }),
        },
      },
    },
    '/api/v1/snapshots/{id}': {
      get: {
        operationId: 'getSnapshot',
        tags: ['Snapshots'],
        summary: 'A snapshot and its frozen data',
        description: 'Sent with Cache-Control: public, max-age=31536000, immutable.',
        security: ANYONE,
        parameters: [{ name: 'id', in: 'path', required: true, description: 'The snapshot id (10 characters).', schema: toSchema(z.string().regex(SNAPSHOT_ID), 'input') }],
        responses: {
          200: json('The snapshot and its data.', toSchema(snapshotDataSchema, 'output')),
          ...errors({ 401: BAD_TOKEN, 404: 'No snapshot has this id.', ...UNEXPECTED }),
        },
      },
    },
  };
}

function writeOperations(): Record<string, Record<string, Operation>> {
  const csvBody = (what: string) => ({
    required: true,
    description: `The ${what} file itself (not multipart), at most IMPORT_MAX_MB (default 50) MB, counted as it arrives.`,
    content: { 'text/csv': { schema: { type: 'string' } } },
  });
  const fileNameHeader: Parameter = {
    name: 'X-File-Name',
    in: 'header',
    required: false,
    description: 'The file name, when the fileName parameter is not given.',
    schema: { type: 'string' },
  };
  const importErrors = (who: string) =>
    errors({
      400: `${BAD_PARAMETER} Also a body that ends short of its Content-Length.`,
      401: NOT_SIGNED_IN,
      403: `${who}, or a session request without our own Origin header.`,
      413: 'The file is larger than IMPORT_MAX_MB.',
      415: 'The file is not UTF-8 text (UTF-16, Latin-1).',
      ...UNEXPECTED,
    });
  const recordImport = (table: 'places' | 'events'): Operation => ({
    operationId: `import${table[0].toUpperCase()}${table.slice(1)}`,
    tags: ['Import'],
    summary: `Import a ${table}.csv`,
    description: `Editors and admins. The export's format (header names, or an HXL row). Every row or none is written.`,
    security: SIGNED_IN,
    parameters: [...queryParameters(recordImportRequestSchema), fileNameHeader],
    requestBody: csvBody(`${table}.csv`),
    responses: {
      200: json('The report: a dry run, or a commit that wrote every row.', ref('RecordImportReport')),
      422: json('A commit refused because of invalid rows; nothing was written.', ref('RecordImportReport')),
      ...importErrors('Not an editor or admin'),
    },
  });
  return {
    '/api/v1/figures/import': {
      post: {
        operationId: 'importFigures',
        tags: ['Import'],
        summary: 'Import a figures CSV',
        description:
          "Editors and admins. The export's columns by header name, or by HXL hashtag. Dry run by default. " +
          'With Accept: application/x-ndjson the answer streams {"type":"progress","rows":N,"bytes":B} lines and ends with {"type":"report","report":{…}} or {"type":"error",…}.',
        security: SIGNED_IN,
        parameters: [...queryParameters(importRequestSchema), fileNameHeader],
        requestBody: csvBody('CSV'),
        responses: {
          200: {
            description: 'The report: a dry run, or a commit that wrote every row. Or, with Accept: application/x-ndjson, progress lines then the report.',
            content: { 'application/json': { schema: ref('ImportReport') }, 'application/x-ndjson': { schema: { type: 'string' } } },
          },
          422: json('A commit refused because of invalid rows; nothing was written.', ref('ImportReport')),
          ...importErrors('Not an editor or admin, or status=PUBLISHED from someone who is not an admin'),
        },
      },
    },
    '/api/v1/places/import': { post: recordImport('places') },
    '/api/v1/events/import': { post: recordImport('events') },
    '/api/v1/extract': {
      post: {
        operationId: 'extractFigures',
        tags: ['Extract'],
        summary: 'Candidate figures found in a pasted report',
        description: 'Editors and admins. Each candidate carries its quote and offsets into the text. Nothing is saved.',
        security: SIGNED_IN,
        requestBody: { required: true, content: { 'application/json': { schema: toSchema(extractRequestSchema, 'input') } } },
        responses: {
          200: json('The candidates.', toSchema(extractResultSchema, 'output')),
          ...errors({
            400: `Bad JSON or a bad field; \`param\` names it.`,
            401: NOT_SIGNED_IN,
            403: 'Not an editor or admin, or a session request without our own Origin header.',
            413: 'text is over 100,000 characters: split the report.',
            415: 'The body is not application/json.',
            ...UNEXPECTED,
          }),
        },
      },
    },
  };
}

const DESCRIPTION = [
  "Corridor's cited refugee and evacuation figures. Every error has one shape, `{ error: { message, param? } }`: 4xx messages say what to fix and `param` names the field; a 500 carries only a `requestId` that matches the server log.",
  'BIGINT values (figure values) are JSON numbers while a double holds them exactly, strings beyond 2^53 − 1.',
  'Published data may be read anonymously unless the instance runs with PUBLIC_READ=false; then every path here, this document included, needs a session or an API token (401 otherwise). Writes always need one.',
  'Every read of figures takes vintage=<instant>: the data as published then. Docs: docs/api.md in the repository.',
].join('\n\n');

let cached: OpenApiDocument | undefined;

/** The document; built once per process (it depends only on the code). */
export function buildOpenApiDocument(): OpenApiDocument {
  cached ??= {
    openapi: '3.1.0',
    info: { title: 'Corridor API', version: '1', description: DESCRIPTION },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/', description: 'This instance' }],
    tags: [
      { name: 'Figures', description: 'Series, figures and the claims behind a chart point.' },
      { name: 'Exports', description: 'CSV, NDJSON and the Data Package.' },
      { name: 'Snapshots', description: 'Citable views that never change.' },
      { name: 'Import', description: 'CSV imports (editors and admins).' },
      { name: 'Extract', description: 'Candidate figures from a report (editors and admins).' },
      { name: 'Reference', description: 'This description of the API.' },
    ],
    paths: { ...readOperations(), ...snapshotOperations(), ...writeOperations() },
    components: {
      schemas: Object.fromEntries(Object.entries(RESPONSE_COMPONENTS).map(([name, schema]) => [name, toSchema(schema, 'output')])),
      securitySchemes: {
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal API token (crd_…) from /account/tokens, sent as Authorization: Bearer crd_…. It acts with its owner\'s current role.',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'better-auth.session_token',
          description:
            'The session cookie /login sets (named __Secure-better-auth.session_token when cookies are Secure). Requests that change data with it must carry our own Origin header.',
        },
      },
    },
  };
  return cached;
}
