// The extraction request at the boundary: `{ text, publishedAt, url?, title? }`, read from a
// bounded body and validated once. Used by POST /api/v1/extract and the extract page's action.
import { z } from 'zod';
import { AppError } from '@/lib/http/AppError';
import { dayString, httpUrl } from '@/lib/validation/fields';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import { TEXT_LIMITS } from '@/lib/vocabulary';

const MAX_TEXT_CHARS = TEXT_LIMITS.extractText;

// 100,000 characters as JSON can take up to 6 bytes each ("\u2014"); anything beyond is refused unread.
const MAX_BODY_BYTES = MAX_TEXT_CHARS * 6 + 10_000;

const tooLong = (length: number) =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `The text is ${length.toLocaleString('en')} characters; the limit is ${MAX_TEXT_CHARS.toLocaleString('en')}. Split the report and extract each part separately.`,
    'text',
  );

/** The JSON body; the API reference is built from it. */
export const extractRequestSchema = z.object({
  text: z
    .string({ message: 'text is required: paste the report as a string.' })
    .refine((v) => v.trim().length > 0, 'text is empty: paste the report to extract figures from.')
    .meta({ description: `The report's text, at most ${MAX_TEXT_CHARS.toLocaleString('en')} characters (413 beyond).` }),
  publishedAt: z
    .string({ message: 'publishedAt is required, as YYYY-MM-DD.' })
    .pipe(dayString)
    .meta({ description: 'The day the report was published, YYYY-MM-DD; relative dates ("on Tuesday") count back from it.', format: 'date' }),
  url: z.union([z.literal(''), httpUrl]).nullish().meta({ description: "The report's http(s) address." }),
  title: z.string().max(500, 'Keep the title under 500 characters.').nullish().meta({ description: "The report's title." }),
});

export type ExtractRequest = z.output<typeof extractRequestSchema>;

/** Validates parsed input; text over the limit is a 413, not a 400, so clients know to split it. */
export function parseExtractRequest(input: unknown): ExtractRequest {
  const text = (input as { text?: unknown } | null)?.text;
  if (typeof text === 'string' && text.length > MAX_TEXT_CHARS) throw tooLong(text.length);
  return parseOrThrow(extractRequestSchema, input);
}

async function readBoundedBody(request: Request): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLong(Math.round(declared / 6));
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new AppError('PAYLOAD_TOO_LARGE', `The request body is over ${MAX_BODY_BYTES.toLocaleString('en')} bytes; the text limit is ${MAX_TEXT_CHARS.toLocaleString('en')} characters.`, 'text');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads and validates a JSON extraction request; bad JSON is a 400 that says what is wrong. */
export async function readExtractRequest(request: Request): Promise<ExtractRequest> {
  const type = request.headers.get('content-type') ?? '';
  if (type && !/^application\/json\b/i.test(type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the request as JSON with Content-Type: application/json (got ${type}).`);
  }
  const body = await readBoundedBody(request);
  if (!body.trim()) throw new AppError('BAD_REQUEST', 'The request body is empty; send JSON such as {"text": "…", "publishedAt": "2022-03-09"}.');
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch (err) {
    throw new AppError('BAD_REQUEST', `The request body is not valid JSON: ${(err as Error).message}.`);
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new AppError('BAD_REQUEST', 'The request body must be a JSON object with text and publishedAt.');
  }
  return parseExtractRequest(input);
}
