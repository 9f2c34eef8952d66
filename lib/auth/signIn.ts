// Email and password sign-in and sign-out through better-auth, with the per-account
// and per-IP throttle in front. The sign-in form and POST /api/auth/sign-in/email
// both come here, so every attempt on every path is counted the same way.
// Returns the Set-Cookie headers for the caller to send.
import { AppError } from '@/lib/http/AppError';
import { clientIp } from '@/lib/http/forwarded';
import { getAuth } from './auth';
import { betterAuthErrorMessage, betterAuthErrorStatus } from './betterAuthError';
import { claimLoginAttempt, releaseLoginAttempt } from './loginThrottle';

/** What the sign-in form shows after a failed attempt. */
export interface LoginState {
  message?: string;
  email?: string;
}

/** One message for an unknown email, a wrong password and a deactivated account alike. */
export const WRONG_CREDENTIALS = 'Email or password is incorrect.';

/** What a successful sign-in hands back: the cookies to set and better-auth's answer (user, token). */
export interface SignedIn {
  setCookie: string[];
  response: unknown;
}

/**
 * Claims a throttle slot, then lets better-auth check the password. Any refusal
 * (unknown email, wrong password, deactivated account, malformed email) is the
 * same 401 and stays counted; only a success gives the slot back.
 */
export async function signInWithPassword(email: string, password: string, requestHeaders: Headers): Promise<SignedIn> {
  const address = email.trim().toLowerCase();
  if (!address || !password) throw new AppError('BAD_REQUEST', 'Enter your email and password.', address ? 'password' : 'email');
  const ip = clientIp(requestHeaders);
  await claimLoginAttempt(address, ip);
  const auth = await getAuth();
  let signedIn;
  try {
    signedIn = await auth.api.signInEmail({ body: { email: address, password }, headers: requestHeaders, returnHeaders: true });
  } catch (err) {
    const status = betterAuthErrorStatus(err);
    if (status === null || status >= 500) throw err;
    throw new AppError('UNAUTHORIZED', WRONG_CREDENTIALS);
  }
  await releaseLoginAttempt(address, ip);
  return { setCookie: signedIn.headers.getSetCookie(), response: signedIn.response };
}

/** Ends the session the headers carry; returns the cookie-clearing headers. */
export async function signOut(requestHeaders: Headers): Promise<{ setCookie: string[] }> {
  const auth = await getAuth();
  try {
    const { headers } = await auth.api.signOut({ headers: requestHeaders, returnHeaders: true });
    return { setCookie: headers.getSetCookie() };
  } catch (err) {
    if (betterAuthErrorStatus(err) !== null) return { setCookie: [] };
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
    const status = betterAuthErrorStatus(err);
    if (status === null || status >= 500) throw err;
    if (status === 401 && !betterAuthErrorMessage(err).includes('password')) throw new AppError('UNAUTHORIZED', 'Sign in again to change your password.');
    throw new AppError('BAD_REQUEST', 'The current password is incorrect.', 'currentPassword');
  }
}
