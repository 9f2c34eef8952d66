'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { describeError } from '@/lib/http/errors';
import { signInWithPassword, type LoginState } from '@/lib/auth/signIn';
import { applySetCookie } from '@/lib/auth/applySetCookie';
import { safeNextPath } from '@/lib/auth/safeNextPath';

export async function signInAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get('email') ?? '');
  const password = String(formData.get('password') ?? '');
  try {
    const { setCookie } = await signInWithPassword(email, password, new Headers(await headers()));
    await applySetCookie(setCookie);
  } catch (err) {
    return { message: describeError(err, 'sign-in').message, email };
  }
  const next = String(formData.get('next') ?? '');
  // Without an explicit page, the sign-in page sends the now signed-in person where their role starts.
  redirect(next ? safeNextPath(next) : '/login');
}
