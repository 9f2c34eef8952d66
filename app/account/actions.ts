'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/http/AppError';
import { changePassword, signOut } from '@/lib/auth/signIn';
import { applySetCookie } from '@/lib/auth/applySetCookie';
import { formAction } from '@/lib/auth/serverAction';
import { createApiToken, revokeApiToken } from '@/lib/auth/apiTokens';
import type { AccountState } from '@/lib/validation/recordFormState';


const failed = ({ message, param }: { message: string; param?: string }): AccountState => ({ status: 'error', message, field: param });

export async function signOutAction(): Promise<void> {
  const { setCookie } = await signOut(new Headers(await headers()));
  await applySetCookie(setCookie);
  redirect('/login?signedOut=1');
}

export const changePasswordAction = formAction<AccountState>({
  name: 'change password',
  permission: 'manageOwnAccount',
  run: async (_actor, form) => {
    const next = form.text('newPassword');
    if (next !== form.text('confirmPassword')) throw new AppError('BAD_REQUEST', 'The new passwords do not match.', 'confirmPassword');
    const { setCookie } = await changePassword(new Headers(await headers()), form.text('currentPassword'), next);
    await applySetCookie(setCookie);
    return { state: { status: 'done', message: 'Password changed. Your other sessions were signed out.' } };
  },
  failed,
});

export const createTokenAction = formAction<AccountState>({
  name: 'create API token',
  permission: 'manageOwnAccount',
  run: async (actor, form) => {
    const { token } = await createApiToken(actor, form.text('name'));
    return { revalidate: ['/account/tokens'], state: { status: 'done', message: 'Copy this token now; it will not be shown again.', token } };
  },
  failed,
});

export const revokeTokenAction = formAction<AccountState>({
  name: 'revoke API token',
  permission: 'manageOwnAccount',
  run: async (actor, form) => {
    await revokeApiToken(actor, form.id());
    return { revalidate: ['/account/tokens'], state: { status: 'done', message: 'Token revoked.' } };
  },
  failed,
});
