// What the /api/v1 routes answer, as zod schemas, for the API reference
// (openapi.ts). The routes build their answers from typed queries, not from these
// schemas; __tests__/lib/api/openapi.test.ts parses real answers with them, so a
// field added, renamed or dropped in a route fails there until this file says so.
import { z } from 'zod';
import { BREAKDOWNS } from '@/lib/figures/parseSeriesParams';
import { SNAPSHOT_ID, SNAPSHOT_VIEWS } from '@/lib/snapshots/snapshots';
import { FIGURE_STATUSES, INTERVALS, METRIC_KINDS, QUALIFIERS } from '@/lib/vocabulary';

const id = z.number().int().min(1);
const count = z.number().int().min(0);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ format: 'date' });
const instant = z.string().meta({ format: 'date-time', description: 'UTC, ISO 8601 with milliseconds.' });

/** BIGINT values: JSON numbers while exact in a double, else strings (lib/http/respond.ts, toJson). */
const bigValue = z
  .union([z.number().int().min(0), z.string().regex(/^\d+$/)])
  .meta({ description: 'A whole number: a JSON number up to 2^53 − 1, a string of digits beyond.' });

export const errorSchema = z
  .object({
    error: z.object({
      message: z.string().meta({ description: 'What is wrong and how to fix it.' }),
      param: z.string().optional().meta({ description: 'The query parameter, body field or header the message is about.' }),
      details: z.unknown().optional().meta({ description: 'More about the failure, for some errors.' }),
      requestId: z.string().optional().meta({ description: 'Only on 500: the id of the server log line (also the X-Request-Id header).' }),
    }),
  })
  .meta({ description: 'Every error, 4xx and 500 alike. No stack traces.' });

const placeSchema = z.object({ id, name: z.string(), code: z.string().nullable() });

export const claimSchema = z
  .object({
    id,
    metric: z.string().meta({ description: 'Metric key.' }),
    low: bigValue,
    high: bigValue,
    qualifier: z.enum(QUALIFIERS),
    valueAsStated: z.string().nullable().meta({ description: 'The phrase as the source wrote it ("more than 5,000").' }),
    asOf: day.meta({ description: 'The day the figure is true for (a flow: the last day of its period).' }),
    periodStart: day.nullable(),
    periodEnd: day.nullable(),
    origin: placeSchema.nullable(),
    destination: placeSchema.nullable(),
    quote: z.string().nullable().meta({ description: 'The verbatim passage stating the figure.' }),
    attribution: z.string().nullable().meta({ description: 'Who said it.' }),
    status: z.enum(FIGURE_STATUSES),
    updatedAt: instant,
    source: z.object({
      id,
      title: z.string(),
      url: z.string().nullable(),
      publisher: z.string().nullable(),
      publishedAt: day.nullable(),
      preferred: z.boolean().meta({ description: 'An editor marked this source as preferred for the headline rule.' }),
    }),
  })
  .meta({ description: 'One figure as its source states it, with its citation.' });

export const seriesPointSchema = z
  .object({
    date: day.meta({ description: 'Bucket start (a week starts on Monday).' }),
    value: bigValue.meta({ description: 'The plotted value, chosen by the headline rule (docs/architecture.md).' }),
    low: bigValue,
    high: bigValue,
    qualifier: z.enum(QUALIFIERS),
    claims: count.meta({ description: 'Every claim behind the point.' }),
    figureIds: z.array(id).max(10).meta({ description: 'At most 10 of those claims, in headline-rule order, headline first.' }),
    claimDetails: z.array(claimSchema).optional().meta({ description: 'With include=claims: the claims of figureIds, in that order.' }),
  })
  .meta({ description: 'One point of a series. Days without claims have no point (a gap, never zero).' });

const seriesHead = {
  metric: z.string(),
  unit: z.string(),
  kind: z.enum(METRIC_KINDS).meta({ description: 'STOCK: a running total. FLOW: a count per period.' }),
  interval: z.enum(INTERVALS),
};

export const seriesSchema = z.object({ ...seriesHead, points: z.array(seriesPointSchema) }).meta({ description: 'One metric as a time series of headline values.' });

export const seriesBreakdownSchema = z
  .object({
    ...seriesHead,
    by: z.enum(BREAKDOWNS),
    groups: z.array(z.object({ place: placeSchema, points: z.array(seriesPointSchema) })),
  })
  .meta({ description: 'With by: one series per place; each group is what the series answers with that place as its destination (or origin).' });

export const figurePageSchema = z
  .object({
    figures: z.array(claimSchema),
    nextCursor: z.string().nullable().meta({ description: 'Pass as cursor (with the same sort) for the next page; null on the last page.' }),
  })
  .meta({ description: 'One page of figures.' });

