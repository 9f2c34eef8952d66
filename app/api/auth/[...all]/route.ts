// better-auth's HTTP endpoints (session, sign-out, change password) for API
// clients. Signing in by email goes through the same function as the sign-in form
// (lib/auth/signIn.ts), so both paths share one throttle and one answer for an
// unknown email, a wrong password and a deactivated account.
import { getAuth } from '@/lib/auth/auth';
import { readSignInRequest } from '@/lib/auth/signInRequest';
import { signInWithPassword } from '@/lib/auth/signIn';
import { handle, json } from '@/lib/http/respond';

async function handler(request: Request): Promise<Response> {
  if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/sign-in/email')) {
    const { email, password } = await readSignInRequest(request);
    const { setCookie, response } = await signInWithPassword(email, password, request.headers);
    const headers = new Headers();
    for (const cookie of setCookie) headers.append('set-cookie', cookie);
    return json(response, { headers });
  }
  const auth = await getAuth();
  return auth.handler(request);
}

export const GET = handle(handler);
export const POST = handle(handler);
