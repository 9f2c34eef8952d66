'use server';
import { formAction } from '@/lib/auth/serverAction';
import { changeUserRole, createUser, setUserActive } from '@/lib/users/mutations';
import { newUserSchema } from '@/lib/users/userInput';
import type { FormReader } from '@/lib/validation/formReader';
import { recordFormFailure, type RecordFormState } from '@/lib/validation/recordFormState';

const failed = (failure: Parameters<typeof recordFormFailure>[0], form: FormReader) => recordFormFailure(failure, form.data);

export const createUserAction = formAction<RecordFormState>({
  name: 'create user',
  permission: 'manageUsers',
  run: async (actor, form) => {
    const user = await createUser(actor, form.values(newUserSchema));
    return {
      revalidate: ['/admin/users'],
      state: { status: 'done', message: `Created ${user.role.toLowerCase()} ${user.email}. Give them the password through a separate channel.` },
    };
  },
  failed,
});

export const updateUserAction = formAction<RecordFormState>({
  name: 'update user',
  permission: 'manageUsers',
  run: async (actor, form) => {
    const id = form.text('id');
    const intent = form.text('intent');
    if (intent === 'role') await changeUserRole(actor, id, form.text('role'));
    else if (intent === 'deactivate') await setUserActive(actor, id, false);
    else if (intent === 'reactivate') await setUserActive(actor, id, true);
    return { revalidate: ['/admin/users'], state: { status: 'done', message: 'Saved. The user’s sessions were ended where their access changed.' } };
  },
  failed,
});
