'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { assertPermission, getActor } from '@/lib/auth/session';
import { createEvent, retractEvent, updateEvent } from '@/lib/events/mutations';
import { recordFormError, type RecordFormState } from '@/lib/validation/recordFormState';

const fields = (f: FormData) => ({
  title: String(f.get('title') ?? ''),
  date: String(f.get('date') ?? ''),
  endDate: String(f.get('endDate') ?? ''),
  description: String(f.get('description') ?? ''),
  placeId: String(f.get('placeId') ?? ''),
  sourceId: String(f.get('sourceId') ?? ''),
});

export async function saveEventAction(_prev: RecordFormState, formData: FormData): Promise<RecordFormState> {
  const id = Number(formData.get('id') || 0);
  try {
    const actor = await getActor();
    assertPermission(actor, 'editReferenceData');
    if (id) await updateEvent(actor, id, Number(formData.get('version')), fields(formData));
    else await createEvent(actor, fields(formData));
  } catch (err) {
    return recordFormError(err, formData);
  }
  revalidatePath('/admin/events');
  revalidatePath('/');
  redirect('/admin/events?saved=1');
}

export async function retractEventAction(_prev: RecordFormState, formData: FormData): Promise<RecordFormState> {
  try {
    const actor = await getActor();
    assertPermission(actor, 'editReferenceData');
    await retractEvent(actor, Number(formData.get('id')), String(formData.get('reason') ?? ''));
  } catch (err) {
    return recordFormError(err, formData);
  }
  revalidatePath('/admin/events');
  revalidatePath('/');
  redirect('/admin/events?retracted=1');
}
