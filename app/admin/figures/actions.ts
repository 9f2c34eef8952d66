'use server';
// Server actions for the figure form and review buttons. The wrapper re-checks the
// session and permission; lib/figures validates and saves. Nothing here trusts the UI.
import { serverAction } from '@/lib/auth/serverAction';
import { publishFigure, publishFigures, retractFigure } from '@/lib/figures/mutations';
import { parsePublishItems } from '@/lib/figures/reviewQueue';
import { saveFigureForm, type FigureFormState } from '@/lib/figures/saveFigureForm';
import { FormReader } from '@/lib/validation/formReader';
import type { RecordFormState as ReviewState } from '@/lib/validation/recordFormState';

const CHANGED_PAGES = ['/', '/admin/figures', '/admin/review'];

export const saveFigureAction = serverAction<FormData, FigureFormState>({
  name: 'save figure',
  permission: (formData) => (formData.get('figureId') ? 'editFigure' : 'createFigure'),
  run: async (actor, formData) => {
    const form = new FormReader(formData);
    const figureId = form.optionalId('figureId');
    const state = await saveFigureForm(actor, formData, figureId ? { id: figureId, version: form.version() } : undefined);
    if (state.status !== 'saved') return { state };
    return { revalidate: CHANGED_PAGES, redirectTo: `/admin/figures/${state.id}/edit?saved=1` };
  },
  failed: (failure, formData) => ({ status: 'error', message: failure.message, values: new FormReader(formData).typedValues() }),
});

const reviewFailed = (failure: { message: string; param?: string }): ReviewState => ({
  status: 'error',
  message: failure.message,
  ...(failure.param === 'reason' ? { fieldErrors: { reason: failure.message } } : {}),
});

export const publishFigureAction = serverAction<FormData, ReviewState>({
  name: 'publish figure',
  permission: 'editFigure',
  run: async (actor, formData) => {
    const form = new FormReader(formData);
    const id = form.id('figureId');
    await publishFigure(actor, id, { version: form.version() });
    return { revalidate: CHANGED_PAGES, redirectTo: `/admin/figures/${id}/edit?published=1` };
  },
  failed: reviewFailed,
});

export const retractFigureAction = serverAction<FormData, ReviewState>({
  name: 'retract figure',
  permission: 'retractFigure',
  run: async (actor, formData) => {
    const form = new FormReader(formData);
    const id = form.id('figureId');
    await retractFigure(actor, id, form.text('reason'), { version: form.version() });
    return { revalidate: CHANGED_PAGES, redirectTo: `/admin/figures/${id}/edit?retracted=1` };
  },
  failed: reviewFailed,
});

/** The review queue's "Publish selected" (and its P shortcut): every selected draft, or none. */
export const publishDraftsAction = serverAction<FormData, ReviewState>({
  name: 'publish drafts',
  permission: 'editFigure',
  run: async (actor, formData) => {
    const published = await publishFigures(actor, parsePublishItems(formData.getAll('figure')));
    const ids = published.map((p) => p.id).join(', ');
    return { revalidate: CHANGED_PAGES, state: { status: 'done', message: published.length === 1 ? `Published figure ${ids}.` : `Published ${published.length} figures: ${ids}.` } };
  },
  failed: (failure) => ({ status: 'error', message: failure.message }),
});
