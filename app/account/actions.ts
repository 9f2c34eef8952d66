'use server';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/http/AppError';
import { changePassword, signOut } from '@/lib/auth/signIn';
import { applySetCookie } from '@/lib/auth/applySetCookie';
import { assertPermission, getActor } from '@/lib/auth/session';
import { createApiToken, revokeApiToken } from '@/lib/auth/apiTokens';

export interface AccountState {
  status: 'idle' | 'error' | 'done';
  message?: string;
  field?: string;
  /** A new API token, shown once. */
  token?: string;
}

const failure = (err: unknown): AccountState => {
  if (err instanceof AppError) return { status: 'error', message: err.message, field: err.param };
  console.error('[corridor] account action failed:', err);
  return { status: 'error', message: 'That failed on our side; nothing was changed. Try again.' };
};

export async function signOutAction(): Promise<void> {
  const { setCookie } = await signOut(new Headers(await headers()));
  await applySetCookie(setCookie);
  redirect('/login?signedOut=1');
}

export async function changePasswordAction(_prev: AccountState, formData: FormData): Promise<AccountState> {
  try {
    assertPermission(await getActor(), 'manageOwnAccount');
    const next = String(formData.get('newPassword') ?? '');
    if (next !== String(formData.get('confirmPassword') ?? '')) return { status: 'error', message: 'The new passwords do not match.', field: 'confirmPassword' };
    const { setCookie } = await changePassword(new Headers(await headers()), String(formData.get('currentPassword') ?? ''), next);
    await applySetCookie(setCookie);
    return { status: 'done', message: 'Password changed. Your other sessions were signed out.' };
  } catch (err) {
    return failure(err);
  }
}

export async function createTokenAction(_prev: AccountState, formData: FormData): Promise<AccountState> {
  try {
    const actor = await getActor();
    assertPermission(actor, 'manageOwnAccount');
    const { token } = await createApiToken(actor, String(formData.get('name') ?? ''));
    revalidatePath('/account/tokens');
    return { status: 'done', message: 'Copy this token now; it will not be shown again.', token };
  } catch (err) {
    return failure(err);
  }
}

export async function revokeTokenAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  assertPermission(actor, 'manageOwnAccount');
  await revokeApiToken(actor, Number(formData.get('id')));
  revalidatePath('/account/tokens');
}
