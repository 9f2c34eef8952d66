'use server';
// Server actions for the extract page. Each re-checks the session and the
// extractFigures permission, validates its input with zod, then calls lib/extract.
import { revalidatePath } from 'next/cache';
import { getActor, assertPermission } from '@/lib/auth/session';
import { AppError } from '@/lib/http/AppError';
import { extractFromDatabase } from '@/lib/extract/extractFromDatabase';
import { parseExtractRequest } from '@/lib/extract/extractRequest';
import { saveExtractedDrafts } from '@/lib/extract/saveExtractedDrafts';
import { candidateFormValues, fieldForParam, parseSaveDrafts, type SaveDraftsInput } from '@/lib/extract/draftInput';
import { listExtractOptions } from '@/lib/extract/listExtractOptions';
import type { ExtractInput, ExtractState, SaveState } from '@/lib/extract/pageState';

// The extract request names API parameters; the page names its inputs.
const EXTRACT_FIELDS: Record<string, string> = { text: 'text', publishedAt: 'source.publishedAt', url: 'source.url', title: 'source.title' };

function failure(err: unknown): { message: string; param?: string } {
  if (err instanceof AppError) return { message: err.message, param: err.param };
  const requestId = crypto.randomUUID();
  console.error(`[corridor] extract action ${requestId} failed:`, err);
  return { message: `Something went wrong on our side; nothing was saved. Try again, and report request id ${requestId} if it keeps failing.` };
}

export async function extractAction(prev: ExtractState, input: ExtractInput): Promise<ExtractState> {
  const run = prev.run + 1;
  try {
    const request = parseExtractRequest({ text: input.text, publishedAt: input.publishedAt, url: input.url || null, title: input.title || null });
    const actor = await getActor();
    assertPermission(actor, 'extractFigures');
    const [candidates, options] = await Promise.all([
      extractFromDatabase(request.text, request.publishedAt.toISOString().slice(0, 10)),
      listExtractOptions(),
    ]);
    const metricIds = Object.fromEntries(options.metrics.map((m) => [m.key, m.id]));
    return {
      status: 'done',
      run,
      text: request.text,
      candidates: candidates.map((c, i) => ({
        values: candidateFormValues(c, `c${i + 1}`, metricIds),
        start: c.start,
        end: c.end,
        dateText: c.dateText,
        confidence: c.confidence,
        unknownOrigin: c.origin && c.origin.placeId === null ? c.origin.name : null,
        unknownDestination: c.destination && c.destination.placeId === null ? c.destination.name : null,
      })),
    };
  } catch (err) {
    const { message, param } = failure(err);
    const field = param ? EXTRACT_FIELDS[param] : undefined;
    return { status: 'error', run, text: input.text, candidates: [], message, fieldErrors: field ? { [field]: message } : {} };
  }
}

export async function saveDraftsAction(_prev: SaveState, input: SaveDraftsInput): Promise<SaveState> {
  const keys = input.candidates?.map((c) => c.key) ?? [];
  try {
    const actor = await getActor();
    assertPermission(actor, 'extractFigures');
    const parsed = parseSaveDrafts(input);
    if (!parsed.ok) return { status: 'error', message: 'Nothing was saved. Check the highlighted fields.', fieldErrors: parsed.errors };
    const saved = await saveExtractedDrafts(actor, { source: parsed.value.source, candidates: parsed.value.drafts });
    revalidatePath('/admin/figures');
    return { status: 'saved', ...saved, fieldErrors: {} };
  } catch (err) {
    const { message, param } = failure(err);
    const field = fieldForParam(param, keys);
    return { status: 'error', message: `Nothing was saved. ${message}`, fieldErrors: field === 'form' ? {} : { [field]: message } };
  }
}
