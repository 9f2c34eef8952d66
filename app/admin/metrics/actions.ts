'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { assertPermission, getActor } from '@/lib/auth/session';
import { createMetric, retireMetric, updateMetric } from '@/lib/metrics/mutations';
import { recordFormError, type RecordFormState } from '@/lib/validation/recordFormState';

const fields = (f: FormData) => ({
  key: String(f.get('key') ?? ''),
  label: String(f.get('label') ?? ''),
  unit: String(f.get('unit') ?? ''),
  kind: String(f.get('kind') ?? '') as 'STOCK' | 'FLOW',
  hxlTag: String(f.get('hxlTag') ?? ''),
  description: String(f.get('description') ?? ''),
  keywords: String(f.get('keywords') ?? ''),
});

export async function saveMetricAction(_prev: RecordFormState, formData: FormData): Promise<RecordFormState> {
  const id = Number(formData.get('id') || 0);
  try {
    const actor = await getActor();
    assertPermission(actor, 'editMetrics');
    if (id) await updateMetric(actor, id, fields(formData));
    else await createMetric(actor, fields(formData));
  } catch (err) {
    return recordFormError(err, formData);
  }
  revalidatePath('/admin/metrics');
  redirect('/admin/metrics?saved=1');
}

export async function retireMetricAction(_prev: RecordFormState, formData: FormData): Promise<RecordFormState> {
  try {
    const actor = await getActor();
    assertPermission(actor, 'editMetrics');
    await retireMetric(actor, Number(formData.get('id')), String(formData.get('reason') ?? ''));
  } catch (err) {
    return recordFormError(err, formData);
  }
  revalidatePath('/admin/metrics');
  redirect('/admin/metrics?retracted=1');
}
