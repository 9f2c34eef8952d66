'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/http/AppError';
import { assertPermission, getActor } from '@/lib/auth/session';
import { createPlace, mergePlaces, retractPlace, updatePlace } from '@/lib/places/mutations';
import { recordFormError, type RecordFormState } from '@/lib/validation/recordFormState';

/** From the figure form's picker: a new place with just a name, typed OTHER until someone edits it. */
export async function createPlaceInlineAction(name: string): Promise<{ id: number; name: string } | { error: string }> {
  try {
    const actor = await getActor();
    assertPermission(actor, 'editReferenceData');
    return await createPlace(actor, { name: String(name), type: 'OTHER' });
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    console.error('[corridor] inline place failed:', err);
    return { error: 'Creating the place failed; try again.' };
  }
}

function placeFields(formData: FormData) {
  return {
    name: String(formData.get('name') ?? ''),
    type: String(formData.get('type') ?? 'OTHER') as never,
    code: String(formData.get('code') ?? ''),
    parentId: String(formData.get('parentId') ?? ''),
    aliases: String(formData.get('aliases') ?? ''),
    latitude: String(formData.get('latitude') ?? ''),
    longitude: String(formData.get('longitude') ?? ''),
  };
}

export async function savePlaceAction(_prev: RecordFormState, formData: FormData): Promise<RecordFormState> {
  const id = Number(formData.get('id') || 0);
  try {
    const actor = await getActor();
    assertPermission(actor, 'editReferenceData');
    if (id) await updatePlace(actor, id, Number(formData.get('version')), placeFields(formData));
    else await createPlace(actor, placeFields(formData));
  } catch (err) {
    return recordFormError(err, formData);
  }
  revalidatePath('/admin/places');
  redirect('/admin/places?saved=1');
}

export async function retractPlaceAction(_prev: RecordFormState, formData: FormData): Promise<RecordFormState> {
  try {
    const actor = await getActor();
    assertPermission(actor, 'editReferenceData');
    await retractPlace(actor, Number(formData.get('id')), String(formData.get('reason') ?? ''));
  } catch (err) {
    return recordFormError(err, formData);
  }
  revalidatePath('/admin/places');
  redirect('/admin/places?retracted=1');
}

export async function mergePlaceAction(_prev: RecordFormState, formData: FormData): Promise<RecordFormState> {
  try {
    const actor = await getActor();
    assertPermission(actor, 'mergeRecords');
    await mergePlaces(actor, Number(formData.get('id')), Number(formData.get('intoId')));
  } catch (err) {
    return recordFormError(err, formData);
  }
  revalidatePath('/admin/places');
  redirect('/admin/places?merged=1');
}
