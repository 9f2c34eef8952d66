'use server';
import { revalidatePath } from 'next/cache';
import { assertPermission, getActor } from '@/lib/auth/session';
import { changeUserRole, createUser, setUserActive } from '@/lib/users/mutations';
import { recordFormError, type RecordFormState } from '@/lib/validation/recordFormState';

export async function createUserAction(_prev: RecordFormState, formData: FormData): Promise<RecordFormState> {
  try {
    const actor = await getActor();
    assertPermission(actor, 'manageUsers');
    const user = await createUser(actor, {
      email: String(formData.get('email') ?? ''),
      name: String(formData.get('name') ?? ''),
      role: String(formData.get('role') ?? ''),
      password: String(formData.get('password') ?? ''),
    });
    revalidatePath('/admin/users');
    return { status: 'done', message: `Created ${user.role.toLowerCase()} ${user.email}. Give them the password through a separate channel.` };
  } catch (err) {
    return recordFormError(err, formData);
  }
}

export async function updateUserAction(_prev: RecordFormState, formData: FormData): Promise<RecordFormState> {
  try {
    const actor = await getActor();
    assertPermission(actor, 'manageUsers');
    const id = String(formData.get('id') ?? '');
    const intent = String(formData.get('intent') ?? '');
    if (intent === 'role') await changeUserRole(actor, id, String(formData.get('role') ?? ''));
    else if (intent === 'deactivate') await setUserActive(actor, id, false);
    else if (intent === 'reactivate') await setUserActive(actor, id, true);
    revalidatePath('/admin/users');
    return { status: 'done', message: 'Saved. The user’s sessions were ended where their access changed.' };
  } catch (err) {
    return recordFormError(err, formData);
  }
}