export const claimListSchema = z.object({ claims: z.array(claimSchema) });

export const placeSuggestionListSchema = z.object({
  places: z.array(
    placeSchema.extend({
      within: z.string().meta({ description: 'The places it lies within, outermost first ("Ukraine › Sumy Oblast"); empty at the top.' }),
    }),
  ),
});

export const sourceSuggestionListSchema = z.object({
  sources: z.array(
    z.object({ id, title: z.string(), url: z.string().nullable(), publisher: z.string().nullable(), publishedAt: day.nullable() }),
  ),
});

const snapshotFields = {
  id: z.string().regex(SNAPSHOT_ID),
  view: z.enum(SNAPSHOT_VIEWS),
  query: z.string().meta({ description: "The view's filters (and a chart's interval) as a query string, without vintage." }),
  vintage: instant.meta({ description: 'The instant the data is frozen at.' }),
  title: z.string(),
  createdAt: instant,
  url: z.string().meta({ description: 'The snapshot page, /s/<id>.' }),
};

export const snapshotCreatedSchema = z
  .object({ ...snapshotFields, created: z.boolean().meta({ description: 'false when an earlier snapshot of the same view and data was reused.' }) })
  .meta({ description: 'The snapshot that holds the view.' });

export const snapshotDataSchema = z
  .object({
    snapshot: z.object(snapshotFields),
    data: z.union([seriesSchema, figurePageSchema]).meta({
      description: 'A chart: what GET /api/v1/series answers at the vintage. A table: GET /api/v1/figures?sort=asOf&limit=1000 at the vintage.',
    }),
  })
  .meta({ description: 'A snapshot and its frozen data; never changes.' });

const span = z.object({ text: z.string(), start: count, end: count });
const namedPlace = z.object({ name: z.string(), placeId: id.nullable().meta({ description: 'A place id, or null for a place the table does not have.' }) });

export const extractResultSchema = z.object({
  candidates: z.array(
    z.object({
      metric: z.string().meta({ description: 'Metric key.' }),
      qualifier: z.enum(QUALIFIERS),
      low: bigValue,
      high: bigValue,
      asStated: z.string().meta({ description: 'The number phrase as written.' }),
      mentions: z.array(span).meta({ description: 'Every statement of the number; text.slice(start, end) === text of each. The first is asStated in quote.' }),
      quote: z.string().meta({ description: 'The sentence stating it: text.slice(start, end).' }),
      start: count,
      end: count,
      date: day.nullable(),
      dateText: z.string().nullable().meta({ description: 'The words the date was read from ("on Tuesday").' }),
      origin: namedPlace.nullable(),
      destination: namedPlace.nullable(),
      attribution: z.string().nullable(),
      confidence: z.number().min(0).max(1),
    }),
  ),
});

const rowError = z.object({
  row: z.number().int().min(1).meta({ description: 'The spreadsheet row: the header is row 1 (an HXL row, when present, row 2).' }),
  column: z.string().nullable(),
  message: z.string(),
});

const recordReportFields = {
  fileName: z.string(),
  dryRun: z.boolean(),
  committed: z.boolean(),
  rows: count,
  newRows: count,
  duplicate: count,
  invalid: count,
  errors: z.array(rowError),
  warnings: z.array(z.string()),
};

export const importReportSchema = z
  .object({ importRunId: id.nullable(), ...recordReportFields })
  .meta({ description: 'What the import did, or (a dry run) would do.' });

export const recordImportReportSchema = z.object(recordReportFields).meta({ description: 'What the import did, or (a dry run) would do.' });

export const dataPackageSchema = z
  .looseObject({
    profile: z.literal('tabular-data-package'),
    name: z.string(),
    title: z.string(),
    resources: z.array(z.looseObject({ name: z.string(), path: z.string(), schema: z.looseObject({ fields: z.array(z.looseObject({ name: z.string() })) }) })),
  })
  .meta({ description: 'A Frictionless Tabular Data Package (https://specs.frictionlessdata.io/tabular-data-package/); only its main keys are listed here.' });

/** Named in components.schemas and referred to by $ref wherever they occur. */
export const RESPONSE_COMPONENTS = {
  Error: errorSchema,
  Claim: claimSchema,
  SeriesPoint: seriesPointSchema,
  Series: seriesSchema,
  SeriesBreakdown: seriesBreakdownSchema,
  FigurePage: figurePageSchema,
  ImportReport: importReportSchema,
  RecordImportReport: recordImportReportSchema,
} as const;
