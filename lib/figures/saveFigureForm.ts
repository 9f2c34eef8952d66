// The figure form's server side: parse the submitted FormData with zod, create an
// inline source if asked, guard against duplicates, save, and turn every failure
// into field errors while handing back exactly what the user typed.
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/http/AppError';
import type { Actor } from '@/lib/auth/permissions';
import { createSource } from '@/lib/sources/mutations';
import { NEW_SOURCE_INPUTS, parseFigureForm } from './figureInput';
import { createFigure, updateFigure } from './mutations';
import { findDuplicateFigure } from './findDuplicateFigure';
import { FormReader } from '@/lib/validation/formReader';
import { fixMessage } from '@/lib/validation/recordFormState';
import type { ConflictDetails } from './conflictError';

export interface FigureFormState {
  status: 'idle' | 'error' | 'duplicate' | 'conflict' | 'saved';
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the user submitted, so nothing typed is lost on an error. */
  values?: Record<string, string>;
  duplicateId?: number;
  conflict?: ConflictDetails;
  id?: number;
}

// Errors from lib functions name their parameter; the form names its inputs.
const PARAM_TO_FIELD: Record<string, string> = {
  low: 'value',
  high: 'value',
  qualifier: 'value',
  valueAsStated: 'value',
  ...Object.fromEntries(Object.entries(NEW_SOURCE_INPUTS).map(([input, field]) => [field, input])),
};

export async function saveFigureForm(actor: Actor, formData: FormData, existing?: { id: number; version: number }): Promise<FigureFormState> {
  const values = new FormReader(formData).typedValues();
  const parsed = parseFigureForm(values);
  if (!parsed.ok) return { status: 'error', message: fixMessage(parsed.errors), fieldErrors: parsed.errors, values };
  const { newSource, confirmDuplicate, ...form } = parsed.data;
  try {
    if (!newSource && !confirmDuplicate && form.sourceId) {
      const duplicate = await findDuplicateFigure({ ...form, sourceId: form.sourceId }, existing?.id);
      if (duplicate) {
        return { status: 'duplicate', message: `Figure ${duplicate.id} already states this value for the same metric, place, date and source.`, duplicateId: duplicate.id, values };
      }
    }
    const id = await db.$transaction(async (tx) => {
      const sourceId = newSource ? (await createSource(actor, newSource, tx)).id : form.sourceId!;
      const data = { ...form, sourceId };
      if (existing) return (await updateFigure(actor, existing.id, existing.version, data, tx)).id;
      return (await createFigure(actor, data, tx)).id;
    });
    return { status: 'saved', id };
  } catch (err) {
    if (!(err instanceof AppError) || err.code === 'UNAUTHORIZED' || err.code === 'FORBIDDEN') throw err;
    if (err.code === 'CONFLICT' && err.param === 'version') {
      return { status: 'conflict', message: err.message, conflict: err.details as ConflictDetails, values };
    }
    const field = err.param ? (PARAM_TO_FIELD[err.param] ?? err.param) : undefined;
    return { status: 'error', message: field ? fixMessage({ [field]: err.message }) : err.message, fieldErrors: field ? { [field]: err.message } : undefined, values };
  }
}
