'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { assertPermission, getActor } from '@/lib/auth/session';
import { createSource, mergeSources, retractSource, updateSource } from '@/lib/sources/mutations';
import { recordFormError, type RecordFormState } from '@/lib/validation/recordFormState';

const fields = (f: FormData) => ({
  title: String(f.get('title') ?? ''),
  url: String(f.get('url') ?? ''),
  publisher: String(f.get('publisher') ?? ''),
  publishedAt: String(f.get('publishedAt') ?? ''),
  accessedAt: String(f.get('accessedAt') ?? ''),
  archiveUrl: String(f.get('archiveUrl') ?? ''),
  preferred: f.get('preferred') === 'on',
});

export async function saveSourceAction(_prev: RecordFormState, formData: FormData): Promise<RecordFormState> {
  const id = Number(formData.get('id') || 0);
  try {
    const actor = await getActor();
    assertPermission(actor, 'editReferenceData');
    if (id) await updateSource(actor, id, Number(formData.get('version')), fields(formData));
    else await createSource(actor, fields(formData));
  } catch (err) {
    return recordFormError(err, formData);
  }
  revalidatePath('/admin/sources');
  redirect('/admin/sources?saved=1');
}

export async function retractSourceAction(_prev: RecordFormState, formData: FormData): Promise<RecordFormState> {
  try {
    const actor = await getActor();
    assertPermission(actor, 'editReferenceData');
    await retractSource(actor, Number(formData.get('id')), String(formData.get('reason') ?? ''));
  } catch (err) {
    return recordFormError(err, formData);
  }
  revalidatePath('/admin/sources');
  redirect('/admin/sources?retracted=1');
}

export async function mergeSourceAction(_prev: RecordFormState, formData: FormData): Promise<RecordFormState> {
  try {
    const actor = await getActor();
    assertPermission(actor, 'mergeRecords');
    await mergeSources(actor, Number(formData.get('id')), Number(formData.get('intoId')));
  } catch (err) {
    return recordFormError(err, formData);
  }
  revalidatePath('/admin/sources');
  redirect('/admin/sources?merged=1');
}
