'use server';
// Server actions for the extract page: find candidates in a pasted report, and save
// the kept ones as drafts. The wrapper re-checks the session and permission.
import { serverAction } from '@/lib/auth/serverAction';
import { extractForPage } from '@/lib/extract/extractForPage';
import { fieldForParam, parseSaveDrafts, type SaveDraftsInput } from '@/lib/extract/draftInput';
import type { ExtractInput, ExtractState, SaveState } from '@/lib/extract/pageState';
import { saveExtractedDrafts } from '@/lib/extract/saveExtractedDrafts';
import { fixMessage } from '@/lib/validation/recordFormState';

// The extract request names API parameters; the page names its inputs.
const EXTRACT_FIELDS: Record<string, string> = { text: 'text', publishedAt: 'source.publishedAt', url: 'source.url', title: 'source.title' };

export const extractAction = serverAction<ExtractInput, ExtractState>({
  name: 'extract figures',
  permission: 'extractFigures',
  run: async (_actor, input, prev) => ({ state: { status: 'done', run: prev.run + 1, ...(await extractForPage(input)) } }),
  failed: ({ message, param }, input, prev) => {
    const field = param ? EXTRACT_FIELDS[param] : undefined;
    return { status: 'error', run: prev.run + 1, text: input.text, candidates: [], message, fieldErrors: field ? { [field]: message } : {} };
  },
});

export const saveDraftsAction = serverAction<SaveDraftsInput, SaveState>({
  name: 'save extracted drafts',
  permission: 'extractFigures',
  run: async (actor, input) => {
    const parsed = parseSaveDrafts(input);
    if (!parsed.ok) return { state: { status: 'error', message: fixMessage(parsed.errors), fieldErrors: parsed.errors } };
    const saved = await saveExtractedDrafts(actor, { source: parsed.value.source, candidates: parsed.value.drafts });
    return { revalidate: ['/admin/figures'], state: { status: 'saved', ...saved, fieldErrors: {} } };
  },
  failed: ({ message, param }, input) => {
    const field = fieldForParam(param, input.candidates?.map((c) => c.key) ?? []);
    return { status: 'error', message: `Nothing was saved. ${message}`, fieldErrors: field === 'form' ? {} : { [field]: message } };
  },
});
