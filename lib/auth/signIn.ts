// Email and password sign-in and sign-out through better-auth, with the per-account
// and per-IP throttle in front. Returns the Set-Cookie headers for the caller to send.
import { APIError } from 'better-auth/api';
import { AppError } from '@/lib/http/AppError';
import { getAuth } from './auth';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from './loginThrottle';

/** What the sign-in form shows after a failed attempt. */
export interface LoginState {
  message?: string;
  email?: string;
}

/** One message for an unknown email, a wrong password and a deactivated account alike. */
export const WRONG_CREDENTIALS = 'Email or password is incorrect.';

export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || null;
}

export async function signInWithPassword(email: string, password: string, requestHeaders: Headers): Promise<{ setCookie: string[] }> {
  const address = email.trim().toLowerCase();
  if (!address || !password) throw new AppError('BAD_REQUEST', 'Enter your email and password.', address ? 'password' : 'email');
  const ip = clientIp(requestHeaders);
  await assertLoginAllowed(address, ip);
  const auth = await getAuth();
  try {
    const { headers } = await auth.api.signInEmail({ body: { email: address, password }, headers: requestHeaders, returnHeaders: true });
    await clearLoginFailures(address);
    return { setCookie: headers.getSetCookie() };
  } catch (err) {
    if (!(err instanceof APIError)) throw err;
    await recordLoginFailure(address, ip);
    throw new AppError('UNAUTHORIZED', WRONG_CREDENTIALS);
  }
}

/** Ends the session the headers carry; returns the cookie-clearing headers. */
export async function signOut(requestHeaders: Headers): Promise<{ setCookie: string[] }> {
  const auth = await getAuth();
  try {
    const { headers } = await auth.api.signOut({ headers: requestHeaders, returnHeaders: true });
    return { setCookie: headers.getSetCookie() };
  } catch (err) {
    if (err instanceof APIError) return { setCookie: [] };
    throw err;
  }
}

/** Changes the signed-in user's password and signs out their other sessions. */
export async function changePassword(requestHeaders: Headers, currentPassword: string, newPassword: string): Promise<{ setCookie: string[] }> {
  if (newPassword.length < 10) throw new AppError('BAD_REQUEST', 'Use at least 10 characters for the new password.', 'newPassword');
  if (newPassword.length > 200) throw new AppError('BAD_REQUEST', 'Use at most 200 characters for the new password.', 'newPassword');
  const auth = await getAuth();
  try {
    const { headers } = await auth.api.changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: true }, headers: requestHeaders, returnHeaders: true });
    return { setCookie: headers.getSetCookie() };
  } catch (err) {
    if (!(err instanceof APIError)) throw err;
    if (err.status === 'UNAUTHORIZED' && !String(err.message).toLowerCase().includes('password')) throw new AppError('UNAUTHORIZED', 'Sign in again to change your password.');
    throw new AppError('BAD_REQUEST', 'The current password is incorrect.', 'currentPassword');
  }
}
