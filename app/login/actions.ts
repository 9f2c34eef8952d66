'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/http/AppError';
import { signInWithPassword } from '@/lib/auth/signIn';
import { applySetCookie } from '@/lib/auth/applySetCookie';
import { safeNextPath } from '@/lib/auth/safeNextPath';

export interface LoginState {
  message?: string;
  email?: string;
}

export async function signInAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get('email') ?? '');
  const password = String(formData.get('password') ?? '');
  try {
    const { setCookie } = await signInWithPassword(email, password, new Headers(await headers()));
    await applySetCookie(setCookie);
  } catch (err) {
    if (err instanceof AppError) return { message: err.message, email };
    console.error('[corridor] sign-in failed:', err);
    return { message: 'Signing in failed on our side. Try again in a moment.', email };
  }
  redirect(safeNextPath(String(formData.get('next') ?? '')));
}
