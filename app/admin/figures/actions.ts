'use server';
// Server actions for the figure form and review buttons. The wrapper re-checks the
// session and permission; lib/figures validates and saves. Nothing here trusts the UI.
import { formAction } from '@/lib/auth/serverAction';
import type { Actor, Permission } from '@/lib/auth/permissions';
import { publishFigure, publishFigures, retractFigure } from '@/lib/figures/mutations';
import { parsePublishItems } from '@/lib/figures/reviewQueue';
import { saveFigureForm, type FigureFormState } from '@/lib/figures/saveFigureForm';
import type { FormReader } from '@/lib/validation/formReader';
import type { RecordFormState as ReviewState } from '@/lib/validation/recordFormState';

const CHANGED_PAGES = ['/', '/admin/figures', '/admin/review'];

export const saveFigureAction = formAction<FigureFormState>({
  name: 'save figure',
  permission: (form) => (form.data.get('figureId') ? 'editFigure' : 'createFigure'),
  run: async (actor, form) => {
    const figureId = form.optionalId('figureId');
    const state = await saveFigureForm(actor, form.data, figureId ? { id: figureId, version: form.version() } : undefined);
    if (state.status !== 'saved') return { state };
    return { revalidate: CHANGED_PAGES, redirectTo: `/admin/figures/${state.id}/edit?saved=1` };
  },
  failed: (failure, form) => ({ status: 'error', message: failure.message, values: form.typedValues() }),
});

const reviewFailed = (failure: { message: string; param?: string }): ReviewState => ({
  status: 'error',
  message: failure.message,
  ...(failure.param === 'reason' ? { fieldErrors: { reason: failure.message } } : {}),
});

/** A review button on a figure's edit page: act on the figure, then go back there saying what happened. */
function reviewAction(name: string, permission: Permission, outcome: 'published' | 'retracted', act: (actor: Actor, id: number, form: FormReader) => Promise<unknown>) {
  return formAction<ReviewState>({
    name,
    permission,
    run: async (actor, form) => {
      const id = form.id('figureId');
      await act(actor, id, form);
      return { revalidate: CHANGED_PAGES, redirectTo: `/admin/figures/${id}/edit?${outcome}=1` };
    },
    failed: reviewFailed,
  });
}

export const publishFigureAction = reviewAction('publish figure', 'editFigure', 'published', (actor, id, form) => publishFigure(actor, id, { version: form.version() }));

export const retractFigureAction = reviewAction('retract figure', 'retractFigure', 'retracted', (actor, id, form) => retractFigure(actor, id, form.text('reason'), { version: form.version() }));

/** The review queue's "Publish selected" (and its P shortcut): every selected draft, or none. */
export const publishDraftsAction = formAction<ReviewState>({
  name: 'publish drafts',
  permission: 'editFigure',
  run: async (actor, form) => {
    const published = await publishFigures(actor, parsePublishItems(form.data.getAll('figure')));
    const ids = published.map((p) => p.id).join(', ');
    return { revalidate: CHANGED_PAGES, state: { status: 'done', message: published.length === 1 ? `Published figure ${ids}.` : `Published ${published.length} figures: ${ids}.` } };
  },
  failed: (failure) => ({ status: 'error', message: failure.message }),
});
