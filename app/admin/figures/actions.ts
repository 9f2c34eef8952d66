'use server';
// Server actions for the figure form and review buttons. Each one re-checks the
// session and permission itself, then calls lib/figures; nothing here trusts the UI.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getActor, assertPermission } from '@/lib/auth/session';
import { AppError } from '@/lib/http/AppError';
import { saveFigureForm, type FigureFormState } from '@/lib/figures/saveFigureForm';
import { publishFigure, retractFigure } from '@/lib/figures/mutations';

export interface ReviewState {
  status: 'idle' | 'error' | 'done';
  message?: string;
  fieldErrors?: Record<string, string>;
}

function refusal(err: unknown): { status: 'error'; message: string } {
  if (err instanceof AppError) return { status: 'error', message: err.message };
  console.error('[corridor] figure action failed:', err);
  return { status: 'error', message: 'Saving failed on our side; nothing was changed. Try again.' };
}

const idFrom = (formData: FormData, name: string) => {
  const value = Number(formData.get(name));
  return Number.isInteger(value) && value > 0 ? value : NaN;
};

export async function saveFigureAction(_prev: FigureFormState, formData: FormData): Promise<FigureFormState> {
  let state: FigureFormState;
  try {
    const actor = await getActor();
    const figureId = formData.get('figureId') ? idFrom(formData, 'figureId') : undefined;
    assertPermission(actor, figureId ? 'editFigure' : 'createFigure');
    const existing = figureId !== undefined ? { id: figureId, version: idFrom(formData, 'version') } : undefined;
    if (existing && (Number.isNaN(existing.id) || Number.isNaN(existing.version))) {
      return { status: 'error', message: 'The form lost track of which figure and version you edited; reload the page.' };
    }
    state = await saveFigureForm(actor, formData, existing);
  } catch (err) {
    return { ...refusal(err), values: Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string> };
  }
  if (state.status !== 'saved') return state;
  revalidatePath('/admin/figures');
  revalidatePath('/');
  redirect(`/admin/figures/${state.id}/edit?saved=1`);
}

export async function publishFigureAction(_prev: ReviewState, formData: FormData): Promise<ReviewState> {
  const id = idFrom(formData, 'figureId');
  try {
    const actor = await getActor();
    assertPermission(actor, 'editFigure');
    await publishFigure(actor, id, { version: idFrom(formData, 'version') });
  } catch (err) {
    return refusal(err);
  }
  revalidatePath('/');
  revalidatePath('/admin/figures');
  redirect(`/admin/figures/${id}/edit?published=1`);
}

export async function retractFigureAction(_prev: ReviewState, formData: FormData): Promise<ReviewState> {
  const id = idFrom(formData, 'figureId');
  try {
    const actor = await getActor();
    assertPermission(actor, 'retractFigure');
    await retractFigure(actor, id, String(formData.get('reason') ?? ''), { version: idFrom(formData, 'version') });
  } catch (err) {
    if (err instanceof AppError && err.param === 'reason') return { status: 'error', message: err.message, fieldErrors: { reason: err.message } };
    return refusal(err);
  }
  revalidatePath('/');
  revalidatePath('/admin/figures');
  redirect(`/admin/figures/${id}/edit?retracted=1`);
}
